/**
 * R11 robustness of the Daly UART protocol: random bytes in any split never crash the client, noise
 * never piles up, frames of any content decode to readings or DALY_ errors, and encoded frames and
 * settings decode back to themselves.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cuts, decodeInPieces, expectTypedRejection, fuzzOptions, hostileBytes, piecesOf } from '../../../testing/fuzz';
import { DALY_DATA_SIZE, DALY_FRAME_SIZE, DALY_START, decodeDalyFrames, encodeDalyFrame } from './daly-frame';
import {
  DALY_SETTING_COMMANDS,
  DALY_SETTINGS,
  decodeBalancing,
  decodeCellFrames,
  decodeFaults,
  decodeMos,
  decodeSettingsFrame,
  decodeSoc,
  decodeStatus,
  decodeTempFrames,
  encodeSettingsFrame,
  type DalySettings
} from './daly-data';

const stream = { codePrefix: 'DALY_', maxPending: DALY_FRAME_SIZE };
const data = fc.uint8Array({ minLength: DALY_DATA_SIZE, maxLength: DALY_DATA_SIZE });
const frame = fc.record({ address: fc.integer({ min: 0, max: 255 }), command: fc.integer({ min: 0, max: 255 }), data });

describe('R11 fuzz: Daly frames', () => {
  it('random bytes in random reads: no crash, only DALY_ errors, never a whole frame pending', () => {
    fc.assert(
      fc.property(hostileBytes([DALY_START, 0x08, 0x40, 0x80], 600), cuts(), (bytes, at) => {
        decodeInPieces(decodeDalyFrames, piecesOf(bytes, at), stream);
      }),
      fuzzOptions(400, 0xda1)
    );
  });

  it('encoded frames between noise, split anywhere, decode to the same frames in order', () => {
    const noise = hostileBytes([0x08], 30).map((b) => b.filter((x) => x !== DALY_START));
    fc.assert(
      fc.property(fc.array(fc.tuple(noise, frame), { maxLength: 6 }), cuts(), (items, at) => {
        const wire = Uint8Array.from(items.flatMap(([n, f]) => [...n, ...encodeDalyFrame(f)]));
        expect(decodeInPieces(decodeDalyFrames, piecesOf(wire, at), stream).frames).toEqual(items.map(([, f]) => f));
      }),
      fuzzOptions(300, 0xda1)
    );
  });

  it('answers of any content and count: a reading or a DALY_ error', () => {
    fc.assert(
      fc.property(fc.array(data, { maxLength: 12 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (frames, cellCount, ntcCount) => {
        const [first = new Uint8Array(DALY_DATA_SIZE)] = frames;
        for (const decode of [decodeSoc, decodeMos, decodeStatus, decodeFaults]) decode(first);
        expect(decodeBalancing(first, cellCount)).toHaveLength(cellCount);
        const cells = expectTypedRejection(() => decodeCellFrames(frames, cellCount), 'DALY_');
        if (cells) expect(cells).toHaveLength(cellCount);
        const temps = expectTypedRejection(() => decodeTempFrames(frames, ntcCount), 'DALY_');
        if (temps) expect(temps).toHaveLength(ntcCount);
      }),
      fuzzOptions(400, 0xda1)
    );
  });

  it('settings frames round-trip every value in range and refuse the rest with DALY_SETTING_INVALID', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 0xffff_ffff }), fc.integer({ min: -5, max: 0x1_0000_0005 }), fc.double());
    const values = fc.record(Object.fromEntries(DALY_SETTINGS.map((x) => [x.name, value]))) as fc.Arbitrary<DalySettings>;
    fc.assert(
      fc.property(values, (settings) => {
        for (const command of DALY_SETTING_COMMANDS) {
          const bytes = expectTypedRejection(() => encodeSettingsFrame(command, settings), 'DALY_SETTING_INVALID');
          if (!bytes) continue;
          const back: DalySettings = {};
          decodeSettingsFrame(command, bytes, back);
          // + 0: a -0 written reads back as 0
          for (const [name, v] of Object.entries(back)) expect(v).toBe(settings[name] + 0);
        }
      }),
      fuzzOptions(300, 0xda1)
    );
  });
});
