/**
 * `bms-flasher sim`: the virtual BMS behind a real pseudo-terminal, reached the way a technician's
 * tool reaches a BMS: serialport on a path, SMP over serial.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, startSim } from '../../cli/commands/sim';
import { generateKeyPair, keyFingerprint, publicKeyToPem } from '../../src/lib/core/image/keys';
import { identity } from '../../src/lib/core/protocol/smp/groups/bms-client';
import { bootloaderMode, echo } from '../../src/lib/core/protocol/smp/groups/os-group';
import { readSetting } from '../../src/lib/core/protocol/smp/groups/settings-group';
import { downloadFile } from '../../src/lib/core/protocol/smp/groups/fs-group';
import { probeSmpFamily } from '../../src/lib/core/protocol/smp/probe-family';
import { SmpClient } from '../../src/lib/core/protocol/smp/smp-client';
import { SOCAT } from '../../src/lib/platform/node/pty-bridge';
import { openSerialPortLink } from '../../src/lib/platform/node/serialport-link';
import { authenticate, startVirtualBms, uploadImage } from '../../src/lib/core/virtual-bms/testing/smp-harness';
import { makeTestFirmware } from '../../src/lib/core/virtual-bms/firmware-behaviour';
import { parseImage } from '../../src/lib/core/image/parse-image';
import { ImageCommand, McubootMode, SmpGroup } from '../../src/lib/core/protocol/smp/smp-ids';

const hasSocat = existsSync(SOCAT);
const ROOT = new URL('../..', import.meta.url).pathname;
if (!hasSocat) console.warn(`sim command tests skipped: ${SOCAT} is missing (sudo apt-get install socat)`);

async function askSerial(path: string): Promise<string> {
  const link = await openSerialPortLink({ path, baudRate: 115200 });
  const client = new SmpClient(link, { timeoutMs: 500, retries: 4 });
  try {
    expect(await echo(client, 'hello over a pty', { retries: 10, timeoutMs: 300 })).toBe('hello over a pty');
    return (await identity(client)).serial;
  } finally {
    await client.close();
    await link.close();
  }
}

describe.skipIf(!hasSocat)('bms-flasher sim', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bms-sim-test-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('R12 serves SMP on the pty until interrupted, enrols a technician key and saves its state', async () => {
    const pty = join(folder, 'bms');
    const state = join(folder, 'state.json');
    const key = generateKeyPair();
    await writeFile(join(folder, 'technician.pub'), publicKeyToPem(key.publicKey));
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    let interrupt!: () => void;
    const until = new Promise<void>((resolve) => (interrupt = resolve));
    const exit = run(['--pty', pty, '--state', state, '--enrol', join(folder, 'technician.pub')], io, until);
    while (!existsSync(pty)) await new Promise((resolve) => setTimeout(resolve, 20));

    const serial = await askSerial(pty);
    interrupt();
    expect(await exit).toBe(0);
    expect(out.join('')).toContain(`enrolled technician key ${keyFingerprint(key.publicKey)}`);
    expect(out.join('')).toContain(`listening on ${pty} (unpaced)`);
    expect(existsSync(pty)).toBe(false);

    // The saved device comes back with the same identity, paced this time.
    expect(JSON.parse(await readFile(state, 'utf8')).format).toBe('bms-flasher/virtual-bms/v1');
    const again = await startSim({ pty, statePath: state, baudRate: 115200 });
    try {
      expect(again.bms.identity.serial).toBe(serial);
      expect(await askSerial(pty)).toBe(serial);
    } finally {
      await again.stop();
    }
  });

  it('R12 R16 creates the pty only once the device answers: a client opening it at once is answered the first time', async () => {
    // A saved device with an update pending: at power-on its bootloader swaps for seconds before it answers.
    const { bms, smp } = await startVirtualBms();
    await authenticate(smp);
    const image = makeTestFirmware({ version: '1.1.0', size: 96 * 1024 });
    await uploadImage(smp, image);
    await smp.request(SmpGroup.image, ImageCommand.state, 'write', { hash: parseImage(image).imageHash!, confirm: false });
    const state = join(folder, 'pending.json');
    await writeFile(state, JSON.stringify(bms.exportState()));

    const pty = join(folder, 'bms');
    const io = { out: () => {}, err: () => {} };
    let interrupt!: () => void;
    const exit = run(['--pty', pty, '--state', state], io, new Promise<void>((resolve) => (interrupt = resolve)));
    try {
      while (!existsSync(pty)) await new Promise((resolve) => setTimeout(resolve, 1));
      const link = await openSerialPortLink({ path: pty, baudRate: 115200 });
      const client = new SmpClient(link, { timeoutMs: 1000, retries: 0 });
      try {
        expect(await echo(client, 'first words')).toBe('first words');
      } finally {
        await client.close();
        await link.close();
      }
    } finally {
      interrupt();
      expect(await exit).toBe(0);
    }
  });

  it('exits 0 on SIGTERM, promptly, and removes its pty', async () => {
    const pty = join(folder, 'bms');
    const sim = spawn(process.execPath, ['cli/bms-flasher.js', 'sim', '--pty', pty, '--family', 'mcumgr'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => sim.on('exit', (code) => resolve(code)));
    let out = '';
    sim.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    while (!out.includes('listening on')) {
      if (sim.exitCode !== null) throw new Error(`sim exited early: ${out}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const sent = Date.now();
    sim.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - sent).toBeLessThan(3000);
    expect(existsSync(pty)).toBe(false);
  }, 60_000);

  it('R09 R12 plays a stock mcumgr device with its settings: probed as mcumgr, settings readable over the pty', async () => {
    const pty = join(folder, 'smp_svr');
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    let interrupt!: () => void;
    const exit = run(['--pty', pty, '--family', 'mcumgr', '--settings', 'both', '--no-swap'], io, new Promise<void>((resolve) => (interrupt = resolve)));
    try {
      while (!existsSync(pty)) await new Promise((resolve) => setTimeout(resolve, 5));
      const link = await openSerialPortLink({ path: pty, baudRate: 115200 });
      const client = new SmpClient(link, { timeoutMs: 1000, retries: 2 });
      try {
        expect(await probeSmpFamily(client)).toEqual({ family: 'mcumgr' });
        expect((await readSetting(client, 'bms/cell_ov_mv')).value).toEqual(Uint8Array.of(0x68, 0x10));
        expect(new TextDecoder().decode(await downloadFile(client, '/lfs/settings.txt'))).toContain('cell_ov_mv=4200');
        expect(await bootloaderMode(client)).toEqual({ name: 'MCUboot', mode: McubootMode.singleApp });
      } finally {
        await client.close();
        await link.close();
      }
    } finally {
      interrupt();
      expect(await exit).toBe(0);
    }
    expect(out.join('')).toContain('virtual stock mcumgr device (Zephyr smp_svr), firmware 1.0.0');
  });

  it('refuses a missing --pty, another family\'s options, and a state file that is not JSON', async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    expect(await run([], io, Promise.resolve())).toBe(2);
    expect(await run(['--pty', join(folder, 'x'), '--no-swap'], io, Promise.resolve())).toBe(2);
    expect(out.join('')).toContain('--no-swap does not apply to --family bms');
    expect(await run(['--pty', join(folder, 'x'), '--family', 'mcumgr', '--enrol', 'k.pub'], io, Promise.resolve())).toBe(2);
    expect(await run(['--pty', join(folder, 'x'), '--family', 'seplos'], io, Promise.resolve())).toBe(2);
    expect(out.join('')).toContain('--family must be one of bms, mcumgr, libresolar, jbd, jk, daly');
    await writeFile(join(folder, 'bad.json'), 'not json');
    expect(await run(['--pty', join(folder, 'bms'), '--state', join(folder, 'bad.json')], io, Promise.resolve())).toBe(1);
    expect(out.join('')).toContain('is not a saved simulator state');
    await writeFile(join(folder, 'other.json'), '{"format":"something else"}');
    expect(await run(['--pty', join(folder, 'bms'), '--state', join(folder, 'other.json')], io, Promise.resolve())).toBe(1);
    expect(out.join('')).toContain('DEVICE_STATE_INVALID');
  });
});
