/**
 * `bms-flasher flash` says what the device says: each outcome, read back at the end, has its own
 * documented exit status; the site checklist is confirmed by a named person, never by --yes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestFirmware } from '../../src/lib/core/virtual-bms/firmware-behaviour';
import { main } from '../main';
import { Interrupted } from '../exit-status';
import { createCliBench, type CliBench } from '../testing/cli-bench';
import * as flash from './flash';
import * as upload from './upload';

let bench: CliBench;
beforeEach(async () => {
  bench = await createCliBench();
});
afterEach(() => bench.close());

async function imageFile(options: Parameters<typeof makeTestFirmware>[0]): Promise<string> {
  const path = join(bench.dir, 'fw.img');
  await writeFile(path, makeTestFirmware(options));
  return path;
}

const confirmedBy = ['--checklist-confirmed-by', 'A. Martin'];

describe('bms-flasher flash outcomes', () => {
  it('R04 R27 --yes does not confirm the site checklist; the named person does and the report records that name', async () => {
    const image = await imageFile({ version: '1.1.0', securityCounter: 2 });
    const refused = await bench.cli(flash, [...bench.common(), ...bench.trust(), '--yes', image]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--yes does not confirm the site checklist: give --checklist-confirmed-by NAME');
    expect(bench.bms.flashOps().upload ?? 0).toBe(0);

    const report = join(bench.dir, 'report.json');
    const done = await bench.cli(flash, [...bench.common(), ...bench.trust(), ...confirmedBy, '--report', report, image]);
    expect(done.code).toBe(0);
    expect(done.out).toContain('checklist (confirmed by A. Martin)');
    const saved = JSON.parse(await readFile(report, 'utf8'));
    expect(saved.operator).toBe('A. Martin');
    expect(saved.checklist.every((c: { confirmed: boolean }) => c.confirmed)).toBe(true);
  });

  it('R25 flashing the image that already runs is refused in pre-flight with a plain reason, exit 3, nothing written', async () => {
    // Before: pre-flight "Ready" with a warning, then UPDATE_FALLBACK_UNPROVEN and exit 6 on a healthy device.
    const image = await imageFile({ version: '1.0.0', securityCounter: 1 });
    const r = await bench.cli(flash, [...bench.common(), ...bench.trust(), ...confirmedBy, image]);
    expect(r.code).toBe(3);
    expect(r.out).toContain('UPDATE_SAME_IMAGE_RUNNING: This exact image already runs on the device');
    expect(r.out).not.toContain('UPDATE_FALLBACK_UNPROVEN');
    expect(bench.bms.flashOps().upload ?? 0).toBe(0);
    expect(bench.bms.snapshot()).toMatchObject({ confirmed: true, nextBoot: 'none' });
  });

  it('R09 R23 a release that resets the settings exits 7 and says to restore them before return to service', async () => {
    // Before: "OK", exit 0, for a pack whose bus address and name were reset.
    await bench.close();
    bench = await createCliBench({ factoryConfig: { rs485_address: 12, device_name: 'rack 7' } });
    const image = await imageFile({ version: '1.1.0', securityCounter: 2, behaviour: { resetConfig: true } });
    const report = join(bench.dir, 'report.txt');
    const r = await bench.cli(flash, [...bench.common(), ...bench.trust(), ...confirmedBy, '--report', report, image]);
    expect(r.code).toBe(7);
    expect(r.out).toMatch(/UPDATED, SETTINGS CHANGED: the device runs 1\.1\.0\+0 \(the new firmware\), confirmed/);
    expect(r.out).toContain('Return to service: not yet.');
    expect(await readFile(report, 'utf8')).toMatch(/Return to service\s*:?\s*not yet: restore the settings first/);
  });

  /** Stops the flash with `signal` once the new image booted (its reboot sequence is complete). */
  async function stopAfterBoot(signal: 'SIGINT' | 'SIGTERM') {
    const image = await imageFile({ version: '1.1.0', securityCounter: 2 });
    const stop = new AbortController();
    const run = bench.cli(flash, [...bench.common(), ...bench.trust(), ...confirmedBy, image], { signal: stop.signal });
    const booted = () => {
      const now = bench.bms.snapshot();
      return now.slots[0]?.version === '1.1.0+0' && now.bootLog.some((e) => e.phase === 'protections_on');
    };
    while (!booted()) await new Promise((resolve) => setTimeout(resolve, 2));
    stop.abort(new Interrupted(signal));
    return run;
  }

  it('R16 R19 Ctrl-C during the test boot exits 130 and says what the device runs, as read back', async () => {
    // Before: the stop ran the fallback, which claimed "fallback proven" or "use recovery mode" on a healthy device.
    const r = await stopAfterBoot('SIGINT');
    const device = bench.bms.snapshot();
    expect(r.code, r.out.slice(-800)).toBe(130);
    expect(device).toMatchObject({ confirmed: true, slots: [{ version: '1.1.0+0' }, expect.anything()] });
    expect(r.out).toContain('STOPPED: the device runs 1.1.0+0 (the new firmware), confirmed by its own self-test; nothing else was done.');
    expect(r.out).not.toMatch(/UPDATE_FALLBACK_UNPROVEN|fallback proven/);
  });

  it('R16 SIGTERM exits 143 with the same read-back', async () => {
    const r = await stopAfterBoot('SIGTERM');
    expect(r.code).toBe(143);
    expect(r.out).toMatch(/STOPPED: the device runs 1\.1\.0\+0/);
  });

  it('R16 any device command stopped by a signal exits 130 (Ctrl-C) or 143 (SIGTERM)', async () => {
    const image = await imageFile({ version: '1.1.0', securityCounter: 2, size: 60_000 });
    for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const stop = new AbortController();
      const run = bench.cli(upload, [...bench.common(), image], { signal: stop.signal });
      setTimeout(() => stop.abort(new Interrupted(signal)), 30);
      const r = await run;
      expect(r.code).toBe(status);
      expect(r.err).toContain(`CANCELLED: stopped by ${signal === 'SIGINT' ? 'Ctrl-C (SIGINT)' : 'SIGTERM'}`);
    }
  });

  it('--help goes to stdout with status 0; an unknown command is named, status 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    expect(await main(['--help'], io)).toBe(0);
    expect(out.join('')).toMatch(/^usage: bms-flasher <command>/);
    expect(out.join('')).toContain('130  stopped by Ctrl-C (SIGINT); 143 stopped by SIGTERM');
    expect(err.join('')).toBe('');
    out.length = 0;
    expect(await main(['flsh'], io)).toBe(2);
    expect(err.join('')).toMatch(/^error: unknown command "flsh"\n/);
    expect(out.join('')).toBe('');
  });
});
