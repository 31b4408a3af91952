/**
 * CBOR decoding for SMP, built for hostile input: bounds checks before every read, counts checked
 * against the bytes left, a nesting limit, typed errors (SMP_CBOR_INVALID with the offset). See cbor.ts.
 */
import { concatBytes } from '@noble/hashes/utils.js';
import { fail } from '../../errors';
import type { CborMap, CborValue } from './cbor';

export interface CborDecodeOptions {
  /** Nesting limit; SMP bodies nest 4 levels at most, hostile input could nest thousands. */
  maxDepth?: number;
}

const BREAK = 0xff;
const textDecoder = new TextDecoder('utf-8', { fatal: true });

class ByteReader {
  pos = 0;
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): void {
    if (n > this.bytes.length - this.pos) {
      fail('SMP_CBOR_INVALID', `needs ${n} more bytes at offset ${this.pos}, ${this.bytes.length - this.pos} left`);
    }
  }
  u8(): number {
    this.need(1);
    return this.bytes[this.pos++];
  }
  peek(): number {
    this.need(1);
    return this.bytes[this.pos];
  }
  uint(n: 1 | 2 | 4 | 8): number {
    this.need(n);
    const at = this.pos;
    this.pos += n;
    if (n === 1) return this.view.getUint8(at);
    if (n === 2) return this.view.getUint16(at);
    if (n === 4) return this.view.getUint32(at);
    const value = this.view.getUint32(at) * 0x100000000 + this.view.getUint32(at + 4);
    if (this.view.getUint32(at) > 0x1fffff) fail('SMP_CBOR_INVALID', `integer above 2^53 at offset ${at}`);
    return value;
  }
  float(n: 2 | 4 | 8): number {
    this.need(n);
    const at = this.pos;
    this.pos += n;
    if (n === 2) return halfToNumber(this.view.getUint16(at));
    return n === 4 ? this.view.getFloat32(at) : this.view.getFloat64(at);
  }
  take(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** Reads the argument of an initial byte; returns -1 for the indefinite-length marker (info 31). */
function readArgument(r: ByteReader, info: number, at: number): number {
  if (info < 24) return info;
  if (info === 24) return r.uint(1);
  if (info === 25) return r.uint(2);
  if (info === 26) return r.uint(4);
  if (info === 27) return r.uint(8);
  if (info === 31) return -1;
  return fail('SMP_CBOR_INVALID', `reserved additional info ${info} at offset ${at}`);
}

function readValue(r: ByteReader, depth: number, maxDepth: number): CborValue {
  if (depth > maxDepth) fail('SMP_CBOR_INVALID', `nesting deeper than ${maxDepth} at offset ${r.pos}`);
  const at = r.pos;
  const initial = r.u8();
  const major = initial >> 5;
  const info = initial & 0x1f;
  if (major === 7) return readSimple(r, info, at);
  const arg = readArgument(r, info, at);
  switch (major) {
    case 0:
      if (arg < 0) break;
      return arg;
    case 1:
      if (arg < 0) break;
      return -1 - arg;
    case 2:
      return arg < 0 ? readChunks(r, 2) : r.take(arg);
    case 3:
      return decodeText(arg < 0 ? readChunks(r, 3) : r.take(arg), at);
    case 4:
      return readArray(r, arg, depth, maxDepth);
    case 5:
      return readMap(r, arg, depth, maxDepth, at);
    case 6:
      // Tags carry no meaning for SMP; bignums would silently change the value, so refuse them.
      if (arg === 2 || arg === 3) fail('SMP_CBOR_INVALID', `bignum tag at offset ${at} is not supported`);
      if (arg < 0) break;
      return readValue(r, depth + 1, maxDepth);
  }
  return fail('SMP_CBOR_INVALID', `indefinite length not allowed for major type ${major} at offset ${at}`);
}

function readSimple(r: ByteReader, info: number, at: number): CborValue {
  switch (info) {
    case 20:
      return false;
    case 21:
      return true;
    case 22:
      return null;
    case 23:
      return undefined;
    case 25:
      return r.float(2);
    case 26:
      return r.float(4);
    case 27:
      return r.float(8);
    case 31:
      return fail('SMP_CBOR_INVALID', `unexpected break at offset ${at}`);
  }
  return fail('SMP_CBOR_INVALID', `unsupported simple value ${info} at offset ${at}`);
}

function isBreak(r: ByteReader): boolean {
  if (r.peek() !== BREAK) return false;
  r.pos++;
  return true;
}

/** Indefinite-length strings: definite chunks of the same major type, ended by a break. */
function readChunks(r: ByteReader, major: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  while (!isBreak(r)) {
    const chunkAt = r.pos;
    const initial = r.u8();
    if (initial >> 5 !== major || (initial & 0x1f) === 31) {
      fail('SMP_CBOR_INVALID', `bad chunk 0x${initial.toString(16)} in indefinite string at offset ${chunkAt}`);
    }
    const chunk = r.take(readArgument(r, initial & 0x1f, chunkAt));
    chunks.push(chunk);
  }
  return concatBytes(...chunks);
}

function decodeText(utf8: Uint8Array, at: number): string {
  try {
    return textDecoder.decode(utf8);
  } catch {
    return fail('SMP_CBOR_INVALID', `text string at offset ${at} is not valid UTF-8`);
  }
}

function readArray(r: ByteReader, count: number, depth: number, maxDepth: number): CborValue[] {
  const out: CborValue[] = [];
  if (count < 0) {
    while (!isBreak(r)) out.push(readValue(r, depth + 1, maxDepth));
    return out;
  }
  r.need(count); // every item takes at least one byte: refuse absurd counts before looping
  for (let i = 0; i < count; i++) out.push(readValue(r, depth + 1, maxDepth));
  return out;
}

function readMap(r: ByteReader, count: number, depth: number, maxDepth: number, at: number): CborMap | Map<string | number, CborValue> {
  const entries: [string | number, CborValue][] = [];
  const readEntry = (): void => {
    const keyAt = r.pos;
    const key = readValue(r, depth + 1, maxDepth);
    if (typeof key !== 'string' && typeof key !== 'number') {
      fail('SMP_CBOR_INVALID', `map key at offset ${keyAt} is neither a text string nor an integer`);
    }
    entries.push([key, readValue(r, depth + 1, maxDepth)]);
  };
  if (count < 0) while (!isBreak(r)) readEntry();
  else {
    r.need(count * 2);
    for (let i = 0; i < count; i++) readEntry();
  }
  const keys = new Set(entries.map(([key]) => key));
  if (keys.size !== entries.length) fail('SMP_CBOR_INVALID', `duplicate key in map at offset ${at}`);
  if (entries.every(([key]) => typeof key === 'string')) {
    const obj: CborMap = {};
    // defineProperty, not assignment: a "__proto__" key must stay data, never change the prototype.
    for (const [key, value] of entries) {
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return obj;
  }
  return new Map(entries);
}

/**
 * Decodes one CBOR item starting at `offset` and says where it ends: for protocols that send several
 * items back to back without an envelope (ThingSet binary mode: status, endpoint, data).
 */
export function decodeCborItem(bytes: Uint8Array, offset = 0, options: CborDecodeOptions = {}): { value: CborValue; end: number } {
  const r = new ByteReader(bytes);
  r.pos = offset;
  const value = readValue(r, 0, options.maxDepth ?? 16);
  return { value, end: r.pos };
}

/** Decodes exactly one CBOR item that fills `bytes`; trailing bytes are an error. */
export function decodeCbor(bytes: Uint8Array, options: CborDecodeOptions = {}): CborValue {
  const r = new ByteReader(bytes);
  const value = readValue(r, 0, options.maxDepth ?? 16);
  if (r.pos !== bytes.length) {
    fail('SMP_CBOR_INVALID', `${bytes.length - r.pos} trailing bytes after the item at offset ${r.pos}`);
  }
  return value;
}
