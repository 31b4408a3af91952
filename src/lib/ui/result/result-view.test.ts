import { need } from '../../core/family/device-session';
import { afterEach, describe, expect, it } from 'vitest';
import { authenticate } from '../../core/family/authenticate';
import { runUpdate } from '../../core/update/run-update';
import { createBench, type Bench } from '../../core/update/testing/virtual-bench';
import type { UpdateReport } from '../../core/report/update-report';
import { buildCatalog } from '../../../../scripts/catalog/build-catalog';
import { firmwareProof, outcomeView, reportFileName, restoreOffer, troubleshooting } from './result-view';

const { files } = buildCatalog();
const catalogImage = (id: string) => files.find((f) => f.path === `${id}.bin`)!.bytes;

let bench: Bench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

/** Runs the real procedure on the virtual BMS with a catalog image and returns its report. */
async function updateWith(id: string, prepare?: (b: Bench) => Promise<void>): Promise<UpdateReport> {
  bench = await createBench();
  await prepare?.(bench);
  return (await runUpdate(catalogImage(id), bench.options())).report;
}

/** Settings that differ from the firmware defaults, so that a reset to defaults shows. */
async function customSettings(b: Bench): Promise<void> {
  await b.bms.settled();
  await authenticate(b.session, b.signer, b.bms.identity.serial);
  await need(b.session, 'config').writeConfig({ cell_ov_mv: 3600, device_name: 'rack 7' });
}

describe('result view (catalog images on the virtual BMS)', () => {
  it('R18 R20 a good release is OK, runs the package, and offers no restore', async () => {
    const report = await updateWith('vbms-1.1.0');
    expect(outcomeView(report)).toMatchObject({ title: 'result.updated', tone: 'ok' });
    expect(firmwareProof(report)).toMatchObject({ isPackage: true, sameAsBefore: false, after: { version: '1.1.0+0', confirmed: true } });
    expect(troubleshooting(report, 'en')).toBeUndefined();
    expect(restoreOffer(report)).toBeUndefined();
    expect(reportFileName(report, 'json')).toMatch(/^report-VB2400001-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/);
  });

  it('R19 R21 a failed self-test is rolled back with proof, and points at the firmware, not the cables', async () => {
    const report = await updateWith('vbms-1.2.0-selftest-fail');
    expect(report.error?.code, JSON.stringify(report.log.slice(-8))).toBe('UPDATE_SELF_TEST_FAILED');
    expect(outcomeView(report)).toMatchObject({ title: 'result.rolledBack', tone: 'warn' });
    const proof = firmwareProof(report);
    expect(proof).toMatchObject({ sameAsBefore: true, isPackage: false, after: { version: report.firmwareBefore!.version, confirmed: true } });
    const help = troubleshooting(report, 'en')!;
    expect(help.error.code).toBe('UPDATE_SELF_TEST_FAILED');
    expect(help.lookFirst).toMatch(/^The firmware/);
    expect(help.lookFirst).not.toMatch(/check cables/);
    expect(troubleshooting(report, 'fr')!.lookFirst).toMatch(/^Le micrologiciel/);
  });

  it('R09 R23 a release that resets the settings is not OK: its own verdict, restore offered, not in service yet', async () => {
    const report = await updateWith('vbms-1.4.0-config-reset', customSettings);
    // Before: "✔ OK, return to service: yes" for a pack whose bus settings were reset.
    expect(report.outcome).toBe('settings-changed');
    expect(report.returnToService).toBe(false);
    expect(outcomeView(report)).toMatchObject({ title: 'result.updatedSettings', tone: 'warn' });
    const offer = restoreOffer(report)!;
    expect(offer.backupId).toBe(report.backupId);
    expect(offer.changes.map((c) => c.key).sort()).toEqual(['cell_ov_mv', 'device_name']);
  });

  it('R25 R07 an older or foreign image is blocked before any write, the device unchanged', async () => {
    bench = await createBench();
    const downgrade = (await runUpdate(catalogImage('vbms-0.9.0'), bench.options())).report;
    expect(downgrade.outcome).toBe('blocked');
    expect(outcomeView(downgrade).title).toBe('result.blocked');
    expect(troubleshooting(downgrade, 'en')!.error.code).toBe('UPDATE_DOWNGRADE_BLOCKED');
    const foreign = (await runUpdate(catalogImage('vbms-1.1.0-rev-c'), bench.options())).report;
    expect(troubleshooting(foreign, 'en')!.error.code).toBe('UPDATE_HARDWARE_INCOMPATIBLE');
    // What runs is read back even when nothing was written: the same image as before.
    expect(foreign.firmwareAfter).toMatchObject({ ...foreign.firmwareBefore, confirmed: true });
  });

  it('an update that is not fit for service is not shown as plain OK', () => {
    const report = { outcome: 'updated', returnToService: false } as UpdateReport;
    expect(outcomeView(report)).toEqual({ title: 'result.updated', text: 'result.notInService', tone: 'warn' });
  });
});
