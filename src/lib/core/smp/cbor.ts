/**
 * The subset of CBOR (RFC 8949) that SMP uses, written by hand rather than taken from cbor-x so that the
 * core has no native add-on and we control every byte (see docs/smp.md).
 *
 * Encoding: definite lengths and the shortest integer form (deterministic encoding, RFC 8949 §4.2.1).
 * Decoding: also accepts indefinite-length arrays, maps and strings (tinycbor and zcbor devices emit them),
 * half/single/double floats, and skips semantic tags. Every failure is a BmsError SMP_CBOR_INVALID.
 */
import { fail } from '../errors';

/** A decoded map: a plain object when every key is a text string, a Map when any key is an integer. */
export type CborMap = { [key: string]: CborValue };
export type CborValue =
  | number
  | string
  | boolean
  | null
  | undefined
  | Uint8Array
  | CborValue[]
  | CborMap
  | Map<string | number, CborValue>;

export interface CborDecodeOptions {
  /** Nesting limit; SMP bodies nest 4 levels at most, hostile input could nest thousands. */
  maxDepth?: number;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const BREAK = 0xff;
const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder('utf-8', { fatal: true });

// ---------------------------------------------------------------------------------------------- encode

class ByteWriter {
  private buf = new Uint8Array(64);
  length = 0;
  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  byte(b: number): void {
    this.reserve(1);
    this.buf[this.length++] = b;
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

function writeHead(w: ByteWriter, major: number, n: number): void {
  const mt = major << 5;
  if (n < 24) w.byte(mt | n);
  else if (n < 0x100) {
    w.byte(mt | 24);
    w.byte(n);
  } else if (n < 0x10000) {
    w.byte(mt | 25);
    w.byte(n >> 8);
    w.byte(n & 0xff);
  } else {
    const v = new DataView(new ArrayBuffer(9));
    const wide = n >= 0x100000000;
    v.setUint8(0, mt | (wide ? 27 : 26));
    if (wide) {
      v.setUint32(1, Math.floor(n / 0x100000000));
      v.setUint32(5, n >>> 0);
    } else v.setUint32(1, n);
    w.bytes(new Uint8Array(v.buffer, 0, wide ? 9 : 5));
  }
}

function writeValue(w: ByteWriter, value: CborValue, depth: number): void {
  if (depth > 64) fail('SMP_CBOR_INVALID', 'value nests deeper than 64 levels (cycle?)');
  if (value === null) return w.byte(0xf6);
  if (value === undefined) return w.byte(0xf7);
  if (value === false) return w.byte(0xf4);
  if (value === true) return w.byte(0xf5);
  if (typeof value === 'number') return writeNumber(w, value);
  if (typeof value === 'string') {
    const utf8 = textEncoder.encode(value);
    writeHead(w, 3, utf8.length);
    return w.bytes(utf8);
  }
  if (value instanceof Uint8Array) {
    writeHead(w, 2, value.length);
    return w.bytes(value);
  }
  if (Array.isArray(value)) {
    writeHead(w, 4, value.length);
    for (const item of value) writeValue(w, item, depth + 1);
    return;
  }
  const entries: [string | number, CborValue][] =
    value instanceof Map ? [...value.entries()] : Object.entries(value);
  writeHead(w, 5, entries.length);
  for (const [key, item] of entries) {
    writeValue(w, key, depth + 1);
    writeValue(w, item, depth + 1);
  }
}

function writeNumber(w: ByteWriter, n: number): void {
  if (Number.isInteger(n) && Math.abs(n) <= MAX_SAFE && !Object.is(n, -0)) {
    return n >= 0 ? writeHead(w, 0, n) : writeHead(w, 1, -1 - n);
  }
  // Not used by SMP; kept lossless as a double so that no number silently changes.
  w.byte(0xfb);
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, n);
  w.bytes(new Uint8Array(v.buffer));
}

export function encodeCbor(value: CborValue): Uint8Array {
  const w = new ByteWriter();
  writeValue(w, value, 0);
  return w.result();
}

// ---------------------------------------------------------------------------------------------- decode

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
  let total = 0;
  while (!isBreak(r)) {
    const chunkAt = r.pos;
    const initial = r.u8();
    if (initial >> 5 !== major || (initial & 0x1f) === 31) {
      fail('SMP_CBOR_INVALID', `bad chunk 0x${initial.toString(16)} in indefinite string at offset ${chunkAt}`);
    }
    const chunk = r.take(readArgument(r, initial & 0x1f, chunkAt));
    chunks.push(chunk);
    total += chunk.length;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
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

/** Decodes exactly one CBOR item that fills `bytes`; trailing bytes are an error. */
export function decodeCbor(bytes: Uint8Array, options: CborDecodeOptions = {}): CborValue {
  const r = new ByteReader(bytes);
  const value = readValue(r, 0, options.maxDepth ?? 16);
  if (r.pos !== bytes.length) {
    fail('SMP_CBOR_INVALID', `${bytes.length - r.pos} trailing bytes after the item at offset ${r.pos}`);
  }
  return value;
}

/** True for a decoded map with text keys (the shape of every SMP body). */
export function isCborMap(value: CborValue): value is CborMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Map)
  );
}
