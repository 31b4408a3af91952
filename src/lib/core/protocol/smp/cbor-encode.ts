/**
 * CBOR encoding for SMP: shortest integer heads (RFC 8949 §4.2.1), definite lengths by default. Zephyr's
 * zcbor (non-canonical, the default) writes maps and arrays with indefinite length (0xBF … 0xFF,
 * 0x9F … 0xFF): the option reproduces that byte for byte for the virtual stock mcumgr device. See cbor.ts.
 */
import { fail } from '../../errors';
import type { CborValue } from './cbor';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const textEncoder = new TextEncoder();

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

export interface CborEncodeOptions {
  /**
   * How non-integer numbers are written: 'float64' (default, lossless) or 'float32', the single
   * precision a small device's float items have (ThingSet: 1.2 → FA 3F 99 99 9A).
   */
  floats?: 'float32' | 'float64';
  /** maps and arrays as indefinite-length items, as zcbor encodes them */
  indefinite?: boolean;
}

const BREAK = 0xff;

function writeValue(w: ByteWriter, value: CborValue, depth: number, options: CborEncodeOptions): void {
  if (depth > 64) fail('SMP_CBOR_INVALID', 'value nests deeper than 64 levels (cycle?)');
  if (value === null) return w.byte(0xf6);
  if (value === undefined) return w.byte(0xf7);
  if (value === false) return w.byte(0xf4);
  if (value === true) return w.byte(0xf5);
  if (typeof value === 'number') return writeNumber(w, value, options);
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
    if (options.indefinite) w.byte(0x9f);
    else writeHead(w, 4, value.length);
    for (const item of value) writeValue(w, item, depth + 1, options);
    if (options.indefinite) w.byte(BREAK);
    return;
  }
  const entries: [string | number, CborValue][] =
    value instanceof Map ? [...value.entries()] : Object.entries(value);
  if (options.indefinite) w.byte(0xbf);
  else writeHead(w, 5, entries.length);
  for (const [key, item] of entries) {
    writeValue(w, key, depth + 1, options);
    writeValue(w, item, depth + 1, options);
  }
  if (options.indefinite) w.byte(BREAK);
}

function writeNumber(w: ByteWriter, n: number, options: CborEncodeOptions): void {
  if (Number.isInteger(n) && Math.abs(n) <= MAX_SAFE && !Object.is(n, -0)) {
    return n >= 0 ? writeHead(w, 0, n) : writeHead(w, 1, -1 - n);
  }
  if (options.floats === 'float32') {
    const v = new DataView(new ArrayBuffer(5));
    v.setUint8(0, 0xfa);
    v.setFloat32(1, n);
    return w.bytes(new Uint8Array(v.buffer));
  }
  // SMP has no floats; kept lossless as a double so that no number silently changes.
  w.byte(0xfb);
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, n);
  w.bytes(new Uint8Array(v.buffer));
}

export function encodeCbor(value: CborValue, options: CborEncodeOptions = {}): Uint8Array {
  const w = new ByteWriter();
  writeValue(w, value, 0, options);
  return w.result();
}
