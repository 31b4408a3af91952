/**
 * R11 robustness of the Intel HEX reader behind `bms-flasher sign` and the Firmware page: any text,
 * mutated files and records addressing up to 4 GiB end in an image or IMAGE_HEX_INVALID, never in an
 * allocation of what the addresses span; files written from random data read back to that data.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectTypedRejection, fuzzOptions } from '../../testing/fuzz';
import { MAX_HEX_SPAN, parseIntelHex } from './intel-hex';

function record(type: number, offset: number, bytes: ArrayLike<number>): string {
  const raw = [bytes.length, offset >> 8, offset & 0xff, type, ...Array.from(bytes)];
  const sum = (0x100 - (raw.reduce((a, b) => a + b, 0) & 0xff)) & 0xff;
  return ':' + [...raw, sum].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
}

/** A file for `data` at `base`, 16 bytes a record, an extended linear address record per 64 KiB. */
function hexFile(base: number, data: Uint8Array): string {
  const lines: string[] = [];
  let upper = -1;
  for (let at = 0; at < data.length; at += 16) {
    const address = base + at;
    const chunk = data.subarray(at, Math.min(at + 16, data.length, at + 0x10000 - (address & 0xffff)));
    if (address >>> 16 !== upper) {
      upper = address >>> 16;
      lines.push(record(4, 0, [upper >> 8, upper & 0xff]));
    }
    lines.push(record(0, address & 0xffff, chunk));
    at -= 16 - chunk.length;
  }
  return [...lines, ':00000001FF', ''].join('\n');
}

const parse = (text: string) => expectTypedRejection(() => parseIntelHex(text), 'IMAGE_HEX_INVALID');

describe('R11 fuzz: Intel HEX', () => {
  it('random text made of record characters: an image or IMAGE_HEX_INVALID', () => {
    const char = fc.constantFrom(...':0123456789ABCDEFabcdef\r\n \t:0001FF0400'.split(''));
    fc.assert(fc.property(fc.array(char, { maxLength: 400 }), (chars) => void parse(chars.join(''))), fuzzOptions(500, 0x4e8));
  });

  it('data written at any address reads back, and the same file mutated reads back or is refused', () => {
    const edit = fc.record({ at: fc.nat(), char: fc.constantFrom(...'0123456789ABCDEF:\nZ'.split('')) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_f000 }), fc.uint8Array({ minLength: 1, maxLength: 300 }), edit, (base, data, e) => {
        const text = hexFile(base, data);
        expect(parseIntelHex(text)).toEqual({ baseAddress: base, data });
        parse(text.slice(0, e.at % text.length) + e.char + text.slice((e.at % text.length) + 1));
      }),
      fuzzOptions(300, 0x4e8)
    );
  });

  it('records spread over the 4 GiB address space are refused beyond the span limit before allocating it', () => {
    const piece = fc.record({ upper: fc.integer({ min: 0, max: 0xffff }), offset: fc.integer({ min: 0, max: 0xffff }), data: fc.uint8Array({ minLength: 1, maxLength: 8 }) });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 2, maxLength: 6 }), (pieces) => {
        const text = [...pieces.flatMap((p) => [record(4, 0, [p.upper >> 8, p.upper & 0xff]), record(0, p.offset, p.data)]), ':00000001FF'].join('\n');
        const image = parse(text);
        if (image) expect(image.data.length).toBeLessThanOrEqual(MAX_HEX_SPAN);
      }),
      fuzzOptions(200, 0x4e8)
    );
  });
});
