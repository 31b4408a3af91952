import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../image/keys';
import { signImage } from '../image/sign-image';
import { makeTestFirmware } from '../virtual-bms/firmware-behaviour';
import { VENDOR_TEST_KEY } from '../image/test-keys';
import { PUBLISHED_TEST_KEYS, explainWithheld, isPublishedTestKey, keysForTarget, trustTargetOf } from './trust-scope';

const vendorKey = { name: 'ACME production', publicKey: generateKeyPair().publicKey };

describe('trust scope of the published test keys (R11, R24)', () => {
  it('R24 only the Virtual BMS link is a virtual target: serial, USB, Bluetooth and a pty are real ports', () => {
    expect(trustTargetOf({ kind: 'virtual' })).toBe('virtual');
    for (const kind of ['web-serial', 'webusb', 'node-serial', 'ble'] as const) expect(trustTargetOf({ kind })).toBe('real');
  });

  it('R24 a real port keeps the user’s keys and withholds both test keys, even when re-added under another name', () => {
    const readded = { name: 'my key', publicKey: PUBLISHED_TEST_KEYS[1].publicKey };
    const scoped = keysForTarget('real', [...PUBLISHED_TEST_KEYS, vendorKey, readded]);
    expect(scoped.keys.map((k) => k.name)).toEqual(['ACME production']);
    expect(scoped.withheld.map((k) => k.name)).toEqual(['virtual BMS vendor (test key)', 'imgtool test key', 'my key']);
    expect(isPublishedTestKey(readded.publicKey)).toBe(true);
    expect(isPublishedTestKey(vendorKey.publicKey)).toBe(false);
  });

  it('R24 the Virtual BMS, and a real port with the developer setting on, keep every key', () => {
    expect(keysForTarget('virtual', [...PUBLISHED_TEST_KEYS, vendorKey]).keys).toHaveLength(3);
    expect(keysForTarget('real', [...PUBLISHED_TEST_KEYS, vendorKey], { testKeysOnRealPorts: true })).toEqual({
      keys: [...PUBLISHED_TEST_KEYS, vendorKey],
      withheld: []
    });
  });

  it('R11 an image signed only by a withheld test key is refused with the key named; others keep their error', async () => {
    const image = makeTestFirmware({ version: '1.1.0', securityCounter: 1 });
    const unknown = { code: 'IMAGE_UNKNOWN_KEY' as const, detail: 'signer KEYHASH … is not trusted; trusted keys: none' };
    const told = await explainWithheld(unknown, image, [VENDOR_TEST_KEY]);
    expect(told.code).toBe('IMAGE_UNKNOWN_KEY');
    expect(told.detail).toMatch(/virtual BMS vendor \(test key\).*published test key.*Virtual BMS only/);
    const stranger = signImage(new Uint8Array(512), generateKeyPair().secretKey, { version: { major: 1, minor: 0, revision: 0, build: 0 }, headerSize: 0x200, align: 4 });
    expect(await explainWithheld(unknown, stranger, [VENDOR_TEST_KEY])).toBe(unknown);
    const corrupt = { code: 'IMAGE_HASH_MISMATCH' as const, detail: 'x' };
    expect(await explainWithheld(corrupt, image, [VENDOR_TEST_KEY])).toBe(corrupt);
  });
});
