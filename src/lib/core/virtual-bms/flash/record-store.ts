/**
 * A power-safe record in flash, the way small firmware keeps its settings: two sectors (A and B), each
 * holding one copy with a sequence number and a checksum. A write erases the older copy, programs the
 * data, then the header last (the commit), so a power cut at any byte leaves either the old record or
 * the new one readable, never a mix.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { FlashArea } from './flash-layout';

const MAGIC = 0x52534d42; // "BMSR"
const HEADER_SIZE = 24; // magic, seq, length (u32 LE each), 8-byte truncated SHA-256, 4 bytes pad
const CHECK_SIZE = 8;

interface Copy {
  sector: number;
  seq: number;
  data: Uint8Array;
}

function checkOf(data: Uint8Array): Uint8Array {
  return sha256(data).subarray(0, CHECK_SIZE);
}

function readCopy(area: FlashArea, sector: number): Copy | undefined {
  const base = sector * area.sectorSize;
  const header = area.read(base, HEADER_SIZE);
  const view = new DataView(header.buffer);
  if (view.getUint32(0, true) !== MAGIC) return undefined;
  const seq = view.getUint32(4, true);
  const length = view.getUint32(8, true);
  if (length > area.sectorSize - HEADER_SIZE) return undefined;
  const data = area.read(base + HEADER_SIZE, length);
  const check = checkOf(data);
  if (!check.every((b, i) => b === header[12 + i])) return undefined;
  return { sector, seq, data };
}

function newest(area: FlashArea): Copy | undefined {
  const copies = [readCopy(area, 0), readCopy(area, 1)].filter((c): c is Copy => c !== undefined);
  return copies.sort((a, b) => b.seq - a.seq)[0];
}

export function readRecord(area: FlashArea): Uint8Array | undefined {
  return newest(area)?.data;
}

/** Largest record the area holds. */
function recordCapacity(area: FlashArea): number {
  return area.sectorSize - HEADER_SIZE;
}

export function writeRecord(area: FlashArea, data: Uint8Array): void {
  if (data.length > recordCapacity(area)) throw new RangeError(`record of ${data.length} bytes exceeds ${recordCapacity(area)}`);
  const current = newest(area);
  const sector = current ? 1 - current.sector : 0;
  const base = sector * area.sectorSize;
  const align = area.writeAlign;
  area.erase(base, area.sectorSize);
  const body = new Uint8Array(Math.ceil(data.length / align) * align).fill(0xff);
  body.set(data);
  if (body.length > 0) area.program(base + HEADER_SIZE, body);
  const header = new Uint8Array(HEADER_SIZE).fill(0xff);
  const view = new DataView(header.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, (current?.seq ?? 0) + 1, true);
  view.setUint32(8, data.length, true);
  header.set(checkOf(data), 12);
  area.program(base, header);
}
