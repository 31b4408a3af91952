import { describe, expect, it } from 'vitest';
import { bigEndianWords, crc64Word, crc64Words } from './crc64';
import { CRC64_VECTORS } from './foxbms-vectors';

describe('foxBMS CRC-64 (TMS570 MCRC semi-CPU mode)', () => {
  it('R08 reproduces the worked examples of the reference', () => {
    const { single, chained, repeated, bytes0to15 } = CRC64_VECTORS;
    expect(crc64Word(single.data)).toBe(single.crc);
    expect(crc64Word(chained.data, single.crc)).toBe(chained.crc);
    expect(crc64Words(Array.from({ length: repeated.times }, () => repeated.data))).toBe(repeated.crc);
    const words = [...bigEndianWords(Uint8Array.from({ length: 16 }, (_, i) => i))];
    expect(words).toEqual(bytes0to15.map((v) => v.data));
    expect(crc64Word(words[0])).toBe(bytes0to15[0].crc);
    expect(crc64Word(words[1], bytes0to15[0].crc)).toBe(bytes0to15[1].crc);
  });

  it('R08 changes when any single bit of a word flips', () => {
    const base = crc64Word(CRC64_VECTORS.single.data);
    for (let bit = 0n; bit < 64n; bit += 1n) expect(crc64Word(CRC64_VECTORS.single.data ^ (1n << bit))).not.toBe(base);
  });
});
