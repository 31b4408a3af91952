/**
 * R11 R13 robustness of SMP over Bluetooth, where packets arrive as notifications with no framing:
 * random bytes in any split never crash the reassembler and are reported as typed SMP_RAW_ events; a
 * header announcing a huge body is skipped without buffering it; encoded packets come back intact.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertDomainCode, cuts, expectTypedRejection, fuzzOptions, hostileBytes, piecesOf } from '../../../testing/fuzz';
import type { CborMap } from './cbor';
import { RawPacketReassembler, type RawPacketEvent } from './raw-packet';
import { decodePacket, encodePacket, type SmpPacketFields } from './smp-packet';

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

function run(reassembler: RawPacketReassembler, pieces: Uint8Array[]): Uint8Array[] {
  const events: RawPacketEvent[] = pieces.flatMap((piece) => reassembler.push(piece));
  return events.flatMap((event) => {
    if (event.type === 'bad-frame') assertDomainCode(event.code, 'SMP_RAW_');
    return event.type === 'packet' ? [event.packet] : [];
  });
}

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const body = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), fc.uint8Array({ maxLength: 300 }), fc.boolean()), { maxKeys: 5 }) as fc.Arbitrary<CborMap>;
const packet: fc.Arbitrary<SmpPacketFields> = fc.record({
  version: fc.constantFrom(0 as const, 1 as const),
  op: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
  group: u16,
  seq: u8,
  command: u8,
  body
});

describe('R11 R13 fuzz: SMP packets over Bluetooth', () => {
  it('random notifications: no crash, typed SMP_RAW_ events, any packet decodes or fails with SMP_', () => {
    fc.assert(
      fc.property(hostileBytes([0x00, 0x01, 0x08, 0x09, 0xa0, 0xbf], 1500), cuts(), fc.integer({ min: 8, max: 2048 }), (bytes, at, maxPacketSize) => {
        for (const p of run(new RawPacketReassembler({ maxPacketSize }), piecesOf(bytes, at))) expectTypedRejection(() => decodePacket(p), 'SMP_');
      }),
      fuzzOptions(300, 0xb1e)
    );
  });

  it('encoded packets in any split come back intact, after a header announcing a body beyond the limit', () => {
    fc.assert(
      fc.property(fc.array(packet, { minLength: 1, maxLength: 4 }), fc.integer({ min: 600, max: 0xffff }), cuts(), (fields, hugeLength, at) => {
        // A lost-step header announcing up to 64 KiB: skipped, not buffered, and the packets after it arrive.
        const bogus = Uint8Array.of(0x01, 0, hugeLength >> 8, hugeLength & 0xff, 0, 0, 0, 0);
        const packets = fields.map((f) => encodePacket(f));
        const wire = concat([bogus, new Uint8Array(hugeLength), ...packets]);
        const received = run(new RawPacketReassembler({ maxPacketSize: 600 }), piecesOf(wire, at));
        expect(received).toEqual(packets.filter((p) => p.length <= 600));
        for (const [i, p] of received.entries()) expect(decodePacket(p).body).toEqual(fields.filter((_, j) => packets[j].length <= 600)[i].body);
      }),
      fuzzOptions(100, 0xb1e)
    );
  });
});
