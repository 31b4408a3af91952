import { describe, expect, it } from 'vitest';
import { crc16Xmodem } from './crc16';
import { fromHex } from './hex';

describe('CRC-16/XMODEM', () => {
  it('has the catalogue check value 0x31C3 for "123456789"', () => {
    expect(crc16Xmodem(new TextEncoder().encode('123456789'))).toBe(0x31c3);
  });

  it('gives 0xE27C for the reference SMP echo packet, and 0 over packet + CRC', () => {
    const packet = fromHex('0a 00 00 06 00 00 00 00 a1 61 64 62 68 69');
    expect(crc16Xmodem(packet)).toBe(0xe27c);
    expect(crc16Xmodem(fromHex('0a 00 00 06 00 00 00 00 a1 61 64 62 68 69 e2 7c'))).toBe(0);
  });

  it('continues over split data with a seed', () => {
    const data = new TextEncoder().encode('123456789');
    expect(crc16Xmodem(data.subarray(4), crc16Xmodem(data.subarray(0, 4)))).toBe(0x31c3);
    expect(crc16Xmodem(new Uint8Array(0))).toBe(0);
  });
});
