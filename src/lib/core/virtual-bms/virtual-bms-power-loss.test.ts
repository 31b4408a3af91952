import { describe, expect, it } from 'vitest';
import { sameBytes } from '../image/same-bytes';
import type { CborMap } from '../protocol/smp/cbor';
import { BMS_GROUP_ID, BmsCommand } from '../protocol/smp/groups/bms-group';
import { ImageCommand, OsCommand, SmpGroup } from '../protocol/smp/smp-ids';
import type { FlashPhase } from './mcuboot/bootloader';
import { makeTestFirmware } from './firmware-behaviour';
import { FIRMWARE_TIMING } from './firmware-runtime';
import { RESET_DELAY_MS } from './smp/os-handlers';
import { SmpTimeout, authenticate, startVirtualBms, uploadImage, type SmpHarness } from './testing/smp-harness';

const NEXT = makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 6000 });
const SETTINGS = { device_name: 'Pack 7', cell_ov_mv: 3600, balance_start_mv: 3450 };

const slotsOf = async (smp: SmpHarness) => (await smp.request(SmpGroup.image, ImageCommand.state, 'read')).body.images as CborMap[];

/** One pass of a careful tool, from whatever state the device is in; true once 1.1.0 runs confirmed. */
async function updatePass(smp: SmpHarness): Promise<boolean> {
  await authenticate(smp);
  const slots = await slotsOf(smp);
  if (slots[0].version === '1.1.0') {
    if (!slots[0].confirmed) await smp.request(SmpGroup.image, ImageCommand.state, 'write', { confirm: true });
    return true;
  }
  const pending = slots[1]?.pending === true;
  if (!pending) {
    const done = await uploadImage(smp, NEXT);
    if (done.body.off !== NEXT.length) throw new Error(`upload stopped: ${JSON.stringify(done.body)}`);
    const hash = ((await slotsOf(smp))[1].hash as Uint8Array).slice();
    await smp.request(SmpGroup.image, ImageCommand.state, 'write', { hash, confirm: false });
  }
  await smp.request(SmpGroup.os, OsCommand.reset, 'write');
  await smp.advance(RESET_DELAY_MS + 1);
  await smp.waitUntilReady();
  await smp.advance(FIRMWARE_TIMING.selfTestMs + 1);
  return false;
}

async function setUp() {
  const started = await startVirtualBms();
  await authenticate(started.smp);
  const written = await started.smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { config: SETTINGS });
  expect(written.body.config).toMatchObject(SETTINGS);
  return started;
}

/** The last step: a reboot of the confirmed firmware, where the bootloader raises the security counter. */
async function finalReboot(smp: SmpHarness): Promise<boolean> {
  await authenticate(smp);
  await smp.request(SmpGroup.os, OsCommand.reset, 'write');
  await smp.advance(RESET_DELAY_MS + 1);
  await smp.waitUntilReady();
  const identity = await smp.request(BMS_GROUP_ID, BmsCommand.identity, 'read');
  return identity.body.sec_cnt === 2;
}

/**
 * Runs the tool until the update is done and the counter raised, powering the device back on whenever
 * the supply was cut; returns the number of cuts.
 */
async function updateThroughCuts(started: Awaited<ReturnType<typeof setUp>>): Promise<number> {
  const { bms, smp } = started;
  let cuts = 0;
  let updated = false;
  for (let pass = 0; pass < 8; pass += 1) {
    try {
      if (!updated) updated = await updatePass(smp);
      if (updated && (await finalReboot(smp))) return cuts;
    } catch (error) {
      if (!(error instanceof SmpTimeout)) throw error;
    }
    if (bms.status === 'off') {
      cuts += 1;
      await bms.powerOn();
      await smp.waitUntilReady();
      await smp.advance(FIRMWARE_TIMING.selfTestMs + 1);
      // The device came back: it must run a valid image, not sit in the bootloader, settings untouched.
      const identity = await smp.request(BMS_GROUP_ID, BmsCommand.identity, 'read');
      expect(identity.body.in_bootloader).toBe(false);
      expect(['1.0.0+0', '1.1.0+0']).toContain(identity.body.fw_version);
      const config = await smp.request(BMS_GROUP_ID, BmsCommand.config, 'read');
      expect(config.body.config).toMatchObject(SETTINGS);
    }
  }
  throw new Error('update did not finish in 8 passes');
}

describe('power cuts during an update (R15, R16)', () => {
  it('R15 R16 50 cuts across transfer, test request, swap, boot and confirm: the BMS always comes back valid, settings intact, and the update completes', async () => {
    const probe = await setUp();
    const before = probe.bms.flashOps();
    await updateThroughCuts(probe);
    const after = probe.bms.flashOps();
    const phases: FlashPhase[] = ['upload', 'pending', 'swap', 'boot', 'confirm'];
    const points = phases.flatMap((phase) =>
      Array.from({ length: (after[phase] ?? 0) - (before[phase] ?? 0) }, (_, op) => ({ phase, op }))
    );
    expect(new Set(points.map((p) => p.phase))).toEqual(new Set(phases));
    // 50 points spread evenly over every flash operation of the update, each phase included.
    const chosen = Array.from({ length: 50 }, (_, i) => points[Math.floor((i * points.length) / 50)]);
    for (const phase of phases) if (!chosen.some((p) => p.phase === phase)) chosen[chosen.length - 1 - phases.indexOf(phase)] = points.find((p) => p.phase === phase)!;

    for (const [i, point] of chosen.entries()) {
      const started = await setUp();
      started.bms.powerLossAt({ ...point, cutAfterBytes: [0, 3, 8, 100][i % 4] });
      const cuts = await updateThroughCuts(started);
      expect(cuts, `cut ${point.phase} #${point.op} did not happen`).toBe(1);
      const snapshot = started.bms.snapshot();
      expect(snapshot.slots[0]?.version).toBe('1.1.0+0');
      expect(sameBytes(started.bms.snapshot().slots[0]!.hash, probe.bms.snapshot().slots[0]!.hash)).toBe(true);
      expect(snapshot.config).toMatchObject(SETTINGS);
    }
  });

  it('R15 a cut while the settings are written leaves the old or the new settings', async () => {
    for (let op = 0; op < 3; op += 1) {
      const { bms, smp } = await setUp();
      bms.powerLossAt({ phase: 'config', op, cutAfterBytes: 20 });
      await expect(smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { config: { device_name: 'Renamed' } })).rejects.toBeInstanceOf(SmpTimeout);
      expect(bms.status).toBe('off');
      await bms.powerOn();
      await smp.waitUntilReady();
      const name = (await smp.request(BMS_GROUP_ID, BmsCommand.config, 'read')).body.config as CborMap;
      expect([SETTINGS.device_name, 'Renamed']).toContain(name.device_name);
      expect(name.cell_ov_mv).toBe(3600);
    }
  });

  it('R15 a cut at an upload byte offset, with power back after 2 s, leaves the running firmware untouched', async () => {
    const { bms, smp } = await setUp();
    bms.powerLossAt({ uploadOffset: 3000, restoreAfterMs: 2000 });
    await expect(uploadImage(smp, NEXT)).rejects.toBeInstanceOf(SmpTimeout);
    await smp.waitUntilReady();
    expect(bms.snapshot().slots[0]?.version).toBe('1.0.0+0');
    await authenticate(smp);
    const resumed = await smp.request(SmpGroup.image, ImageCommand.upload, 'write', { off: 3072, data: NEXT.subarray(3072, 3328) });
    expect(resumed.body).toEqual({ off: 0 });
  });
});
