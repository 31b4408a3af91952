import { describe, expect, it } from 'vitest';
import type { ParsedImage } from '../../image/image-types';
import type { BmsIdentity } from '../../protocol/smp/groups/bms-group';
import { checkText } from './check-result';
import { checkAntiRollback, checkCompatibility, checkInterface, checkPackage } from './package-checks';

// Only the fields the checks read; the full parse is covered by the image module's own tests.
function image(over: Omit<Partial<ParsedImage>, 'metadata'> & { metadata?: Partial<ParsedImage['metadata']> } = {}): ParsedImage {
  return {
    header: { loadAddr: 0, hdrSize: 32, protectTlvSize: 0, imgSize: 4, flags: 0, version: { major: 1, minor: 3, revision: 0, build: 0 } },
    payload: new Uint8Array(4), hashedLength: 36, tlvs: [], imageEnd: 48, imageHash: new Uint8Array(32).fill(7),
    securityCounter: 5, ...over,
    metadata: { hwRevisions: ['B', 'C'], model: 'BMS-16S', minBootloader: { major: 2, minor: 0, revision: 0, build: 0 }, safetyCritical: false, ...over.metadata }
  };
}
const device: BmsIdentity = {
  model: 'BMS-16S', serial: 'SN1', hw_rev: 'C', bl_version: '2.1.0', fw_version: '1.2.0+0',
  fw_hash: new Uint8Array(32).fill(1), sec_cnt: 5, in_bootloader: false
};

describe('package checks', () => {
  it('R08 R11 a verification error blocks with the image code', () => {
    const check = checkPackage({ error: { code: 'INTERNAL_ERROR', detail: 'bad' } });
    expect(check).toMatchObject({ status: 'fail', code: 'INTERNAL_ERROR', reason: { key: 'check.refused', params: { detail: 'bad' } } });
  });

  it('R07 refuses another model, an unlisted revision, no declared revision, an old bootloader', () => {
    expect(checkCompatibility(image(), device).status).toBe('pass');
    expect(checkCompatibility(image({ metadata: { model: 'BMS-8S' } }), device).code).toBe('UPDATE_HARDWARE_INCOMPATIBLE');
    expect(checkCompatibility(image({ metadata: { hwRevisions: ['A'] } }), device).code).toBe('UPDATE_HARDWARE_INCOMPATIBLE');
    expect(checkCompatibility(image({ metadata: { hwRevisions: undefined } }), device).code).toBe('UPDATE_HARDWARE_INCOMPATIBLE');
    const newBl = image({ metadata: { minBootloader: { major: 2, minor: 2, revision: 0, build: 0 } } });
    expect(checkCompatibility(newBl, device).code).toBe('UPDATE_BOOTLOADER_TOO_OLD');
  });

  it('R25 refuses a lower security counter, allows equal (warning on an older version)', () => {
    expect(checkAntiRollback(image({ securityCounter: 4 }), device)).toMatchObject({ status: 'fail', code: 'UPDATE_DOWNGRADE_BLOCKED' });
    expect(checkAntiRollback(image({ securityCounter: undefined }), device).status).toBe('fail');
    expect(checkAntiRollback(image({ securityCounter: 6 }), device).status).toBe('pass');
    const older = image({ header: { ...image().header, version: { major: 1, minor: 1, revision: 0, build: 0 } } });
    expect(checkAntiRollback(older, device).status).toBe('warn');
  });

  it('R25 refuses the image that already runs, with a plain reason (it would end in a fallback to itself)', () => {
    const same = checkAntiRollback(image({ imageHash: device.fw_hash }), device);
    expect(same).toMatchObject({ status: 'fail', code: 'UPDATE_SAME_IMAGE_RUNNING' });
    expect(checkText(same, 'en').reason).toMatch(/already runs on the device: there is nothing to update/);
    // In its bootloader the device runs nothing: reinstalling that version is the recovery (R22).
    expect(checkAntiRollback(image({ imageHash: device.fw_hash }), { ...device, in_bootloader: true }).status).not.toBe('fail');
  });

  it('R13 refuses a safety-critical package over a wireless link only', () => {
    const critical = image({ metadata: { safetyCritical: true } });
    const ble = { kind: 'ble', wired: false, label: 'BLE' } as const;
    const usb = { kind: 'webusb', wired: true, label: 'USB' } as const;
    expect(checkInterface(critical, ble)).toMatchObject({ status: 'fail', code: 'UPDATE_SAFETY_CRITICAL_OVER_WIRELESS' });
    expect(checkInterface(critical, usb).status).toBe('pass');
    expect(checkInterface(image(), ble).status).toBe('warn');
  });
});
