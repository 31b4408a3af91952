import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBackup } from '../backup/config-backup';
import { makeTestFirmware } from '../virtual-bms/firmware-behaviour';
import { parseImage } from '../image/parse-image';
import { runRecovery } from './run-recovery';
import { createBench, type Bench, type BenchOptions } from './testing/virtual-bench';

const benches: Bench[] = [];
afterEach(async () => {
  for (const bench of benches.splice(0)) await bench.close();
});
async function bench(options?: BenchOptions) {
  const b = await createBench(options);
  benches.push(b);
  return b;
}

const stable = makeTestFirmware({ version: '1.0.0', securityCounter: 1 });
// A slot 0 the bootloader refuses (unsigned): nothing bootable, the device stays in serial recovery.
const broken = { bms: { factoryImage: makeTestFirmware({ version: '1.0.0', signingKey: null }) } };

describe('recovery mode (R22)', () => {
  it('R22 R17 reinstalls the last stable version over a cable on a device stuck in its bootloader', async () => {
    const b = await bench(broken);
    expect(b.bms.status).toBe('recovery');
    const identity = (await b.session.identity());
    await b.store.backups.save(makeBackup(identity, { cell_ov_mv: 3650 }, new Date('2026-01-01T00:00:00Z')));

    const final = await runRecovery(stable, b.options());
    // The settings differ from the latest backup: restoring them is what remains before service.
    expect(final).toMatchObject({ phase: 'done', outcome: 'settings-changed' });
    expect(final.report.kind).toBe('recovery');
    expect(final.report.checks.find((c) => c.id === 'soc')).toMatchObject({ status: 'warn', measured: { key: 'check.notAvailable' } });
    expect(final.report.bootLog.map((e) => e.phase)).toEqual(expect.arrayContaining(['protections_off', 'firmware_loaded', 'protections_on']));
    expect(final.report.firmwareAfter).toMatchObject({ hash: bytesToHex(parseImage(stable).imageHash!), confirmed: true });
    expect(b.bms.status).toBe('app');
    expect(b.bms.snapshot()).toMatchObject({ confirmed: true, securityCounter: 1 });
    // The settings are compared with the latest backup kept for this serial.
    expect(final.report.backupId).toBe(`${identity.serial}@2026-01-01T00:00:00.000Z`);
    expect(final.report.configChanges?.length).toBeGreaterThan(0);
  });

  it('R22 R13 is refused over a wireless link, before anything is written', async () => {
    const b = await bench({ ...broken, wireless: true });
    const final = await runRecovery(stable, b.options());
    expect(final).toMatchObject({ phase: 'failed', outcome: 'blocked', error: { code: 'UPDATE_RECOVERY_NOT_ALLOWED' } });
    expect(b.bms.flashOps().upload ?? 0).toBe(0);
  });

  it('R22 R25 refuses a version less secure than the device, allows the same security level', async () => {
    const b = await bench();
    // Raise the device to counter 2 with a normal update, then break it into recovery.
    const { runUpdate } = await import('./run-update');
    expect((await runUpdate(makeTestFirmware({ version: '1.1.0', securityCounter: 2 }), b.options())).outcome).toBe('updated');
    b.bms.setRecoveryButton(true);
    await b.bms.powerCycle();
    b.bms.setRecoveryButton(false);

    const older = await runRecovery(makeTestFirmware({ version: '1.0.0', securityCounter: 1 }), b.options());
    expect(older).toMatchObject({ phase: 'failed', outcome: 'blocked', error: { code: 'UPDATE_DOWNGRADE_BLOCKED' } });

    const sameLevel = await runRecovery(makeTestFirmware({ version: '1.0.5', securityCounter: 2 }), b.options());
    expect(sameLevel).toMatchObject({ phase: 'done', outcome: 'updated' });
    expect(b.bms.snapshot().slots[0]?.version).toBe('1.0.5+0');
  });

  it('R22 a device that still runs its application is recovered with the full update procedure', async () => {
    const b = await bench();
    const final = await runRecovery(makeTestFirmware({ version: '1.0.1', securityCounter: 1 }), b.options());
    expect(final).toMatchObject({ phase: 'done', outcome: 'updated' });
    expect(final.report.kind).toBe('recovery');
    expect(final.report.phases.map((p) => p.phase)).toContain('backup');
    expect(final.report.checks.find((c) => c.id === 'soc')?.status).toBe('pass');
  });
});
