import { readFileSync, readdirSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTITY } from '../../src/lib/core/virtual-bms/board/device-identity';
import { readFirmwareBehaviour } from '../../src/lib/core/virtual-bms/firmware-behaviour';
import { VENDOR_TEST_KEY } from '../../src/lib/core/image/test-keys';
import { formatVersion } from '../../src/lib/core/image/version';
import { verifyImage } from '../../src/lib/core/image/verify-image';
import { buildCatalog, VENDOR_KEY_FILE, vendorKeyPem } from './build-catalog';
import { catalogForDevice, caveatsOf, parseCatalog } from '../../src/lib/ui/catalog/catalog';

const DIR = new URL('../../static/firmware/', import.meta.url);
const built = buildCatalog();

describe('firmware catalog (static/firmware)', () => {
  it('the committed catalog and images are exactly what scripts/make-catalog.ts builds', () => {
    const hint = 'static/firmware is stale: run `node --import tsx scripts/make-catalog.ts` and commit';
    expect(readFileSync(new URL('catalog.json', DIR), 'utf8'), hint).toBe(built.json);
    const onDisk = readdirSync(DIR).filter((name) => name.endsWith('.bin')).sort();
    expect(onDisk, hint).toEqual(built.files.map((f) => f.path).sort());
    for (const file of built.files) {
      expect(bytesToHex(new Uint8Array(readFileSync(new URL(file.path, DIR)))), `${hint} (${file.path})`).toBe(bytesToHex(file.bytes));
    }
    expect(readFileSync(new URL(VENDOR_KEY_FILE, DIR), 'utf8'), hint).toBe(vendorKeyPem());
  });

  it('R08 R11 R07 R25 every entry says what its image is: hashes, signature, version, counter, compatibility', async () => {
    const catalog = parseCatalog(JSON.parse(built.json));
    expect(catalog.images).toHaveLength(built.files.length);
    for (const entry of catalog.images) {
      const bytes = built.files.find((f) => f.path === entry.path)!.bytes;
      expect(entry.size).toBe(bytes.length);
      expect(entry.sha256).toBe(bytesToHex(sha256(bytes)));
      const { image, digest, signer } = await verifyImage(bytes, [VENDOR_TEST_KEY]);
      expect(signer.name).toBe(VENDOR_TEST_KEY.name);
      expect(entry.imageHash).toBe(bytesToHex(digest));
      expect(entry.version).toBe(formatVersion(image.header.version));
      expect(entry.securityCounter).toBe(image.securityCounter);
      expect(entry.safetyCritical).toBe(image.metadata.safetyCritical);
      expect(entry.model).toBe(image.metadata.model);
      expect(entry.hwRevisions).toEqual(image.metadata.hwRevisions);
    }
  });

  it('R07 a technician sees the stable release first; settings reset and bootloader needs after it; test builds apart', () => {
    const device = { model: DEFAULT_IDENTITY.model, hwRev: DEFAULT_IDENTITY.hwRev, bootloader: '2.1.0' };
    const { releases, tests } = catalogForDevice(built.catalog, device);
    expect(releases.map((i) => i.id)).toEqual(['vbms-1.1.0', 'vbms-2.0.0-new-bootloader', 'vbms-1.4.0-config-reset']);
    expect(tests.map((i) => i.id)).toEqual(['vbms-1.3.0-boot-loop', 'vbms-1.2.0-selftest-fail', 'vbms-0.9.0']);
    const byId = Object.fromEntries(releases.map((i) => [i.id, caveatsOf(i, device)]));
    expect(byId['vbms-1.1.0']).toEqual([]);
    expect(byId['vbms-1.4.0-config-reset']).toEqual([{ kind: 'resets-settings' }]);
    expect(byId['vbms-2.0.0-new-bootloader']).toEqual([{ kind: 'needs-bootloader', required: '3.0.0', installed: '2.1.0' }]);
    // A device whose bootloader is new enough gets the major release first.
    expect(catalogForDevice(built.catalog, { ...device, bootloader: '3.0.0' }).releases[0].id).toBe('vbms-2.0.0-new-bootloader');
  });

  it('covers the demo cases: a good release, self-test failure, boot loop, config reset, other revision, downgrade', () => {
    const byId = Object.fromEntries(built.files.map((f) => [f.path.replace(/\.bin$/, ''), f.bytes]));
    const behaviour = (id: string) => readFirmwareBehaviour(byId[id].subarray(0x200));
    expect(behaviour('vbms-1.1.0')).toEqual({ selfTestFailures: [], bootLoop: false, resetConfig: false, manualConfirm: false, noBroadcast: false });
    expect(behaviour('vbms-1.2.0-selftest-fail').selfTestFailures).toEqual(['voltage_calibration']);
    expect(behaviour('vbms-1.3.0-boot-loop').bootLoop).toBe(true);
    expect(behaviour('vbms-1.4.0-config-reset').resetConfig).toBe(true);

    const device = { model: DEFAULT_IDENTITY.model, hwRev: DEFAULT_IDENTITY.hwRev, bootloader: '2.1.0' };
    const { releases, tests, others } = catalogForDevice(built.catalog, device);
    expect(others.map((i) => i.id)).toEqual(['vbms-1.1.0-rev-c']);
    expect(tests.find((i) => i.id === 'vbms-0.9.0')!.securityCounter).toBeLessThan(1);
    const all = catalogForDevice(built.catalog, {});
    expect(all.releases.length + all.tests.length).toBe(built.files.length);
    expect(releases.length + tests.length + others.length).toBe(built.files.length);
  });

  it('drops malformed entries and refuses what is not a catalog', () => {
    const good = built.catalog.images[0];
    const parsed = parseCatalog({ ...built.catalog, images: [good, { ...good, sha256: 'xyz' }, { ...good, path: '../x.bin' }, null] });
    expect(parsed.images).toEqual([good]);
    expect(() => parseCatalog({ format: 'other', images: [] })).toThrow(/not a firmware catalog/);
  });
});
