import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BAUD } from '../../core/link/link';
import { baudFor, lastPort, rememberConnection } from './remembered';

const stored = new Map<string, string>();
beforeEach(() => {
  stored.clear();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value)
  };
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('remembered connection', () => {
  it('R06 keeps the last port and a baud rate per BMS model', () => {
    expect(lastPort()).toBeUndefined();
    expect(baudFor('VBMS-16S')).toBe(DEFAULT_BAUD);
    rememberConnection({ kind: 'web-serial', usbVendorId: 0x10c4, usbProductId: 0xea60, model: 'VBMS-16S' }, 57600);
    rememberConnection({ kind: 'virtual', model: 'OTHER-8S' }, 9600);
    expect(lastPort()).toEqual({ kind: 'virtual', model: 'OTHER-8S' });
    expect(baudFor('VBMS-16S')).toBe(57600);
    expect(baudFor('OTHER-8S')).toBe(9600);
    expect(baudFor(undefined)).toBe(DEFAULT_BAUD);
  });

  it('an unreadable entry is ignored, never erased', () => {
    stored.set('bms-flasher.last-port', '{not json');
    expect(lastPort()).toBeUndefined();
    expect(stored.get('bms-flasher.last-port')).toBe('{not json');
  });
});
