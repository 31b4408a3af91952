/**
 * R11 robustness of the CBOR decoder that reads every SMP body a device sends: random bytes, mutated
 * and truncated encodings, absurd length fields and deep nesting all end in a value or SMP_CBOR_INVALID,
 * without allocating what a length field announces; SMP-shaped values round-trip.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectTypedRejection, fuzzOptions } from '../../../testing/fuzz';
import { decodeCbor, encodeCbor, type CborValue } from './cbor';

const leaf = fc.oneof(
  fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.uint8Array({ maxLength: 40 })
);
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 }))
})).node as fc.Arbitrary<CborValue>;

const decode = (bytes: Uint8Array) => expectTypedRejection(() => decodeCbor(bytes), 'SMP_CBOR_INVALID');

describe('R11 fuzz: CBOR bodies', () => {
  it('round-trips random SMP-shaped values', () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(decodeCbor(encodeCbor(value))).toEqual(value);
      }),
      fuzzOptions(300, 0xcb0)
    );
  });

  it('random bytes: a value or SMP_CBOR_INVALID, nothing else', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => void decode(bytes)), fuzzOptions(2000, 0xcb0));
  });

  it('valid encodings with bytes flipped, truncated or extended: a value or SMP_CBOR_INVALID', () => {
    const edit = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), cut: fc.nat(), extra: fc.uint8Array({ maxLength: 4 }) });
    fc.assert(
      fc.property(tree, fc.array(edit, { minLength: 1, maxLength: 3 }), (value, edits) => {
        const bytes = encodeCbor(value);
        for (const e of edits) {
          const flipped = bytes.slice();
          flipped[e.at % bytes.length] = e.byte;
          decode(flipped);
          decode(bytes.subarray(0, e.cut % bytes.length));
          decode(Uint8Array.from([...bytes, ...e.extra]));
        }
      }),
      fuzzOptions(500, 0xcb0)
    );
  });

  it('length fields up to 2^53 on strings, arrays and maps are refused before anything is allocated', () => {
    const head = fc.record({ major: fc.constantFrom(2, 3, 4, 5), size: fc.constantFrom(26, 27), value: fc.bigInt({ min: 1n << 16n, max: (1n << 53n) - 1n }) });
    fc.assert(
      fc.property(head, fc.uint8Array({ maxLength: 32 }), ({ major, size, value }, tail) => {
        const arg = new Uint8Array(size === 26 ? 4 : 8);
        new DataView(arg.buffer)[size === 26 ? 'setUint32' : 'setBigUint64'](0, (size === 26 ? Number(value & 0xffffffffn) : value) as never);
        expect(decode(Uint8Array.from([(major << 5) | size, ...arg, ...tail]))).toBeUndefined();
      }),
      fuzzOptions(300, 0xcb0)
    );
  });

  it('nesting thousands deep, definite or indefinite, is refused at the depth limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 17, max: 20000 }), fc.constantFrom(0x81, 0x9f, 0xa1, 0xbf, 0xc1), (depth, opener) => {
        const bytes = new Uint8Array(depth + 1).fill(opener);
        if (opener === 0xa1 || opener === 0xbf) for (let i = 0; i < depth; i += 2) bytes[i] = 0x61; // text key "a" then a nested map
        expect(decode(bytes)).toBeUndefined();
      }),
      fuzzOptions(100, 0xcb0)
    );
  });
});
