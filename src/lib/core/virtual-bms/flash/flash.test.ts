import { describe, expect, it } from 'vitest';
import { FlashFault, NorFlash, PowerLoss } from './flash';

const geometry = { sectorSize: 256, sectorCount: 4, writeAlign: 8 };

describe('NOR flash model', () => {
  it('starts erased and programs only 1 → 0 bits (a second program ANDs)', () => {
    const flash = new NorFlash(geometry);
    expect(flash.isErased(0, flash.size)).toBe(true);
    flash.program(8, Uint8Array.of(0xf0, 0x0f, 0xff, 0x00, 1, 2, 3, 4));
    flash.program(8, Uint8Array.of(0xcc, 0xcc, 0xcc, 0xcc, 0xff, 0xff, 0xff, 0xff));
    expect([...flash.read(8, 8)]).toEqual([0xc0, 0x0c, 0xcc, 0x00, 1, 2, 3, 4]);
  });

  it('erases whole sectors back to 0xff and refuses unaligned operations', () => {
    const flash = new NorFlash(geometry);
    flash.program(256, new Uint8Array(16));
    flash.erase(256, 256);
    expect(flash.isErased(256, 256)).toBe(true);
    expect(() => flash.program(4, new Uint8Array(8))).toThrow(/aligned/);
    expect(() => flash.program(0, new Uint8Array(5))).toThrow(/aligned/);
    expect(() => flash.erase(8, 256)).toThrow(/sector-aligned/);
    expect(() => flash.read(1000, 100)).toThrow(/outside/);
  });

  it('R15 a power cut during a program leaves exactly the bytes already written', () => {
    const flash = new NorFlash(geometry);
    flash.hook = () => ({ cutAfterBytes: 5 });
    expect(() => flash.program(0, new Uint8Array(16))).toThrow(PowerLoss);
    expect([...flash.read(0, 8)]).toEqual([0, 0, 0, 0, 0, 0xff, 0xff, 0xff]);
  });

  it('R15 a power cut during an erase leaves the sector part erased, part old', () => {
    const flash = new NorFlash(geometry);
    flash.program(0, new Uint8Array(256));
    flash.hook = () => ({ cutAfterBytes: 100 });
    expect(() => flash.erase(0, 256)).toThrow(PowerLoss);
    expect(flash.isErased(0, 100)).toBe(true);
    expect(flash.read(100, 156).every((b) => b === 0)).toBe(true);
  });

  it('reports an injected write error without changing the cells', () => {
    const flash = new NorFlash(geometry);
    flash.hook = () => ({ writeError: true });
    expect(() => flash.program(0, new Uint8Array(8))).toThrow(FlashFault);
    expect(flash.isErased(0, 8)).toBe(true);
  });

  it('exports only written sectors and imports them back', () => {
    const flash = new NorFlash(geometry);
    flash.program(512, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    const image = flash.export();
    expect(Object.keys(image)).toEqual(['2']);
    const copy = new NorFlash(geometry);
    copy.import(JSON.parse(JSON.stringify(image)));
    expect(copy.read(0, copy.size)).toEqual(flash.read(0, flash.size));
    expect(() => copy.import({ '9': 'AAAA' })).toThrow(/DEVICE_STATE_INVALID/);
  });

  it('accounts simulated busy time for erases and programs', () => {
    const flash = new NorFlash(geometry, { eraseSectorMs: 40, programBytesPerMs: 8 });
    flash.erase(0, 512);
    flash.program(0, new Uint8Array(16));
    expect(flash.takeBusyMs()).toBe(82);
    expect(flash.takeBusyMs()).toBe(0);
  });
});
