import { describe, expect, it } from 'vitest';
import { parseImage } from '../image/parse-image';
import { verifyImage } from '../image/verify-image';
import { makeTestFirmware, makeTestFirmwarePayload, readFirmwareBehaviour } from './firmware-behaviour';
import { VENDOR_TEST_KEY } from '../image/test-keys';

describe('test firmware and its behaviour markers', () => {
  it('reads the BMSSIM markers of a payload', () => {
    const payload = makeTestFirmwarePayload('1.2.0', { selfTestFailures: ['can', 'rs485'], bootLoop: true, manualConfirm: true });
    expect(readFirmwareBehaviour(payload)).toEqual({
      selfTestFailures: ['can', 'rs485'],
      bootLoop: true,
      resetConfig: false,
      manualConfirm: true,
      noBroadcast: false
    });
    expect(readFirmwareBehaviour(makeTestFirmwarePayload('1.2.0', {}, 60_000))).toEqual({
      selfTestFailures: [],
      bootLoop: false,
      resetConfig: false,
      manualConfirm: false,
      noBroadcast: false
    });
  });

  it('ignores unknown markers and unknown self-test items', () => {
    const payload = new TextEncoder().encode('xx BMSSIM:SELFTEST_FAIL=flux BMSSIM:FLY\0BMSSIM:RESET_CONFIG\n');
    expect(readFirmwareBehaviour(payload)).toMatchObject({ selfTestFailures: [], resetConfig: true, bootLoop: false });
  });

  it('builds deterministic signed images with this BMS model and revision by default', async () => {
    const image = makeTestFirmware({ version: '1.4.2+7', securityCounter: 9, size: 3000 });
    expect(makeTestFirmware({ version: '1.4.2+7', securityCounter: 9, size: 3000 })).toEqual(image);
    const verified = await verifyImage(image, [VENDOR_TEST_KEY]);
    expect(verified.image.header.version).toEqual({ major: 1, minor: 4, revision: 2, build: 7 });
    expect(verified.image.securityCounter).toBe(9);
    expect(verified.image.metadata).toMatchObject({ model: 'VBMS-16S', hwRevisions: ['B'], safetyCritical: false });
    expect(verified.image.payload.length).toBe(3000);
    expect(parseImage(makeTestFirmware({ version: '1.0.0', signingKey: null })).signature).toBeUndefined();
  });
});
