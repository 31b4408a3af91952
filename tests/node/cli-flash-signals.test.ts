/**
 * The walk, as a process: `bms-flasher flash` on the virtual BMS's pseudo-terminal, interrupted
 * by a real SIGINT right after "resetting" into the new image. The exit status is the documented 130 and
 * the last lines say what the device runs, which is what the device itself reports.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestFirmware } from '../../src/lib/core/virtual-bms/firmware-behaviour';
import { TECHNICIAN_TEST_SECRET_KEY, VENDOR_TEST_KEY } from '../../src/lib/core/image/test-keys';
import { createVirtualBms, type VirtualBms } from '../../src/lib/core/virtual-bms/virtual-bms';
import { privateKeyToPem, publicKeyToPem } from '../../src/lib/core/image/keys';
import { SOCAT, startPtyBridge, type PtyBridge } from '../../src/lib/platform/node/pty-bridge';

const ROOT = join(import.meta.dirname, '../..');

describe.skipIf(!existsSync(SOCAT))('bms-flasher flash stopped by a signal (R16 R19)', () => {
  let folder: string;
  let bms: VirtualBms;
  let bridge: PtyBridge;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bms-cli-signal-'));
    await writeFile(join(folder, 'technician.pem'), privateKeyToPem(TECHNICIAN_TEST_SECRET_KEY));
    await writeFile(join(folder, 'vendor.pub.pem'), publicKeyToPem(VENDOR_TEST_KEY.publicKey));
    await writeFile(join(folder, 'fw.img'), makeTestFirmware({ version: '1.4.0', securityCounter: 2, size: 16_000 }));
    bms = createVirtualBms();
    bridge = await startPtyBridge(bms.port, { path: join(folder, 'bms') });
    while (bms.status !== 'app') await new Promise((resolve) => setTimeout(resolve, 20));
  });
  afterAll(async () => {
    await bridge?.close();
    await bms?.powerOff();
    await rm(folder, { recursive: true, force: true });
  });

  it('R16 R19 SIGINT right after "resetting": exit 130, and the read-back it prints is the device state', async () => {
    const args = ['cli/bms-flasher.js', 'flash', '--port', join(folder, 'bms'), '--data', folder, '--trust', join(folder, 'vendor.pub.pem')];
    const child = spawn(process.execPath, [...args, '--checklist-confirmed-by', 'A. Martin', join(folder, 'fw.img')], { cwd: ROOT });
    let out = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!sent && /resetting/.test(out)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.resume();
    const code = await new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    expect(sent, out).toBe(true);
    expect(code, out.slice(-1200)).toBe(130);
    const device = bms.snapshot();
    const version = device.slots[0]!.version.replace(/[.+]/g, '\\$&');
    expect(out).toMatch(new RegExp(`STOPPED: the device runs ${version} [^\n]*${device.confirmed ? ', confirmed' : 'not confirmed'}`));
    expect(out).not.toMatch(/UPDATE_FALLBACK_UNPROVEN|fallback proven/);
  }, 60_000);
});
