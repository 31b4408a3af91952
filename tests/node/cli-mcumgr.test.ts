/**
 * The CLI, started with `node` as a user would, against the virtual stock mcumgr device (Zephyr smp_svr)
 * on a real pseudo-terminal: the family is detected, `info` says what can and cannot be checked, the SMP
 * tools upload / test / reset / confirm (reset with the port gone and back: reopened by path), and
 * `flash` runs the whole procedure with the operator's readings and acknowledgement, or refuses.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { parseImage } from '../../src/lib/core/image/parse-image';
import { makeTestFirmware } from '../../src/lib/core/virtual-bms/firmware-behaviour';
import { createMcumgrDevice, type McumgrDeviceOptions } from '../../src/lib/core/virtual-bms/mcumgr/mcumgr-device';
import type { VirtualBms } from '../../src/lib/core/virtual-bms/virtual-bms';
import { SOCAT, startPtyBridge, type PtyBridge } from '../../src/lib/platform/node/pty-bridge';
import { bytesToHex } from '@noble/hashes/utils.js';
import { checkText, type CheckResult } from '../../src/lib/core/update/checks/check-result';

const ROOT = resolve(__dirname, '../..');
const TRUST = join(ROOT, 'static/firmware/vbms-vendor.pub.pem');
const hasSocat = existsSync(SOCAT);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Run {
  code: number;
  out: string;
  err: string;
}

/** `node cli/bms-flasher.js …`: the device keeps running in this process while the CLI talks to it. */
function cli(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['cli/bms-flasher.js', ...args], { cwd: ROOT, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } }, (error, out, err) =>
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err })
    );
  });
}

describe.skipIf(!hasSocat)('bms-flasher on a stock mcumgr device over a pty (node cli/bms-flasher.js)', { timeout: 120_000 }, () => {
  let folder: string;
  let device: VirtualBms;
  let bridge: PtyBridge;
  let port: string;
  let image: string;
  let hash: string;

  const start = async (options: McumgrDeviceOptions = {}) => {
    await bridge?.close();
    device = createMcumgrDevice(options);
    while (device.status !== 'app') await sleep(10);
    bridge = await startPtyBridge(device.port, { path: port });
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bms-cli-mcumgr-'));
    port = join(folder, 'smp_svr');
    image = join(folder, 'app-1.1.0.bin');
    const bytes = makeTestFirmware({ version: '1.1.0', size: 6000 });
    writeFileSync(image, bytes);
    hash = bytesToHex(parseImage(bytes).imageHash!);
  });
  afterEach(async () => bridge?.close());
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  const data = () => ['--data', join(folder, 'data')];
  const flash = (...extra: string[]) => cli(['flash', '--port', port, ...data(), '--trust', TRUST, '--checklist-confirmed-by', 'Tess Tech', ...extra, image]);

  it('R12 R21 info detects the stock family and says what the tool can and cannot check', async () => {
    await start();
    const shown = await cli(['info', '--port', port]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/family: stock MCUboot \+ mcumgr device; bootloader: MCUboot mode 3 \(swap using move\), from the device/);
    expect(shown.out).toMatch(/cannot measure the pack/);
    expect(shown.out).toMatch(/cannot prove who writes/);
    expect(shown.out).toMatch(/returns to the previous firmware if the new one fails/);
    expect(shown.out).toMatch(/serial not reported/);
    expect(shown.out).toMatch(/not available: this device has no battery readings/);
  });

  it('R10 R14 R16 upload, test, reset with the port gone and back (reopened by path), confirm', async () => {
    await start();
    const refused = await cli(['upload', '--port', port, ...data(), image]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/UPDATE_UNAUTHENTICATED_NOT_ACKNOWLEDGED/);
    expect((await cli(['upload', '--port', port, ...data(), '--allow-unauthenticated', image])).code).toBe(0);
    expect((await cli(['state', '--port', port, '--allow-unauthenticated', '--test', hash])).code).toBe(0);
    const resetting = cli(['reset', '--port', port, '--allow-unauthenticated', '--wait-s', '20']);
    // The port disappears while the device reboots and comes back at the same path, as a USB adapter does.
    while (device.status === 'app') await sleep(5);
    await bridge.close();
    await sleep(400);
    bridge = await startPtyBridge(device.port, { path: port });
    const reset = await resetting;
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/1\.1\.0/);
    const confirmed = await cli(['state', '--port', port, '--allow-unauthenticated', '--confirm', '--json']);
    expect(JSON.parse(confirmed.out).images).toEqual(expect.arrayContaining([expect.objectContaining({ version: '1.1.0', flags: expect.arrayContaining(['active', 'confirmed']) })]));
  });

  it('R01 R02 R14 R20 R27 flash with operator readings ends updated and proven, not called fit for service; the report records both', async () => {
    await start();
    const report = join(folder, 'report.json');
    const run = await flash('--allow-unauthenticated', '--operator-soc', '55', '--operator-temp', '21', '--report', report);
    expect(run.out).toMatch(/outcome: updated/);
    // Updated and proven; without a self-test or balance test the tool cannot call the pack fit for service (exit 8).
    expect(run.out).toMatch(/OK: 1\.1\.0 runs and is confirmed\nNOT ready for service/);
    expect(run.code).toBe(8);
    const saved = JSON.parse(readFileSync(report, 'utf8'));
    expect(saved.firmwareAfter).toMatchObject({ version: '1.1.0', confirmed: true });
    const line = (id: string) => checkText(saved.checks.find((c: CheckResult) => c.id === id), 'en');
    expect(saved.checks).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'soc', status: 'pass', source: 'operator' }),
      expect.objectContaining({ id: 'temperature', status: 'pass', source: 'operator' }),
      expect.objectContaining({ id: 'bootloader', status: 'warn' })
    ]));
    expect(line('soc').measured).toBe('55.0 % (entered by the operator)');
    expect(line('temperature').measured).toBe('T1 21.0 °C (entered by the operator)');
    expect(line('bootloader').reason).toMatch(/not known to check signatures/);
    expect(saved.checklist).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'no-authentication', requirement: 'R14', confirmed: true })]));
    expect(device.snapshot().slots[0]?.version).toBe('1.1.0+0');
  });

  it('R14 flash refuses a device without an authenticated session unless acknowledged', async () => {
    await start();
    const run = await flash('--operator-soc', '55', '--operator-temp', '21');
    expect(run.code).toBe(3);
    expect(run.out).toMatch(/UPDATE_UNAUTHENTICATED_NOT_ACKNOWLEDGED/);
    expect(device.snapshot().slots[1]).toBeUndefined();
  });

  it('R01 R02 operator readings outside the limits are refused exactly as measured ones', async () => {
    await start();
    const cold = await flash('--allow-unauthenticated', '--operator-soc', '55', '--operator-temp=-3');
    expect(cold.code).toBe(3);
    expect(cold.out).toMatch(/UPDATE_TEMPERATURE_OUT_OF_RANGE/);
    const low = await flash('--allow-unauthenticated', '--operator-soc', '12', '--operator-temp', '21');
    expect(low.code).toBe(3);
    expect(low.out).toMatch(/UPDATE_SOC_OUT_OF_RANGE/);
    const none = await flash('--allow-unauthenticated');
    expect(none.code).toBe(3);
    expect(none.out).toMatch(/UPDATE_OPERATOR_READING_MISSING/);
    expect(device.snapshot().slots[1]).toBeUndefined();
  });

  it('R19 without a swapping bootloader: the old version still runs, no rollback is claimed', async () => {
    await start({ swap: false });
    const run = await flash('--allow-unauthenticated', '--operator-soc', '55', '--operator-temp', '21');
    expect(run.out).toMatch(/no fallback bank/);
    expect(run.out).toMatch(/outcome: aborted/);
    expect(run.out).toMatch(/no rollback happened or was needed/);
    expect(run.out).not.toMatch(/rolled-back|fallback proven/);
    expect(run.code).toBe(4);
    expect(device.snapshot().slots[0]?.version).toBe('1.0.0+0');
  });
});
