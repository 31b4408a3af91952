/** `bms-flasher campaign` against a virtual bank, its bus injected where the serial port would be opened. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privateKeyToPem, publicKeyToPem } from '../../src/lib/core/image/keys';
import { TECHNICIAN_TEST_SECRET_KEY, VENDOR_TEST_KEY } from '../../src/lib/core/image/test-keys';
import { BENCH_SESSION, BENCH_TIMINGS } from '../../src/lib/core/update/testing/virtual-bench';
import { bankRig, ourUnits, type BankRig } from '../../src/lib/core/update/testing/bank-rig';
import { makeTestFirmware } from '../../src/lib/core/virtual-bms/firmware-behaviour';
import { run } from './campaign';

let rig: BankRig;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bms-campaign-'));
  await writeFile(join(dir, 'technician.pem'), privateKeyToPem(TECHNICIAN_TEST_SECRET_KEY));
  await writeFile(join(dir, 'vendor.pub.pem'), publicKeyToPem(VENDOR_TEST_KEY.publicKey));
  await writeFile(join(dir, 'image.bin'), makeTestFirmware({ version: '1.1.0', size: 6000 }));
  rig = bankRig(ourUnits(3));
  await rig.ready();
});
afterEach(async () => {
  await rig.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('bms-flasher campaign (R12)', () => {
  it('R12 R04 updates units 1–3 with one checklist, prints the campaign report, and a resume has nothing left to do', { timeout: 120_000 }, async () => {
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) };
    const deps = { openLink: async () => rig.bus.hostLink('bank bus'), session: { ...BENCH_SESSION, deviceClockRate: 10 }, timings: BENCH_TIMINGS };
    const args = ['--port', 'bus', '--data', dir, '--trust', join(dir, 'vendor.pub.pem'), '--checklist-confirmed-by', 'A. Martin'];
    expect(await run([...args, '--all', '3', join(dir, 'image.bin')], io, deps)).toBe(0);
    const text = out.join('');
    expect(text.match(/checklist \(confirmed by A. Martin\)/g)?.length).toBeGreaterThan(0);
    expect(text).toMatch(/broadcast: image sent once to 3 units in [\d.]+ s; 3 hold it all but its last chunk/);
    for (const a of [1, 2, 3]) expect(text).toMatch(new RegExp(`unit ${a} VB-BANK-00${a}: updated, 1\\.0\\.0\\+0 → 1\\.1\\.0\\+0, broadcast`));
    const id = /campaign (bank-\S+): complete/.exec(text)![1];
    out.length = 0;
    expect(await run([...args, '--resume', id, join(dir, 'image.bin')], io, deps)).toBe(0);
    expect(out.join('')).not.toMatch(/== unit/);
  });
});
