import { describe, expect, it } from 'vitest';
import { encodePacket, SmpOp } from './smp-packet';
import { RawPacketReassembler, splitPacket } from './raw-packet';

const packet = (seq: number, body: Record<string, string> = { d: 'hello' }) =>
  encodePacket({ version: 1, op: SmpOp.readResponse, group: 0, seq, command: 0, body });

function joined(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('raw SMP packet reassembly (BLE GATT)', () => {
  it('rebuilds a packet split at every byte position', () => {
    const bytes = packet(7, { d: 'x'.repeat(40) });
    for (let cut = 0; cut <= bytes.length; cut++) {
      const reassembler = new RawPacketReassembler();
      const events = [...reassembler.push(bytes.subarray(0, cut)), ...reassembler.push(bytes.subarray(cut))];
      expect(events).toEqual([{ type: 'packet', packet: bytes }]);
    }
  });

  it('rebuilds a packet fed one byte at a time', () => {
    const bytes = packet(1);
    const reassembler = new RawPacketReassembler();
    const events = [...bytes].flatMap((b) => reassembler.push(Uint8Array.of(b)));
    expect(events).toEqual([{ type: 'packet', packet: bytes }]);
  });

  it('returns several packets carried in one notification, and keeps the partial tail', () => {
    const [a, b, c] = [packet(1), packet(2, {}), packet(3)];
    const reassembler = new RawPacketReassembler();
    const all = joined(a, b, c);
    expect(reassembler.push(all.subarray(0, all.length - 2))).toEqual([
      { type: 'packet', packet: a },
      { type: 'packet', packet: b }
    ]);
    expect(reassembler.push(all.subarray(all.length - 2))).toEqual([{ type: 'packet', packet: c }]);
  });

  it('skips garbage that cannot start a header and reports it once', () => {
    const good = packet(4);
    const events = new RawPacketReassembler().push(joined(Uint8Array.of(0xff, 0xe0, 0x27), good));
    expect(events).toEqual([
      { type: 'bad-frame', code: 'SMP_RAW_HEADER_INVALID', detail: 'skipped 3 bytes that do not start an SMP header' },
      { type: 'packet', packet: good }
    ]);
  });

  it('skips a packet longer than the limit, across notifications, then reads on', () => {
    const big = packet(5, { d: 'y'.repeat(100) });
    const next = packet(6);
    const reassembler = new RawPacketReassembler({ maxPacketSize: 64 });
    const events = [
      ...reassembler.push(big.subarray(0, 20)),
      ...reassembler.push(big.subarray(20, 90)),
      ...reassembler.push(joined(big.subarray(90), next))
    ];
    expect(events).toEqual([
      { type: 'bad-frame', code: 'SMP_RAW_PACKET_TOO_LONG', detail: `packet of ${big.length} bytes exceeds the 64-byte limit` },
      { type: 'packet', packet: next }
    ]);
  });

  it('reset drops a partial packet', () => {
    const reassembler = new RawPacketReassembler();
    reassembler.push(packet(1).subarray(0, 10));
    reassembler.reset();
    const whole = packet(2);
    expect(reassembler.push(whole)).toEqual([{ type: 'packet', packet: whole }]);
  });

  it('does not keep a reference to the caller buffer', () => {
    const bytes = packet(9);
    const input = bytes.slice(0, 5);
    const reassembler = new RawPacketReassembler();
    reassembler.push(input);
    input.fill(0xff);
    expect(reassembler.push(bytes.subarray(5))).toEqual([{ type: 'packet', packet: bytes }]);
  });

  it('splits a packet into pieces of at most the given size', () => {
    const bytes = packet(1, { d: 'z'.repeat(50) });
    const pieces = splitPacket(bytes, 20);
    expect(pieces.every((p) => p.length <= 20)).toBe(true);
    expect(joined(...pieces)).toEqual(bytes);
    expect(() => splitPacket(bytes, 0)).toThrow(/piece size 0/);
  });
});
