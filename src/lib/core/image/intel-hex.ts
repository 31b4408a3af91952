/**
 * Intel HEX to a flat binary, as imgtool's IntelHex(...).tobinarray() does: from the lowest to the
 * highest address, gaps filled with erased 0xff. Every record's length and checksum are checked,
 * overlaps are refused (intelhex raises AddressOverlapError) and the span is capped so a stray
 * extended-address record cannot ask for gigabytes.
 */
import { fail } from '../errors';
import { ERASED } from './trailer';

export interface HexImage {
  /** Address of data[0] (intelhex minaddr()). */
  baseAddress: number;
  data: Uint8Array;
}

export const MAX_HEX_SPAN = 64 * 1024 * 1024;

const RECORD = { DATA: 0, EOF: 1, EXT_SEGMENT: 2, START_SEGMENT: 3, EXT_LINEAR: 4, START_LINEAR: 5 } as const;
const FIXED_LENGTH: Record<number, number> = { 1: 0, 2: 2, 3: 4, 4: 2, 5: 4 };

interface Chunk {
  address: number;
  bytes: Uint8Array;
}

export function parseIntelHex(text: string): HexImage {
  const chunks: Chunk[] = [];
  let upper = 0;
  let ended = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const where = `line ${i + 1}`;
    if (ended) fail('IMAGE_HEX_INVALID', `${where}: data after the end-of-file record`);
    const record = decodeRecord(line, where);
    const { type, offset, bytes } = record;
    if (type === RECORD.DATA) chunks.push({ address: upper + offset, bytes });
    else if (type === RECORD.EOF) ended = true;
    else if (type === RECORD.EXT_SEGMENT) upper = ((bytes[0] << 8) | bytes[1]) * 16;
    else if (type === RECORD.EXT_LINEAR) upper = ((bytes[0] << 8) | bytes[1]) * 0x10000;
  }
  if (!ended) fail('IMAGE_HEX_INVALID', 'no end-of-file record (:00000001FF): the file is cut short');
  return flatten(chunks);
}

function decodeRecord(line: string, where: string): { type: number; offset: number; bytes: Uint8Array } {
  if (!/^:([0-9A-Fa-f]{2})+$/.test(line) || line.length < 11) {
    fail('IMAGE_HEX_INVALID', `${where}: not an Intel HEX record (":" then hex digit pairs)`);
  }
  const raw = new Uint8Array((line.length - 1) / 2);
  for (let j = 0; j < raw.length; j++) raw[j] = parseInt(line.slice(1 + 2 * j, 3 + 2 * j), 16);
  const length = raw[0];
  if (raw.length !== length + 5) fail('IMAGE_HEX_INVALID', `${where}: record says ${length} data bytes but holds ${raw.length - 5}`);
  const sum = raw.reduce((acc, b) => (acc + b) & 0xff, 0);
  if (sum !== 0) fail('IMAGE_HEX_INVALID', `${where}: checksum 0x${raw[raw.length - 1].toString(16).padStart(2, '0')} is wrong`);
  const type = raw[3];
  if (type > RECORD.START_LINEAR) fail('IMAGE_HEX_INVALID', `${where}: unknown record type ${type}`);
  if (type !== RECORD.DATA && FIXED_LENGTH[type] !== length) {
    fail('IMAGE_HEX_INVALID', `${where}: record type ${type} must carry ${FIXED_LENGTH[type]} bytes, has ${length}`);
  }
  return { type, offset: (raw[1] << 8) | raw[2], bytes: raw.subarray(4, 4 + length) };
}

function flatten(chunks: Chunk[]): HexImage {
  const data = chunks.filter((c) => c.bytes.length > 0).sort((a, b) => a.address - b.address);
  if (data.length === 0) fail('IMAGE_HEX_INVALID', 'no data records');
  const baseAddress = data[0].address;
  const last = data[data.length - 1];
  const span = last.address + last.bytes.length - baseAddress;
  if (span > MAX_HEX_SPAN) {
    fail('IMAGE_HEX_INVALID', `data spans 0x${span.toString(16)} bytes (0x${baseAddress.toString(16)}…), more than ${MAX_HEX_SPAN / 1024 / 1024} MiB`);
  }
  const out = new Uint8Array(span).fill(ERASED);
  let end = baseAddress;
  for (const { address, bytes } of data) {
    if (address < end) fail('IMAGE_HEX_INVALID', `data at 0x${address.toString(16)} overlaps earlier data ending at 0x${end.toString(16)}`);
    out.set(bytes, address - baseAddress);
    end = address + bytes.length;
  }
  return { baseAddress, data: out };
}
