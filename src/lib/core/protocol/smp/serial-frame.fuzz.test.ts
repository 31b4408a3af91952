/**
 * R11 robustness of SMP over a serial console, where the device's log text shares the UART: random
 * bytes in any split never crash the decoder and are reported as typed SMP_FRAME_ events or noise, and
 * packets framed by the encoder come back intact between log lines, in any split and line length.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertDomainCode, cuts, expectTypedRejection, fuzzOptions, hostileBytes, piecesOf } from '../../../testing/fuzz';
import { encodeSerialFrames, SerialFrameDecoder, type SerialFrameEvent } from './serial-frame';
import { decodePacket } from './smp-packet';

/** Markers, newline and base64 characters, so random input reaches the decoder's inner states. */
const SPECIAL = [0x06, 0x09, 0x04, 0x14, 0x0d, 0x3d, 0x2b, 0x2f, 0x41, 0x61, 0x30];

function run(pieces: Uint8Array[]): Uint8Array[] {
  const decoder = new SerialFrameDecoder({ maxLineLength: 512 });
  const events: SerialFrameEvent[] = pieces.flatMap((piece) => decoder.push(piece));
  const packets: Uint8Array[] = [];
  for (const event of events) {
    if (event.type === 'bad-frame') assertDomainCode(event.code, 'SMP_FRAME_');
    if (event.type === 'packet') packets.push(event.packet);
  }
  return packets;
}

describe('R11 fuzz: SMP serial framing', () => {
  it('random bytes in random reads: no crash, typed SMP_FRAME_ events, any packet decodes or fails with SMP_', () => {
    fc.assert(
      fc.property(hostileBytes(SPECIAL, 1500), cuts(), (bytes, at) => {
        for (const packet of run(piecesOf(bytes, at))) expectTypedRejection(() => decodePacket(packet), 'SMP_');
      }),
      fuzzOptions(300, 0x5e7)
    );
  });

  it('framed packets between console log lines, any line length and split, come back intact and in order', () => {
    const log = fc.string({ maxLength: 60 }).map((s) => Uint8Array.from(s + '\n', (c) => c.charCodeAt(0) & 0x7f).filter((b) => b !== 0x06 && b !== 0x04));
    fc.assert(
      fc.property(fc.array(fc.tuple(log, fc.uint8Array({ minLength: 8, maxLength: 400 })), { maxLength: 4 }), fc.integer({ min: 7, max: 512 }), cuts(), (items, lineLength, at) => {
        const wire = Uint8Array.from(items.flatMap(([text, packet]) => [...text, ...encodeSerialFrames(packet, { lineLength })]));
        expect(run(piecesOf(wire, at))).toEqual(items.map(([, packet]) => packet));
      }),
      fuzzOptions(200, 0x5e7)
    );
  });
});
