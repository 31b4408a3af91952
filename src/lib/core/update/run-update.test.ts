import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestFirmware } from '../virtual-bms/firmware-behaviour';
import { parseImage } from '../image/parse-image';
import { runUpdate } from './run-update';
import { createBench, type Bench } from './testing/virtual-bench';
import type { UpdateState } from './update-state';

const benches: Bench[] = [];
afterEach(async () => {
  for (const bench of benches.splice(0)) await bench.close();
});
async function bench(...args: Parameters<typeof createBench>) {
  const b = await createBench(...args);
  benches.push(b);
  return b;
}

describe('runUpdate against the virtual BMS', () => {
  it('R09 R14 R17 R18 R20 R25 R27 full update: new version running, confirmed, counter raised, config unchanged, report complete', async () => {
    const b = await bench();
    const image = makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 20_000 });
    const configBefore = b.bms.snapshot().config;
    const states: UpdateState[] = [];
    const final = await runUpdate(image, b.options({ onState: (s) => states.push(s) }));
    if (final.phase === 'failed') console.log(final.error, final.report.log.slice(-10));
    expect(final).toMatchObject({ phase: 'done', outcome: 'updated' });
    const snap = b.bms.snapshot();
    expect(snap.slots[0]?.version).toBe('1.1.0+0');
    expect(snap.confirmed).toBe(true);
    expect(snap.securityCounter).toBe(2);
    expect(snap.config).toEqual(configBefore);

    const report = final.report;
    expect(report.returnToService).toBe(true);
    expect(report.firmwareBefore?.version).toBe('1.0.0+0');
    expect(report.firmwareAfter).toMatchObject({ version: '1.1.0+0', hash: bytesToHex(parseImage(image).imageHash!), confirmed: true });
    expect(report.device).toMatchObject({ securityCounterBefore: 1, securityCounterAfter: 2 });
    expect(report.checks.map((c) => c.id)).toEqual(['package', 'compatibility', 'anti-rollback', 'interface', 'bank', 'bootloader', 'link', 'soc', 'temperature', 'supply']);
    expect(report.checks.every((c) => c.status !== 'fail')).toBe(true);
    expect(report.checklist.every((c) => c.confirmed)).toBe(true);
    expect(report.bootLog.map((e) => e.phase)).toEqual(expect.arrayContaining(['protections_off', 'firmware_loaded', 'protections_on']));
    expect(report.selfTest?.pass).toBe(true);
    expect(report.balanceTest?.pass).toBe(true);
    expect(report.configChanges).toEqual([]);
    expect(report.technician?.name).toBe('bench technician');
    expect(report.phases.map((p) => p.phase)).toEqual([
      'connect', 'identify', 'preflight', 'checklist', 'authenticate', 'backup', 'transfer', 'verify-on-device',
      'test-boot', 'self-test', 'confirm', 'balance-check', 'config-check'
    ]);
    expect(report.phases.every((p) => p.durationMs !== undefined && p.outcome !== 'failed')).toBe(true);
    expect(await b.store.reports.get(report.id)).toEqual(report);
    expect(await b.store.backups.list(report.device!.serial)).toHaveLength(1);
    const transfer = states.filter((s) => s.phase === 'transfer');
    expect(transfer.at(-1)).toMatchObject({ sent: image.length, total: image.length });
  });
});
