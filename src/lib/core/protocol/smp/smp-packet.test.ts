import { describe, expect, it } from 'vitest';
import { decodePacket, encodePacket } from './smp-packet';
import { SMP_VECTORS, vectorPacket, type SmpVector } from './smp-vectors';
import { toHex } from './hex';
import { BmsError } from '../../errors';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as BmsError).code;
  }
  return 'no error';
}

describe('SMP packet header', () => {
  it.each(Object.entries(SMP_VECTORS as Record<string, SmpVector>))('encodes and decodes the %s vector', (_, vector) => {
    const { length: _length, ...fields } = vector.header;
    expect(toHex(encodePacket({ ...fields, body: vector.body }, { indefinite: vector.indefinite }))).toBe(vector.packet.replace(/ /g, ''));
    expect(decodePacket(vectorPacket(vector))).toEqual({ header: vector.header, body: vector.body });
  });

  it('checks the announced body length against the bytes', () => {
    const packet = vectorPacket(SMP_VECTORS.echoRequest);
    expect(codeOf(() => decodePacket(packet.subarray(0, packet.length - 1)))).toBe('SMP_PACKET_INVALID');
    expect(codeOf(() => decodePacket(Uint8Array.from([...packet, 0])))).toBe('SMP_PACKET_INVALID');
    expect(codeOf(() => decodePacket(packet.subarray(0, 7)))).toBe('SMP_PACKET_INVALID');
  });

  it('rejects unknown versions, reserved bits and ops above 3', () => {
    const packet = vectorPacket(SMP_VECTORS.echoRequest);
    for (const first of [0x12, 0x1a, 0x2a, 0x84, 0x0c]) {
      const bad = packet.slice();
      bad[0] = first;
      expect(codeOf(() => decodePacket(bad)), `byte 0 = ${first}`).toBe('SMP_PACKET_INVALID');
    }
  });

  it('reads an empty body as an empty map and refuses a body that is not a map', () => {
    expect(decodePacket(Uint8Array.from([0x09, 0, 0, 0, 0, 0, 7, 6])).body).toEqual({});
    expect(codeOf(() => decodePacket(Uint8Array.from([0x09, 0, 0, 1, 0, 0, 7, 6, 0x01])))).toBe('SMP_CBOR_INVALID');
  });

  it('refuses header fields out of range', () => {
    const base = { version: 1 as const, op: 2 as const, group: 0, seq: 0, command: 0, body: {} };
    expect(codeOf(() => encodePacket({ ...base, seq: 256 }))).toBe('SMP_PACKET_INVALID');
    expect(codeOf(() => encodePacket({ ...base, group: 65536 }))).toBe('SMP_PACKET_INVALID');
    expect(codeOf(() => encodePacket({ ...base, body: { d: 'x'.repeat(70000) } }))).toBe('SMP_PACKET_INVALID');
  });
});
