import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';
import { cleanBurst, flipBits, resampleUart } from './uart-line';

const countBitDifferences = (a: Uint8Array, b: Uint8Array) => {
  let differences = 0;
  for (let i = 0; i < a.length; i += 1) {
    for (let x = a[i] ^ b[i]; x !== 0; x &= x - 1) differences += 1;
  }
  return differences;
};

describe('UART line model', () => {
  it('R06 a receiver at the same rate decodes every byte, each after its stop bit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(9600, 115200, 250000), (bytes, baud) => {
        const burst = resampleUart(bytes, baud, baud);
        expect(burst.bytes).toEqual(bytes);
        expect(burst.framingErrors).toBe(0);
        expect(Array.from(burst.endBits)).toEqual(Array.from(cleanBurst(bytes).endBits, (end) => end - 0.5));
      })
    );
  });

  it('R06 0xFF sent at half the receiver rate reads as 0xFE (the long start bit spills into bit 0)', () => {
    const burst = resampleUart(Uint8Array.of(0xff), 57600, 115200);
    expect(Array.from(burst.bytes)).toEqual([0xfe]);
  });

  it('R06 a baud mismatch turns text into different bytes and framing errors, both slower and faster', () => {
    const text = new TextEncoder().encode('SMP frame: hello BMS, this is the host speaking at the wrong rate');
    for (const [tx, rx] of [
      [115200, 9600],
      [9600, 115200],
      [115200, 57600],
      [115200, 128000]
    ]) {
      const burst = resampleUart(text, tx, rx);
      expect(burst.bytes, `${tx}→${rx}`).not.toEqual(text);
      expect(burst.framingErrors + Math.abs(burst.bytes.length - text.length), `${tx}→${rx}`).toBeGreaterThan(0);
    }
  });

  it('a 2 % rate error still decodes (UARTs tolerate a few per cent)', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(resampleUart(bytes, 115200, 117500).bytes).toEqual(bytes);
  });

  it('flips data bits at the requested rate, reproducibly for a seed', () => {
    const bytes = new Uint8Array(100_000);
    const first = flipBits(bytes, 1e-3, seededRandom(42));
    const measured = countBitDifferences(bytes, first.bytes) / (bytes.length * 8);
    expect(measured).toBeGreaterThan(0.85e-3);
    expect(measured).toBeLessThan(1.15e-3);
    expect(first.flipped).toBe(countBitDifferences(bytes, first.bytes));
    expect(flipBits(bytes, 1e-3, seededRandom(42)).bytes).toEqual(first.bytes);
    expect(flipBits(bytes, 1e-3, seededRandom(43)).bytes).not.toEqual(first.bytes);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });

  it('a clean line (rate 0) and rate 1 behave at the edges', () => {
    const bytes = Uint8Array.of(0x0f, 0xaa);
    expect(flipBits(bytes, 0, seededRandom(1))).toEqual({ bytes, flipped: 0 });
    expect(Array.from(flipBits(bytes, 1, seededRandom(1)).bytes)).toEqual([0xf0, 0x55]);
  });
});
