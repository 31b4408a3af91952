/**
 * The SMP packet: an 8-byte big-endian header followed by a CBOR map (smp_protocol.rst).
 *   byte 0: bits 4..3 version (0 = v1 legacy, 1 = v2 with group errors), bits 2..0 op
 *   byte 1: flags, bytes 2-3: body length, bytes 4-5: group, byte 6: sequence, byte 7: command
 */
import { fail } from '../../errors';
import { decodeCbor, encodeCbor, isCborMap, type CborEncodeOptions, type CborMap } from './cbor';

export const SMP_HEADER_SIZE = 8;

export const SmpOp = { read: 0, readResponse: 1, write: 2, writeResponse: 3 } as const;
export type SmpOp = (typeof SmpOp)[keyof typeof SmpOp];
export type SmpVersion = 0 | 1;

export interface SmpHeader {
  version: SmpVersion;
  op: SmpOp;
  flags: number;
  /** length of the CBOR body in bytes */
  length: number;
  group: number;
  seq: number;
  command: number;
}

export interface SmpPacket {
  header: SmpHeader;
  body: CborMap;
}

/** The header fields a sender chooses; `length` is computed from the body. */
export type SmpPacketFields = Omit<SmpHeader, 'length' | 'flags'> & { flags?: number; body: CborMap };

export function encodePacket(fields: SmpPacketFields, options: CborEncodeOptions = {}): Uint8Array {
  const body = encodeCbor(fields.body, options);
  const { version, op, group, seq, command } = fields;
  const flags = fields.flags ?? 0;
  checkField('version', version, 1);
  checkField('op', op, 3);
  checkField('flags', flags, 0xff);
  checkField('group', group, 0xffff);
  checkField('seq', seq, 0xff);
  checkField('command', command, 0xff);
  checkField('body length', body.length, 0xffff);
  const out = new Uint8Array(SMP_HEADER_SIZE + body.length);
  out[0] = (version << 3) | op;
  out[1] = flags;
  out[2] = body.length >> 8;
  out[3] = body.length & 0xff;
  out[4] = group >> 8;
  out[5] = group & 0xff;
  out[6] = seq;
  out[7] = command;
  out.set(body, SMP_HEADER_SIZE);
  return out;
}

function checkField(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    fail('SMP_PACKET_INVALID', `${name} ${value} is outside 0..${max}`);
  }
}

export function decodeHeader(bytes: Uint8Array): SmpHeader {
  if (bytes.length < SMP_HEADER_SIZE) {
    fail('SMP_PACKET_INVALID', `${bytes.length} bytes is shorter than the 8-byte SMP header`);
  }
  const version = (bytes[0] >> 3) & 0x03;
  if (bytes[0] & 0xe0 || version > 1) {
    fail('SMP_PACKET_INVALID', `byte 0 = 0x${bytes[0].toString(16)}: reserved bits or unknown version ${version}`);
  }
  if ((bytes[0] & 0x07) > 3) fail('SMP_PACKET_INVALID', `op ${bytes[0] & 0x07} is not 0..3`);
  return {
    version: version as SmpVersion,
    op: (bytes[0] & 0x07) as SmpOp,
    flags: bytes[1],
    length: (bytes[2] << 8) | bytes[3],
    group: (bytes[4] << 8) | bytes[5],
    seq: bytes[6],
    command: bytes[7]
  };
}

/** Decodes one whole packet; the header length must match the bytes exactly. */
export function decodePacket(bytes: Uint8Array): SmpPacket {
  const header = decodeHeader(bytes);
  const actual = bytes.length - SMP_HEADER_SIZE;
  if (header.length !== actual) {
    fail('SMP_PACKET_INVALID', `header announces ${header.length} body bytes, packet has ${actual}`);
  }
  // An empty body is read as an empty map: a few servers answer a bare header for success.
  const body = actual === 0 ? {} : decodeCbor(bytes.subarray(SMP_HEADER_SIZE));
  if (!isCborMap(body)) fail('SMP_CBOR_INVALID', 'SMP body is not a map with text keys');
  return { header, body };
}
