import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64Decode, base64Encode } from './base64';

const ascii = (s: string) => new TextEncoder().encode(s);
const str = (b: Uint8Array) => new TextDecoder().decode(b);

describe('base64 (RFC 4648 test vectors)', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy']
  ])('"%s" <-> "%s"', (plain, encoded) => {
    expect(str(base64Encode(ascii(plain)))).toBe(encoded);
    expect(str(base64Decode(ascii(encoded))!)).toBe(plain);
  });

  it('refuses bad characters, misplaced padding and partial groups', () => {
    for (const bad of ['Zm9', 'Zm9v!A==', 'Z===', '=m9v', 'Zm=v', 'Zg==Zg==', 'Zm9v\n']) {
      expect(base64Decode(ascii(bad)), bad).toBeUndefined();
    }
  });

  it('round-trips random bytes and agrees with atob', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const encoded = base64Encode(bytes);
        expect(base64Decode(encoded)).toEqual(bytes);
        expect(Uint8Array.from(atob(str(encoded)), (c) => c.charCodeAt(0))).toEqual(bytes);
      })
    );
  });
});
