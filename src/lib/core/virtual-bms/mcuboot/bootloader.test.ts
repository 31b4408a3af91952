import { describe, expect, it } from 'vitest';
import { PADDED, SIGNED, UNSIGNED, fixture, fixtureText } from '../../../../../tests/node/imgtool-fixtures';
import { generateKeyPair, parsePublicKeyPem, type TrustedKey } from '../../image/keys';
import { formatVersion } from '../../image/version';
import { readSwapState, setNext } from './boot-trailer';
import { runBootloader, type BootEnvironment } from './bootloader';
import { DEFAULT_IDENTITY } from '../board/device-identity';
import { makeTestFirmware, type TestFirmwareOptions } from '../firmware-behaviour';
import { createFlashLayout, type FlashLayout } from '../flash/flash-layout';
import { readSlotInfo } from './image-slots';
import { VENDOR_TEST_KEY } from '../../image/test-keys';
import { readTrusted, writeTrusted } from './trusted-storage';

const IMGTOOL_KEY: TrustedKey = { name: 'imgtool test key', publicKey: parsePublicKeyPem(fixtureText('ed25519.pub.pem')) };
const FACTORY = makeTestFirmware({ version: '1.0.0', securityCounter: 3 });

function program(layout: FlashLayout, slot: 'primary' | 'secondary', image: Uint8Array): void {
  const padded = new Uint8Array(Math.ceil(image.length / 8) * 8).fill(0xff);
  padded.set(image);
  layout[slot].program(0, padded);
}

/** A device running FACTORY (confirmed), with `candidate` uploaded to slot 1 and marked for test. */
function withCandidate(candidate: Uint8Array | undefined, storedCounter = 1, permanent = false): FlashLayout {
  const layout = createFlashLayout();
  program(layout, 'primary', FACTORY);
  writeTrusted(layout.trusted, { securityCounter: storedCounter, technicianKeys: [] });
  if (candidate) {
    program(layout, 'secondary', candidate);
    if (readSwapState(layout.secondary).magic === 'unset') setNext(layout.secondary, false, permanent);
  }
  return layout;
}

function boot(layout: FlashLayout, keys: TrustedKey[] = [VENDOR_TEST_KEY], overrides: Partial<BootEnvironment> = {}) {
  const { model, hwRev, bootloaderVersion } = DEFAULT_IDENTITY;
  return runBootloader({
    layout,
    policy: { keys, model, hwRev, bootloaderVersion },
    resetReason: 'power_on',
    recoveryButton: false,
    setPhase: () => undefined,
    ...overrides
  });
}

const running = (layout: FlashLayout) => formatVersion(readSlotInfo(layout.primary)!.version);
const rejection = (events: { phase: string; detail: string }[]) => events.find((e) => e.phase === 'image_rejected')?.detail;

describe('BMS bootloader checks (R11, R14, R07, R25)', () => {
  it('R11 boots the imgtool reference image when its key is embedded', async () => {
    const layout = withCandidate(fixture(SIGNED));
    const result = await boot(layout, [VENDOR_TEST_KEY, IMGTOOL_KEY]);
    expect(result.mode).toBe('app');
    expect(running(layout)).toBe('1.2.3+4');
    expect(result.running?.signer).toMatch(/^imgtool test key/);
  });

  it('R11 refuses the imgtool reference image with any other key: the old firmware keeps running', async () => {
    const layout = withCandidate(fixture(SIGNED));
    const result = await boot(layout, [VENDOR_TEST_KEY, { name: 'other', publicKey: generateKeyPair().publicKey }]);
    expect(result.mode).toBe('app');
    expect(running(layout)).toBe('1.0.0+0');
    expect(rejection(result.events)).toMatch(/^IMAGE_UNKNOWN_KEY: /);
    expect(layout.secondary.isErased()).toBe(true);
  });

  it('R11 takes the padded --confirm imgtool image as a permanent swap and raises the security counter at once', async () => {
    const layout = withCandidate(fixture(PADDED));
    expect(readSwapState(layout.secondary)).toMatchObject({ magic: 'good', imageOk: 'set' });
    const result = await boot(layout, [VENDOR_TEST_KEY, IMGTOOL_KEY]);
    expect(result.events.find((e) => e.phase === 'swap')?.detail).toMatch(/^permanent swap/);
    expect(readSwapState(layout.primary)).toMatchObject({ imageOk: 'set', copyDone: 'set' });
    expect(readTrusted(layout.trusted).securityCounter).toBe(5);
  });

  const refusals: [string, () => Uint8Array, RegExp, number?][] = [
    ['an unsigned image', () => fixture(UNSIGNED), /^IMAGE_UNSIGNED: /],
    ['an image signed by an unknown key', () => makeTestFirmware({ version: '1.1.0', signingKey: generateKeyPair().secretKey }), /^IMAGE_UNKNOWN_KEY: /],
    [
      'a tampered image',
      () => {
        const image = makeTestFirmware({ version: '1.1.0' });
        image[0x300] ^= 0x01;
        return image;
      },
      /^IMAGE_HASH_MISMATCH: /
    ],
    ['an image for another hardware revision', () => firmware({ metadata: { hwRevisions: ['A', 'C'] } }), /^DEVICE_IMAGE_HW_MISMATCH: .*revision B/],
    ['an image for another model', () => firmware({ metadata: { model: 'OTHER-8S' } }), /^DEVICE_IMAGE_MODEL_MISMATCH: /],
    ['an image needing a newer bootloader', () => firmware({ metadata: { minBootloader: { major: 3, minor: 0, revision: 0, build: 0 } } }), /^DEVICE_IMAGE_BOOTLOADER_TOO_OLD: /],
    ['an image below the stored security counter', () => firmware({ securityCounter: 2 }), /^DEVICE_IMAGE_ROLLBACK: .*2 is below the stored counter 3/, 3],
    ['an image without a security counter', () => unsignedCounter(), /^DEVICE_IMAGE_NO_SECURITY_COUNTER: /]
  ];

  for (const [what, make, reason, stored] of refusals) {
    it(`R07 R11 R25 refuses ${what} at boot, erases it and keeps the old firmware`, async () => {
      const layout = withCandidate(make(), stored);
      const result = await boot(layout, [VENDOR_TEST_KEY, IMGTOOL_KEY]);
      expect(result.mode).toBe('app');
      expect(running(layout)).toBe('1.0.0+0');
      expect(rejection(result.events)).toMatch(reason);
      expect(layout.secondary.isErased()).toBe(true);
      expect(readSwapState(layout.primary).magic).toBe('unset');
    });
  }

  it('R25 accepts an equal security counter (same security epoch) and raises it only once the image is confirmed', async () => {
    const layout = withCandidate(firmware({ version: '1.1.0', securityCounter: 4 }), 1);
    await boot(layout);
    expect(running(layout)).toBe('1.1.0+0');
    expect(readTrusted(layout.trusted).securityCounter).toBe(1);
    setNext(layout.primary, true, true);
    await boot(layout);
    expect(readTrusted(layout.trusted).securityCounter).toBe(4);
  });

  it('R19 reverts an image that was not confirmed, logging a boot loop after a watchdog reset', async () => {
    const layout = withCandidate(firmware({ version: '1.1.0', securityCounter: 3 }), 3);
    await boot(layout);
    const result = await boot(layout, [VENDOR_TEST_KEY], { resetReason: 'watchdog' });
    expect(running(layout)).toBe('1.0.0+0');
    expect(result.events.map((e) => e.phase)).toEqual(['protections_off', 'image_check', 'boot_loop', 'revert', 'image_check', 'firmware_loaded']);
    expect(readSwapState(layout.primary).imageOk).toBe('set');
  });

  it('R22 stays in the bootloader when slot 0 holds nothing valid, or when the recovery button is held', async () => {
    const layout = withCandidate(undefined);
    layout.primary.program(0x400, new Uint8Array(8));
    const broken = await boot(layout);
    expect(broken.mode).toBe('recovery');
    expect(rejection(broken.events)).toMatch(/^IMAGE_HASH_MISMATCH: .*serial recovery/);
    const held = await boot(withCandidate(undefined), [VENDOR_TEST_KEY], { recoveryButton: true });
    expect(held.mode).toBe('recovery');
  });
});

function firmware(options: Partial<TestFirmwareOptions>): Uint8Array {
  return makeTestFirmware({ version: '1.1.0', ...options });
}

function unsignedCounter(): Uint8Array {
  return makeTestFirmware({ version: '1.1.0', securityCounter: null });
}
