import { describe, expect, it } from 'vitest';
import { readSwapState, setNext } from './boot-trailer';
import { runBootloader, type BootEnvironment, type BootResult } from './bootloader';
import { makeTestFirmware } from '../firmware-behaviour';
import { PowerLoss, type FlashVerdict } from '../flash/flash';
import { createFlashLayout, type FlashLayout } from '../flash/flash-layout';
import { DEFAULT_IDENTITY } from '../board/device-identity';
import { VENDOR_TEST_KEY } from '../../image/test-keys';
import { writeTrusted } from './trusted-storage';

// Images spanning several sectors, of different sizes, so the swap moves real data both ways.
const A = makeTestFirmware({ version: '1.0.0', size: 9000 });
const B = makeTestFirmware({ version: '1.1.0', size: 6000, securityCounter: 2 });

function program(layout: FlashLayout, slot: 'primary' | 'secondary', image: Uint8Array): void {
  const padded = new Uint8Array(Math.ceil(image.length / 8) * 8).fill(0xff);
  padded.set(image);
  layout[slot].program(0, padded);
}

function env(layout: FlashLayout): BootEnvironment {
  const { model, hwRev, bootloaderVersion } = DEFAULT_IDENTITY;
  return {
    layout,
    policy: { keys: [VENDOR_TEST_KEY], model, hwRev, bootloaderVersion },
    resetReason: 'power_on',
    recoveryButton: false,
    setPhase: () => undefined
  };
}

/** A: confirmed factory image in slot 0; B uploaded to slot 1 and marked for test. */
function pendingUpdate(): FlashLayout {
  const layout = createFlashLayout();
  program(layout, 'primary', A);
  program(layout, 'secondary', B);
  writeTrusted(layout.trusted, { securityCounter: 1, technicianKeys: [] });
  setNext(layout.secondary, false, false);
  return layout;
}

const holds = (layout: FlashLayout, slot: 'primary' | 'secondary', image: Uint8Array) =>
  layout[slot].read(0, image.length).every((b, i) => b === image[i]);

function countOps(layout: FlashLayout): () => number {
  let ops = 0;
  layout.flash.hook = () => {
    ops += 1;
    return undefined;
  };
  return () => ops;
}

/** Boots with the power cut at flash operation `cutAt`, then boots again until it stays on. */
async function bootWithCut(layout: FlashLayout, cutAt: number, cutAfter: (length: number) => number): Promise<BootResult> {
  let seen = 0;
  layout.flash.hook = (op): FlashVerdict => (seen++ === cutAt ? { cutAfterBytes: cutAfter(op.length) } : undefined);
  await expect(runBootloader(env(layout))).rejects.toBeInstanceOf(PowerLoss);
  layout.flash.hook = undefined;
  return runBootloader(env(layout));
}

const cutPoints = [(n: number) => Math.floor(n / 2), () => 0, (n: number) => n - 1];

describe('swap using move, interrupted by power cuts (R10, R15)', () => {
  it('R10 a test swap puts the new image in slot 0, keeps the old one in slot 1 and asks for a revert', async () => {
    const layout = pendingUpdate();
    const result = await runBootloader(env(layout));
    expect(result.mode).toBe('app');
    expect(holds(layout, 'primary', B) && holds(layout, 'secondary', A)).toBe(true);
    expect(readSwapState(layout.primary)).toMatchObject({ magic: 'good', copyDone: 'set', imageOk: 'unset' });
    expect(readSwapState(layout.secondary).magic).toBe('unset');
    expect(result.events.map((e) => e.phase)).toEqual(['protections_off', 'image_check', 'swap', 'image_check', 'firmware_loaded']);
  });

  it('R15 a cut at every flash operation of a test swap resumes to the new image (or, in the first step, keeps the old one)', async () => {
    const probe = pendingUpdate();
    const total = countOps(probe);
    await runBootloader(env(probe));
    expect(total()).toBeGreaterThan(30);
    let updated = 0;
    for (let cutAt = 0; cutAt < total(); cutAt += 1) {
      const layout = pendingUpdate();
      const result = await bootWithCut(layout, cutAt, cutPoints[cutAt % 3]);
      expect(result.mode, `cut at op ${cutAt}`).toBe('app');
      const newImage = holds(layout, 'primary', B) && holds(layout, 'secondary', A);
      const oldImage = holds(layout, 'primary', A);
      expect(newImage || oldImage, `cut at op ${cutAt}: slot 0 holds neither image whole`).toBe(true);
      if (newImage) updated += 1;
    }
    expect(updated).toBeGreaterThan(total() - 4);
  });

  // MCUboot's one unprotected write: fixup_revert's secondary magic. Torn, it reads "bad", no swap type
  // matches and the tested image keeps running, unconfirmed (still a valid, bootable image).
  it('R15 R19 a cut at every flash operation of a revert ends with the old image confirmed, but for a torn magic', async () => {
    const tested = () => {
      const layout = pendingUpdate();
      return runBootloader(env(layout)).then(() => layout);
    };
    const probe = await tested();
    const total = countOps(probe);
    await runBootloader(env(probe));
    expect(holds(probe, 'primary', A)).toBe(true);
    const notReverted: number[] = [];
    for (let cutAt = 0; cutAt < total(); cutAt += 1) {
      const layout = await tested();
      const result = await bootWithCut(layout, cutAt, cutPoints[cutAt % 3]);
      expect(result.mode).toBe('app');
      if (holds(layout, 'primary', A) && readSwapState(layout.primary).imageOk === 'set') continue;
      notReverted.push(cutAt);
      expect(holds(layout, 'primary', B), `cut at op ${cutAt}`).toBe(true);
      expect(readSwapState(layout.secondary).magic, `cut at op ${cutAt}`).toBe('bad');
    }
    expect(notReverted.length).toBeLessThanOrEqual(1);
  });

  it('R15 survives a second cut while resuming', async () => {
    for (const [first, second] of [[5, 3], [12, 9], [20, 1], [27, 4]]) {
      const layout = pendingUpdate();
      let seen = 0;
      layout.flash.hook = (op) => (seen++ === first ? { cutAfterBytes: op.length >> 1 } : undefined);
      await expect(runBootloader(env(layout))).rejects.toBeInstanceOf(PowerLoss);
      const result = await bootWithCut(layout, second, (n) => n >> 1);
      expect(result.mode).toBe('app');
      expect(holds(layout, 'primary', B) && holds(layout, 'secondary', A)).toBe(true);
    }
  });
});
