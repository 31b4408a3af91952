import { describe, expect, it } from 'vitest';
import { readSignal, writeSignal, type DbcSignal } from './dbc-signal';
import { FOX_APP_MESSAGES } from './foxbms-dbc';

const hex = (text: string) => Uint8Array.from(text.split(' ').map((b) => parseInt(b, 16)));
const motorola = (start: number, length: number, signed = false): DbcSignal => ({ start, length, order: 'motorola', signed });
const intel = (start: number, length: number): DbcSignal => ({ start, length, order: 'intel' });

describe('DBC signals', () => {
  it('R12 reads the bootloader version frame by its DBC signals (Motorola), as the reference decodes it', () => {
    const frame = hex('00 01 0B 00 01 00 00 00'); // t410800010B0001000000: v1.11.0
    expect(readSignal(frame, motorola(7, 8))).toBe(0); // multiplexer
    expect(readSignal(frame, motorola(15, 8))).toBe(1);
    expect(readSignal(frame, motorola(23, 8))).toBe(11);
    expect(readSignal(frame, motorola(31, 8))).toBe(0);
    expect(readSignal(frame, motorola(32, 1))).toBe(1); // UnderVersionControl
    expect(readSignal(frame, motorola(39, 5))).toBe(0); // ReleaseDistance
  });

  it('R12 reads the transfer info frame by its DBC signals (Intel), as the reference decodes it', () => {
    const frame = hex('00 00 02 00 00 40 00 00'); // t42080000020000400000
    expect(readSignal(frame, intel(0, 32))).toBe(0x20000);
    expect(readSignal(frame, intel(32, 32))).toBe(16384);
  });

  it('R12 crosses byte boundaries the Motorola way and sign-extends', () => {
    const data = new Uint8Array(8);
    writeSignal(data, { ...motorola(40, 17, true), factor: 0.01 }, -12.34); // f_PackValuesP0 Current
    expect(readSignal(data, { ...motorola(40, 17, true), factor: 0.01 })).toBeCloseTo(-12.34, 5);
    expect(Array.from(data.subarray(5, 8))).toEqual([0x01, 0xfb, 0x2e]); // raw -1234 in 17 bits: 1 FB2E
  });

  it('R12 the transcribed foxbms.dbc messages have no two signals on the same bit, and every signal round-trips', () => {
    for (const message of FOX_APP_MESSAGES) {
      for (const mux of message.mux ? [0, 1] : [0]) {
        const signals = Object.entries(message.signals(mux));
        const owner = new Map<number, string>();
        for (const [name, signal] of [...signals, ...(message.mux ? [['mux', message.mux] as const] : [])]) {
          const probe = new Uint8Array(8);
          writeSignal(probe, { ...signal, factor: 1, offset: 0, signed: false }, 2 ** signal.length - 1);
          for (let bit = 0; bit < 64; bit += 1) {
            if (!((probe[bit >> 3] >> (bit & 7)) & 1)) continue;
            expect(owner.get(bit), `${message.name} ${name} bit ${bit}`).toBeUndefined();
            owner.set(bit, name);
          }
        }
        const data = new Uint8Array(8);
        const values = signals.map(([, signal], i) => {
          const raw = (i * 37 + 1) % 2 ** Math.min(signal.length - (signal.signed ? 1 : 0), 30);
          const value = (signal.signed && i % 2 ? -raw : raw) * (signal.factor ?? 1);
          writeSignal(data, signal, value);
          return value;
        });
        signals.forEach(([name, signal], i) => expect(readSignal(data, signal), `${message.name} ${name}`).toBeCloseTo(values[i], 6));
      }
    }
  });
});
