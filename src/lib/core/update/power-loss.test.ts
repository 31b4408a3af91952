/**
 * R15 R16: a power cut at any phase of the update, or in the middle of any flash operation of it, never
 * loses the backup and always leaves a device that boots a valid, confirmed image; updating again then
 * works, with no factory reset.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestFirmware } from '../virtual-bms/firmware-behaviour';
import type { PowerLossTrigger } from '../virtual-bms/virtual-bms';
import { parseImage } from '../image/parse-image';
import { runUpdate } from './run-update';
import { createBench, untilRunning, type Bench } from './testing/virtual-bench';
import { PHASES, type FinalState, type PhaseName } from './update-state';

const benches: Bench[] = [];
afterEach(async () => {
  for (const bench of benches.splice(0)) await bench.close();
});

const image = makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 16_000 });
const newHash = bytesToHex(parseImage(image).imageHash!);

async function expectSafeEnd(b: Bench, final: FinalState, configBefore: Record<string, unknown>, oldHash: string) {
  if (final.report.backupId) {
    expect((await b.store.backups.get(final.report.backupId)).config).toEqual(configBefore);
  }
  if (b.bms.status === 'off') await b.bms.powerOn();
  await untilRunning(b.bms);
  const snap = b.bms.snapshot();
  const running = bytesToHex(snap.slots[0]!.hash);
  expect([oldHash, newHash]).toContain(running);
  expect(snap.confirmed, `confirmed after ${final.outcome} ${final.phase === 'failed' ? final.error.code : ''} (${snap.nextBoot})`).toBe(true);
  expect(snap.config).toEqual(configBefore);
  if (final.outcome === 'updated') expect(running).toBe(newHash);
  if (final.outcome === 'rolled-back' || final.outcome === 'blocked') expect(running).toBe(oldHash);
  // Usable as is: the same update succeeds (or is already in place).
  if (running !== newHash) {
    const again = await runUpdate(image, b.options());
    expect(again.outcome, again.phase === 'failed' ? `${again.error.code} ${again.error.detail}` : '').toBe('updated');
  }
}

async function start() {
  const b = await createBench();
  benches.push(b);
  const snap = b.bms.snapshot();
  return { b, configBefore: snap.config, oldHash: bytesToHex(snap.slots[0]!.hash) };
}

const cutPhases = PHASES.filter((p) => p !== 'fallback' && p !== 'report');

describe('power cuts', () => {
  it.each(cutPhases)('R15 during the %s phase: backup kept, device bootable on a valid image', async (phase: PhaseName) => {
    const { b, configBefore, oldHash } = await start();
    let cut = false;
    const final = await runUpdate(
      image,
      b.options({
        onState: (s) => {
          if (cut || s.phase !== phase) return;
          cut = true;
          void b.bms.powerOff().then(() => setTimeout(() => void b.bms.powerOn(), 20));
        }
      })
    );
    expect(cut, `the cut happened (${final.outcome} ${final.report.log.filter((l) => l.level === 'error').map((l) => l.message).join(' | ')})`).toBe(true);
    await expectSafeEnd(b, final, configBefore, oldHash);
  });

  const FLASH_CUTS: [string, PowerLossTrigger][] = [
    ['the slot erase', { phase: 'upload', op: 0, restoreAfterMs: 100 }],
    ['an upload program', { phase: 'upload', op: 30, restoreAfterMs: 100 }],
    ['the test mark', { phase: 'pending', op: 0, restoreAfterMs: 100 }],
    ['the bootloader swap', { phase: 'swap', op: 5, restoreAfterMs: 100 }],
    ['the confirmation', { phase: 'confirm', op: 0, restoreAfterMs: 100 }],
    ['the security counter update', { phase: 'boot', op: 0, restoreAfterMs: 100 }]
  ];
  it.each(FLASH_CUTS)('R15 in the middle of %s: device bootable on a valid image', async (_name, trigger) => {
    const { b, configBefore, oldHash } = await start();
    b.bms.powerLossAt(trigger);
    const final = await runUpdate(image, b.options());
    await expectSafeEnd(b, final, configBefore, oldHash);
  });

  it('R15 a flash write error in the bootloader swap: it halts, the watchdog resets it, the swap resumes and the update completes', async () => {
    const { b, configBefore, oldHash } = await start();
    b.bms.failFlashOperations('swap', 2);
    const seen: string[] = [];
    const final = await runUpdate(image, b.options({ onState: (s) => s.phase === 'test-boot' && seen.push(...s.events.map((e) => e.detail)) }));
    await b.bms.settled();
    expect(final.outcome, final.phase === 'failed' ? `${final.error.code} ${final.error.detail}` : '').toBe('updated');
    expect(seen).toContain('reset cause: watchdog');
    await expectSafeEnd(b, final, configBefore, oldHash);
  });
});
