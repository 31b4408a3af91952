/** After the transfer: a bad image falls back and the tool proves it; settings and balancing are checked. */
import { need } from '../family/device-session';
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../backup/restore-backup';
import { makeTestFirmware } from '../virtual-bms/firmware-behaviour';
import { reportSections } from '../report/report-sections';
import { verdictText } from '../report/verdict';
import { runUpdate } from './run-update';
import { createBench, type Bench } from './testing/virtual-bench';

const benches: Bench[] = [];
afterEach(async () => {
  for (const bench of benches.splice(0)) await bench.close();
});
async function bench(speed?: number) {
  const b = await createBench({ speed });
  benches.push(b);
  return b;
}

/** The device runs exactly what it ran before the update, confirmed, with nothing pending. */
function expectBackOnFactoryImage(b: Bench, before: ReturnType<Bench['bms']['snapshot']>) {
  const now = b.bms.snapshot();
  expect(now.slots[0]).toEqual(before.slots[0]);
  expect(now.confirmed).toBe(true);
  expect(now.nextBoot).toBe('none');
  expect(now.securityCounter).toBe(before.securityCounter);
}

describe('acceptance and fallback', () => {
  it('R18 R19 a failing self-test falls back, and the report proves the previous firmware runs again', async () => {
    // Slower device clock: the failed firmware resets itself 1 s (device time) after its self-test, and the
    // tool must read the report in that window.
    const b = await bench(3);
    const before = b.bms.snapshot();
    const image = makeTestFirmware({ version: '1.1.0', securityCounter: 2, behaviour: { selfTestFailures: ['can'] } });
    const final = await runUpdate(image, b.options());
    expect(final).toMatchObject({ phase: 'done', outcome: 'rolled-back', cause: { code: 'UPDATE_SELF_TEST_FAILED' } });
    expect(final.report.selfTest?.items.find((i) => i.name === 'can')?.pass).toBe(false);
    expect(final.report.firmwareAfter).toEqual({ ...final.report.firmwareBefore, confirmed: true, readAt: expect.any(String) });
    expect(final.report.returnToService).toBe(false);
    expect(final.report.log.some((l) => l.phase === 'fallback' && /fallback proven/.test(l.message))).toBe(true);
    expect(final.report.phases.find((p) => p.phase === 'fallback')?.outcome).toBe('ok');
    expectBackOnFactoryImage(b, before);
  });

  it('R19 the firmware reverting by itself between our authentication and our reset is seen, not fatal', async () => {
    const b = await bench();
    const before = b.bms.snapshot();
    let phase = '';
    let raced = false;
    const session = {
      ...b.session,
      async reset() {
        // The failed firmware's own reset lands just after the tool authenticated: that session is gone.
        if (phase === 'fallback' && !raced) {
          raced = true;
          await b.bms.powerCycle();
        }
        return b.session.reset();
      }
    };
    const image = makeTestFirmware({ version: '1.1.0', securityCounter: 2, behaviour: { selfTestFailures: ['can'] } });
    const final = await runUpdate(image, b.options({ session, onState: (s) => (phase = s.phase) }));
    expect(raced).toBe(true);
    expect(final).toMatchObject({ phase: 'done', outcome: 'rolled-back', cause: { code: 'UPDATE_SELF_TEST_FAILED' } });
    expect(final.report.log.some((l) => /reset by itself meanwhile/.test(l.message))).toBe(true);
    expectBackOnFactoryImage(b, before);
  });

  it('R19 R21 a boot loop is reported as such and the revert is proven', async () => {
    const b = await bench();
    const before = b.bms.snapshot();
    const final = await runUpdate(makeTestFirmware({ version: '1.1.0', securityCounter: 2, behaviour: { bootLoop: true } }), b.options());
    expect(final).toMatchObject({ phase: 'done', outcome: 'rolled-back', cause: { code: 'UPDATE_BOOT_LOOP' } });
    expect(final.report.bootLog.map((e) => e.phase)).toContain('boot_loop');
    expect(final.report.error?.code).toBe('UPDATE_BOOT_LOOP');
    expectBackOnFactoryImage(b, before);
  });

  it('R18 a firmware that waits for the tool is confirmed by the tool', async () => {
    const b = await bench();
    const final = await runUpdate(makeTestFirmware({ version: '1.1.0', securityCounter: 2, behaviour: { manualConfirm: true } }), b.options());
    expect(final).toMatchObject({ phase: 'done', outcome: 'updated' });
    expect(b.bms.snapshot()).toMatchObject({ confirmed: true, securityCounter: 2, slots: [{ version: '1.1.0+0' }, expect.anything()] });
  });

  it('R09 R23 settings reset by the new firmware are a verdict of their own (not OK, not in service yet), restored from the backup on request', async () => {
    const b = await bench();
    await b.bms.settled();
    const custom = { cell_ov_mv: 3600, device_name: 'rack 7' };
    const auth = await import('../family/authenticate');
    await auth.authenticate(b.session, b.signer, b.bms.identity.serial);
    await need(b.session, 'config').writeConfig(custom);
    const configBefore = b.bms.snapshot().config;

    const final = await runUpdate(makeTestFirmware({ version: '1.1.0', securityCounter: 2, behaviour: { resetConfig: true } }), b.options());
    // Before: "OK, return to service: yes" for a pack whose bus settings were reset.
    expect(final).toMatchObject({ phase: 'done', outcome: 'settings-changed', cause: { code: 'UPDATE_CONFIG_RESET' } });
    expect(final.report.returnToService).toBe(false);
    expect(reportSections(final.report)[0].rows).toContainEqual(['Return to service', 'not yet: restore the settings first']);
    expect(verdictText(final.report)).toMatch(/^UPDATED, SETTINGS CHANGED: the device runs 1\.1\.0\+0 \(the new firmware\), confirmed/);
    const changes = final.report.configChanges ?? [];
    expect(changes.map((c) => c.key).sort()).toEqual(['cell_ov_mv', 'device_name']);
    expect(final.report.phases.find((p) => p.phase === 'config-check')?.outcome).toBe('warn');

    const backup = await b.store.backups.get(final.report.backupId!);
    const result = await restoreBackup(b.session, backup, b.signer);
    expect(result.written.sort()).toEqual(['cell_ov_mv', 'device_name']);
    expect(b.bms.snapshot().config).toEqual(configBefore);
  });

  it('R20 balancing that does not work keeps the update but not the return to service', async () => {
    const b = await bench();
    b.bms.battery.setStuckCell(3);
    const final = await runUpdate(makeTestFirmware({ version: '1.1.0', securityCounter: 2 }), b.options());
    expect(final).toMatchObject({ phase: 'done', outcome: 'updated', cause: { code: 'UPDATE_BALANCE_TEST_FAILED' } });
    expect(final.report.returnToService).toBe(false);
    expect(final.report.balanceTest?.cells[3].ok).toBe(false);
    expect(final.report.firmwareAfter?.hash).toBe(bytesToHex(b.bms.snapshot().slots[0]!.hash));
  });

  it('R19 an operator stop after activation leaves the device alone and says what it runs, read back', async () => {
    // Before: the stop ran the fallback, which reverted a healthy test image (or claimed an unproven state).
    const b = await bench();
    const stop = new AbortController();
    const final = await runUpdate(
      makeTestFirmware({ version: '1.1.0', securityCounter: 2, behaviour: { manualConfirm: true } }),
      b.options({ signal: stop.signal, onState: (s) => s.phase === 'self-test' && stop.abort() })
    );
    expect(final).toMatchObject({ phase: 'failed', outcome: 'cancelled', failedIn: expect.stringMatching(/self-test|confirm/), error: { code: 'CANCELLED' } });
    expect(final.report.phases.some((p) => p.phase === 'fallback')).toBe(false);
    const now = b.bms.snapshot();
    // A firmware that waits for the tool stays on test: the next reset returns to 1.0.0.
    expect(now).toMatchObject({ confirmed: false, slots: [{ version: '1.1.0+0' }, { version: '1.0.0+0' }] });
    expect(final.report.firmwareAfter).toMatchObject({ version: '1.1.0+0', hash: bytesToHex(now.slots[0]!.hash), confirmed: false });
    expect(verdictText(final.report)).toBe('STOPPED: the device runs 1.1.0+0 (the new firmware), on test, not confirmed: its next reset returns to the other bank; nothing else was done.');
  });

  it('R19 a stop during the test boot lets the firmware confirm itself and says so', async () => {
    const b = await bench();
    const stop = new AbortController();
    const final = await runUpdate(
      makeTestFirmware({ version: '1.1.0', securityCounter: 2 }),
      // Ctrl-C once the new image booted, before its self-test is read
      b.options({ signal: stop.signal, onState: (s) => s.phase === 'test-boot' && s.events.length > 0 && stop.abort() })
    );
    expect(final).toMatchObject({ outcome: 'cancelled', failedIn: expect.stringMatching(/test-boot|self-test/) });
    expect(b.bms.snapshot()).toMatchObject({ confirmed: true, slots: [{ version: '1.1.0+0' }, expect.anything()] });
    expect(final.report.firmwareAfter).toMatchObject({ version: '1.1.0+0', confirmed: true });
    expect(verdictText(final.report)).toBe('STOPPED: the device runs 1.1.0+0 (the new firmware), confirmed by its own self-test; nothing else was done.');
  });
});
