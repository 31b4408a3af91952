/**
 * R11 robustness of the JBD general protocol against a noisy RS485 line or a hostile device: frames in
 * any split, random bytes and random register payloads never crash the client side, noise never piles
 * up, and what the encoder writes always decodes back to the same frame.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cuts, decodeInPieces, expectTypedRejection, fuzzOptions, hostileBytes, piecesOf } from '../../../testing/fuzz';
import { decodeJbdRequests, decodeJbdResponses, encodeJbdResponse, JBD_END, JBD_START, type JbdResponse } from './jbd-frame';
import { decodeBasicInfo, decodeCells, decodeName } from './jbd-registers';
import { decodeSettingWord, encodeSettingWord, JBD_SETTINGS } from './jbd-settings';

const stream = { codePrefix: 'JBD_', maxPending: 0xff + 7 };
const response = fc.record({ register: fc.integer({ min: 0, max: 255 }), status: fc.constantFrom(0x00, 0x80), data: fc.uint8Array({ maxLength: 255 }) });
/** noise without start bytes, so it cannot open a bogus frame that swallows the next one */
const quietNoise = hostileBytes([JBD_END], 40).map((bytes) => bytes.filter((b) => b !== JBD_START));

describe('R11 fuzz: JBD frames', () => {
  it('random bytes in random reads: no crash, only JBD_ errors, never more than one frame pending', () => {
    fc.assert(
      fc.property(hostileBytes([JBD_START, JBD_END, 0xa5, 0x5a]), cuts(), (bytes, at) => {
        decodeInPieces(decodeJbdResponses, piecesOf(bytes, at), stream);
        decodeInPieces(decodeJbdRequests, piecesOf(bytes, at), stream);
      }),
      fuzzOptions(400, 0x1bd)
    );
  });

  it('encoded responses between line noise, split anywhere, decode to the same frames in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(quietNoise, response), { maxLength: 5 }), cuts(), (items, at) => {
        const wire = Uint8Array.from(items.flatMap(([noise, r]) => [...noise, ...encodeJbdResponse(r)]));
        const { frames } = decodeInPieces(decodeJbdResponses, piecesOf(wire, at), stream);
        expect(frames).toEqual(items.map(([, r]) => r satisfies JbdResponse));
      }),
      fuzzOptions(300, 0x1bd)
    );
  });

  it('basic info of any content with a consistent sensor count: every field decodes, at most 32 balance bits', () => {
    const basic = fc.uint8Array({ minLength: 23, maxLength: 80 }).map((data) => {
      data[0x16] %= Math.floor((data.length - 23) / 2) + 1;
      return data;
    });
    fc.assert(
      fc.property(basic, (data) => {
        const info = decodeBasicInfo(data);
        expect(info.balancing).toHaveLength(data[0x15]);
        // Only 32 balance bits exist: a garbled cell count above 32 must not repeat cell 1's bit.
        expect(info.balancing.slice(32).every((on) => !on)).toBe(true);
        expect(info.tempsDc).toHaveLength(data[0x16]);
      }),
      fuzzOptions(300, 0x1bd)
    );
  });

  it('register payloads of any content: a reading or a JBD_ error, settings words round-trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 255 }), fc.constantFrom(...JBD_SETTINGS), fc.integer({ min: -0x8000, max: 0xffff }), (data, setting, value) => {
        expectTypedRejection(() => decodeBasicInfo(data), 'JBD_');
        expectTypedRejection(() => decodeCells(data), 'JBD_');
        expect(typeof decodeName(data)).toBe('string');
        const word = expectTypedRejection(() => encodeSettingWord(setting, value), 'JBD_');
        if (word) expect(decodeSettingWord(setting, word)).toBe(value);
      }),
      fuzzOptions(400, 0x1bd)
    );
  });
});
