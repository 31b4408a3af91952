import { describe, expect, it } from 'vitest';
import { isBmsError } from '../../errors';
import { fromHex } from '../smp/hex';
import { SerialFrameDecoder } from '../smp/serial-frame';
import { AddressedFrameDecoder, encodeAddressedFrame } from './addressed-frame';
import { RS485_VECTORS } from './rs485-vectors';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('addressed SMP console frame (R05, R12: many units on one RS485 bus)', () => {
  for (const [name, vector] of Object.entries(RS485_VECTORS)) {
    it(`R12 encodes and decodes the known answer: ${name}`, () => {
      const packet = fromHex(vector.packet);
      expect(encodeAddressedFrame(vector.address, packet)).toEqual(latin1(vector.frame));
      const events = new AddressedFrameDecoder().push(latin1(vector.frame));
      expect(events).toEqual([{ type: 'packet', address: vector.address, packet }]);
    });
  }

  it('R12 a damaged address is a bad frame (the CRC covers it), never a request for another unit', () => {
    const frame = latin1(RS485_VECTORS.echoToUnit5.frame);
    // base64 "ABEF…": the third character carries the address bits; F (5) → H (7)
    frame[4] = 'H'.charCodeAt(0);
    const events = new AddressedFrameDecoder().push(frame);
    expect(events.map((e) => e.type)).toEqual(['bad-frame']);
  });

  it('R12 a stock SMP decoder skips an addressed frame as console noise (it cannot act on it)', () => {
    const events = new SerialFrameDecoder().push(latin1(RS485_VECTORS.echoToUnit5.frame));
    expect(events.every((e) => e.type === 'noise')).toBe(true);
  });

  it('R12 finds each unit’s frame among other traffic split at any byte', () => {
    const stream = latin1(RS485_VECTORS.echoFromUnit5.frame + 'log line\r\n' + RS485_VECTORS.echoToUnit247.frame);
    const decoder = new AddressedFrameDecoder();
    const packets = [...stream].flatMap((b) => decoder.push(Uint8Array.of(b))).filter((e) => e.type === 'packet');
    expect(packets.map((e) => e.type === 'packet' && e.address)).toEqual([5, 247]);
  });

  it('R12 long packets span continuation lines and keep their address', () => {
    const packet = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
    const frame = encodeAddressedFrame(12, packet);
    expect([...frame].filter((b) => b === 0x0a).length).toBeGreaterThan(1);
    expect(new AddressedFrameDecoder().push(frame)).toEqual([{ type: 'packet', address: 12, packet }]);
  });

  it('refuses an address outside 0–247 with RS485_ADDRESS_INVALID', () => {
    for (const address of [248, -1, 1.5]) {
      let error: unknown;
      try {
        encodeAddressedFrame(address, fromHex(RS485_VECTORS.echoToUnit5.packet));
      } catch (e) {
        error = e;
      }
      expect(isBmsError(error) && error.code).toBe('RS485_ADDRESS_INVALID');
    }
  });
});
