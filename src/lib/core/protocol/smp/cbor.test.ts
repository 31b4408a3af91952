import { describe, expect, it } from 'vitest';
import { decodeCbor, decodeCborItem, encodeCbor, type CborValue } from './cbor';
import { BmsError } from '../../errors';
import { fromHex, toHex } from './hex';

const text = (s: string) => new TextEncoder().encode(s);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** RFC 8949 Appendix A vectors that use only definite lengths and no floats or tags: they must round-trip. */
const canonical: [CborValue, string][] = [
  [0, '00'],
  [1, '01'],
  [10, '0a'],
  [23, '17'],
  [24, '1818'],
  [25, '1819'],
  [100, '1864'],
  [1000, '1903e8'],
  [1000000, '1a000f4240'],
  [1000000000000, '1b000000e8d4a51000'],
  [-1, '20'],
  [-10, '29'],
  [-100, '3863'],
  [-1000, '3903e7'],
  [false, 'f4'],
  [true, 'f5'],
  [null, 'f6'],
  [undefined, 'f7'],
  [new Uint8Array(0), '40'],
  [new Uint8Array([1, 2, 3, 4]), '4401020304'],
  ['', '60'],
  ['a', '6161'],
  ['IETF', '6449455446'],
  ['"\\', '62225c'],
  ['\u00fc', '62c3bc'],
  ['\u6c34', '63e6b0b4'],
  ['\ud800\udd51', '64f0908591'],
  [[], '80'],
  [[1, 2, 3], '83010203'],
  [[1, [2, 3], [4, 5]], '8301820203820405'],
  [range(1, 25), '98190102030405060708090a0b0c0d0e0f101112131415161718181819'],
  [{}, 'a0'],
  [new Map([[1, 2], [3, 4]]), 'a201020304'],
  [{ a: 1, b: [2, 3] }, 'a26161016162820203'],
  [['a', { b: 'c' }], '826161a161626163'],
  [{ a: 'A', b: 'B', c: 'C', d: 'D', e: 'E' }, 'a56161614161626142616361436164614461656145'],
  // Doubles: the encoder writes every non-integer as float64, which these vectors use.
  [1.1, 'fb3ff199999999999a'],
  [1.0e300, 'fb7e37e43c8800759c'],
  [-4.1, 'fbc010666666666666']
];

/** Decode-only vectors: half/single floats, tags (skipped), indefinite lengths. */
const decodeOnly: [CborValue, string][] = [
  [0, 'f90000'],
  [-0, 'f98000'],
  [1, 'f93c00'],
  [1.5, 'f93e00'],
  [65504, 'f97bff'],
  [100000, 'fa47c35000'],
  [3.4028234663852886e38, 'fa7f7fffff'],
  [5.960464477539063e-8, 'f90001'],
  [0.00006103515625, 'f90400'],
  [-4, 'f9c400'],
  [Infinity, 'f97c00'],
  [NaN, 'f97e00'],
  [-Infinity, 'f9fc00'],
  [Infinity, 'fa7f800000'],
  [NaN, 'fa7fc00000'],
  [-Infinity, 'faff800000'],
  [Infinity, 'fb7ff0000000000000'],
  [NaN, 'fb7ff8000000000000'],
  [-Infinity, 'fbfff0000000000000'],
  ['2013-03-21T20:04:00Z', 'c074323031332d30332d32315432303a30343a30305a'],
  [1363896240, 'c11a514b67b0'],
  [1363896240.5, 'c1fb41d452d9ec200000'],
  [new Uint8Array([1, 2, 3, 4]), 'd74401020304'],
  [text('dIETF'), 'd818456449455446'],
  ['http://www.example.com', 'd82076687474703a2f2f7777772e6578616d706c652e636f6d'],
  [new Uint8Array([1, 2, 3, 4, 5]), '5f42010243030405ff'],
  ['streaming', '7f657374726561646d696e67ff'],
  [[], '9fff'],
  [[1, [2, 3], [4, 5]], '9f018202039f0405ffff'],
  [[1, [2, 3], [4, 5]], '9f01820203820405ff'],
  [[1, [2, 3], [4, 5]], '83018202039f0405ff'],
  [[1, [2, 3], [4, 5]], '83019f0203ff820405'],
  [range(1, 25), '9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff'],
  [{ a: 1, b: [2, 3] }, 'bf61610161629f0203ffff'],
  [['a', { b: 'c' }], '826161bf61626163ff'],
  [{ Fun: true, Amt: -2 }, 'bf6346756ef563416d7421ff']
];

function expectInvalid(hex: string, detail: RegExp): void {
  try {
    decodeCbor(fromHex(hex));
  } catch (error) {
    expect(error).toBeInstanceOf(BmsError);
    expect((error as BmsError).code).toBe('SMP_CBOR_INVALID');
    expect((error as BmsError).detail).toMatch(detail);
    return;
  }
  throw new Error(`${hex} decoded without error`);
}

describe('CBOR codec (RFC 8949 Appendix A)', () => {
  it.each(canonical)('encodes and decodes %o as %s', (value, hex) => {
    expect(toHex(encodeCbor(value))).toBe(hex);
    expect(decodeCbor(fromHex(hex))).toEqual(value);
  });

  it.each(decodeOnly)('decodes %o from %s', (value, hex) => {
    expect(decodeCbor(fromHex(hex))).toEqual(value);
  });

  it('refuses integers beyond 2^53 and bignums instead of rounding them', () => {
    expectInvalid('1bffffffffffffffff', /above 2\^53/);
    expectInvalid('3bffffffffffffffff', /above 2\^53/);
    expectInvalid('c249010000000000000000', /bignum/);
    expectInvalid('c349010000000000000000', /bignum/);
    expect(decodeCbor(fromHex('1b001fffffffffffff'))).toBe(Number.MAX_SAFE_INTEGER);
    expect(toHex(encodeCbor(Number.MAX_SAFE_INTEGER))).toBe('1b001fffffffffffff');
    expect(toHex(encodeCbor(-Number.MAX_SAFE_INTEGER))).toBe('3b001ffffffffffffe');
  });

  it('uses the shortest head at every width boundary', () => {
    const cases: [number, string][] = [
      [255, '18ff'],
      [256, '190100'],
      [65535, '19ffff'],
      [65536, '1a00010000'],
      [4294967295, '1affffffff'],
      [4294967296, '1b0000000100000000'],
      [-24, '37'],
      [-25, '3818'],
      [-257, '390100']
    ];
    for (const [value, hex] of cases) {
      expect(toHex(encodeCbor(value))).toBe(hex);
      expect(decodeCbor(fromHex(hex))).toBe(value);
    }
  });

  it('rejects malformed input with SMP_CBOR_INVALID and the offset', () => {
    expectInvalid('', /needs 1 more bytes at offset 0/);
    expectInvalid('19 01', /needs 2 more bytes/);
    expectInvalid('44 0102', /needs 4 more bytes at offset 1/);
    expectInvalid('1c', /reserved additional info 28/);
    expectInvalid('ff', /unexpected break at offset 0/);
    expectInvalid('1f', /indefinite length not allowed/);
    expectInvalid('0101', /1 trailing bytes/);
    expectInvalid('62 c328', /not valid UTF-8/);
    expectInvalid('5f 6161 ff', /bad chunk 0x61/);
    expectInvalid('5f 5f ff ff', /bad chunk 0x5f/);
    expectInvalid('f0', /unsupported simple value 16/);
    expectInvalid('f8ff', /unsupported simple value 24/);
    expectInvalid('a2 6161 01 6161 02', /duplicate key/);
    expectInvalid('a1 40 01', /neither a text string nor an integer/);
    expectInvalid('9f 01', /needs 1 more bytes/);
    expectInvalid('bf 6161', /needs 1 more bytes/);
  });

  it('refuses absurd element counts before allocating', () => {
    expectInvalid('9b 000000ffffffffff 00', /needs 1099511627775 more bytes/);
    expectInvalid('ba ffffffff', /more bytes/);
  });

  it('limits nesting depth', () => {
    const deep = '81'.repeat(17) + '00';
    expectInvalid(deep, /nesting deeper than 16/);
    expect(decodeCbor(fromHex('81'.repeat(16) + '00'))).toBeDefined();
    expect(() => decodeCbor(fromHex('9f'.repeat(5000)))).toThrow(BmsError);
  });

  it('keeps "__proto__" as a data key, never as the prototype', () => {
    const value = decodeCbor(fromHex('a1 69 5f5f70726f746f5f5f a1 61 78 01')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect((value as { x?: number }).x).toBeUndefined();
  });

  it('writes maps and arrays with indefinite length as zcbor does, and reads them back', () => {
    // RFC 8949 Appendix A: {_ "a": 1, "b": [_ 2, 3]}
    expect(toHex(encodeCbor({ a: 1, b: [2, 3] }, { indefinite: true }))).toBe('bf61610161629f0203ffff');
    // smp_svr's echo answer (device-families.md §1) and an image list entry with nested maps
    expect(toHex(encodeCbor({ r: 'hi' }, { indefinite: true }))).toBe('bf61726268 69ff'.replace(/ /g, ''));
    const state = { images: [{ slot: 0, version: '1.0.0', hash: new Uint8Array([1, 2]) }], splitStatus: 0 };
    const bytes = encodeCbor(state, { indefinite: true });
    expect(bytes[0]).toBe(0xbf);
    expect(bytes[bytes.length - 1]).toBe(0xff);
    expect(decodeCbor(bytes)).toEqual(state);
    // a map cut before its break (the last line of a frame lost) is refused, not read as complete
    expect(() => decodeCbor(bytes.subarray(0, bytes.length - 1))).toThrow(/more bytes/);
  });
});

describe('CBOR for ThingSet binary mode', () => {
  it('R12 writes non-integers single precision on request (as ThingSet float items) and keeps integers short', () => {
    expect(toHex(encodeCbor(100000.5, { floats: 'float32' }))).toBe('fa47c35040');
    expect(toHex(encodeCbor(1.2, { floats: 'float32' }))).toBe('fa3f99999a');
    expect(toHex(encodeCbor([1, 1.5], { floats: 'float32' }))).toBe('8201fa3fc00000');
    expect(toHex(encodeCbor(1.5))).toBe('fb3ff8000000000000');
  });

  it('R12 reads items back to back and says where each one ends', () => {
    const bytes = fromHex('85f6fa3f99999a');
    expect(decodeCborItem(bytes, 1)).toEqual({ value: null, end: 2 });
    const { value, end } = decodeCborItem(bytes, 2);
    expect(value).toBeCloseTo(1.2, 6);
    expect(end).toBe(7);
    expect(() => decodeCborItem(bytes.subarray(0, 5), 2)).toThrow(BmsError);
  });
});
