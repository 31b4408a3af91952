/**
 * The device commands against the virtual BMS on a real pseudo-terminal (socat + serialport), as a
 * technician runs them: info → upload → state --test → reset → state → state --confirm; an upload
 * that survives the port going away; and the link test naming the rate a device answers at.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../src/lib/i18n/translate';
import * as info from '../../cli/commands/info';
import * as linktest from '../../cli/commands/linktest';
import * as reset from '../../cli/commands/reset';
import * as state from '../../cli/commands/state';
import * as upload from '../../cli/commands/upload';
import type { DeviceCommandDeps } from '../../cli/open-link';
import type { UploadIo } from '../../cli/commands/upload';
import { TECHNICIAN_TEST_SECRET_KEY, VENDOR_TEST_SECRET_KEY } from '../../src/lib/core/image/test-keys';
import { createVirtualBms, type VirtualBms } from '../../src/lib/core/virtual-bms/virtual-bms';
import { privateKeyToPem } from '../../src/lib/core/image/keys';
import { parseImage } from '../../src/lib/core/image/parse-image';
import { signImage } from '../../src/lib/core/image/sign-image';
import { connectPacedLink } from '../../src/lib/core/link/paced-link';
import { seededRandom } from '../../src/lib/core/link/seeded-random';
import { SOCAT, startPtyBridge, type PtyBridge } from '../../src/lib/platform/node/pty-bridge';

const hasSocat = existsSync(SOCAT);

interface Outcome {
  code: number;
  out: string;
  err: string;
  progress: string;
}

type Command = { run(argv: string[], io: UploadIo, deps?: DeviceCommandDeps): Promise<number> };

async function cli(command: Command, argv: string[], options: { deps?: DeviceCommandDeps; onProgress?: (line: string) => void } = {}): Promise<Outcome> {
  const outcome = { code: -1, out: '', err: '', progress: '' };
  const io: UploadIo = {
    out: (text) => (outcome.out += text),
    err: (text) => (outcome.err += text),
    progress: {
      isTTY: false,
      write: (text) => {
        outcome.progress += text;
        options.onProgress?.(text);
      }
    }
  };
  outcome.code = await command.run(argv, io, options.deps);
  return outcome;
}

function firmware(version: string, size: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  const payload = Uint8Array.from({ length: size }, () => Math.floor(random() * 256));
  const [major, minor, revision] = version.split('.').map(Number);
  return signImage(payload, VENDOR_TEST_SECRET_KEY, {
    version: { major, minor, revision, build: 0 },
    securityCounter: 2,
    headerSize: 0x200,
    align: 8,
    metadata: { model: 'VBMS-16S', hwRevisions: ['B'], safetyCritical: false }
  });
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const percentOf = (line: string) => Number(/(\d+\.\d) %/.exec(line)?.[1] ?? 0);

describe.skipIf(!hasSocat)('bms-flasher device commands on a pty (R06 R10 R14 R16 R17)', () => {
  let folder: string;
  let bms: VirtualBms;
  let bridge: PtyBridge;
  let port: string;
  let key: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bms-cli-smp-'));
    port = join(folder, 'bms');
    key = join(folder, 'technician.pem');
    await writeFile(key, privateKeyToPem(TECHNICIAN_TEST_SECRET_KEY));
    bms = createVirtualBms();
    bridge = await startPtyBridge(bms.port, { path: port });
    await until(() => bms.status === 'app');
  });

  afterAll(async () => {
    await bridge?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('R10 R14 R17 info → upload → state --test → reset → runs the new image → state --confirm', async () => {
    const image = firmware('1.1.0', 96 * 1024, 7);
    const hash = bytesToHex(parseImage(image).imageHash!);
    const imagePath = join(folder, 'v1.1.0.img');
    await writeFile(imagePath, image);

    const before = await cli(info, ['--port', port, '--json']);
    expect(before).toMatchObject({ code: 0, err: '' });
    const facts = JSON.parse(before.out);
    expect(facts.identity).toMatchObject({ model: 'VBMS-16S', serial: 'VB2400001', fw_version: '1.0.0+0', in_bootloader: false });
    expect(facts.images).toEqual([expect.objectContaining({ slot: 0, version: '1.0.0', flags: expect.arrayContaining(['active', 'confirmed']) })]);
    expect(facts.telemetry.cells.count).toBeGreaterThan(0);
    expect(facts.session).toMatch(/buffer \d+ bytes × \d+ \(from the device\)/);
    const text = await cli(info, ['--port', port]);
    expect(text.out).toMatch(/VBMS-16S {2}serial VB2400001/);
    expect(text.out).toMatch(/slot 0 {2}1\.0\.0 {2}[0-9a-f]{64} {2}active confirmed bootable/);
    expect(text.out).toContain('state of charge');

    const sent = await cli(upload, ['--port', port, '--key', key, imagePath]);
    expect(sent).toMatchObject({ code: 0, err: '' });
    expect(sent.out).toContain(`--test ${hash}`);
    expect(sent.progress).toMatch(/upload \[#+\] 100\.0 % {2}96\.\d KiB \/ 96\.\d KiB/);

    // A prefix of the hash is enough when it names one slot.
    const marked = await cli(state, ['--port', port, '--key', key, '--test', hash.slice(0, 12), '--json']);
    expect(marked).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(marked.out).images).toContainEqual(expect.objectContaining({ slot: 1, hash, flags: expect.arrayContaining(['pending']) }));

    const rebooted = await cli(reset, ['--port', port, '--key', key, '--wait-s', '20', '--json']);
    expect(rebooted).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(rebooted.out).identity).toMatchObject({ fw_version: '1.1.0+0', fw_hash: hash });

    const running = JSON.parse((await cli(state, ['--port', port, '--json'])).out);
    expect(running.images[0]).toMatchObject({ slot: 0, version: '1.1.0', hash, flags: expect.arrayContaining(['active']) });
    expect(running.images[1]).toMatchObject({ slot: 1, version: '1.0.0' });

    const confirmed = await cli(state, ['--port', port, '--key', key, '--confirm']);
    expect(confirmed).toMatchObject({ code: 0, err: '' });
    expect(confirmed.out).toMatch(/slot 0 {2}1\.1\.0 {2}[0-9a-f]{64} {2}active confirmed/);
    expect(bms.snapshot()).toMatchObject({ confirmed: true, nextBoot: 'none' });
  }, 45_000);

  it('R16 resumes an upload from the offset the device reports, after Ctrl-C and after the port goes away', async () => {
    const image = firmware('1.2.0', 120 * 1024, 11);
    const imagePath = join(folder, 'v1.2.0.img');
    await writeFile(imagePath, image);
    const argv = ['--port', port, '--key', key, '--json', imagePath];

    // Ctrl-C at about a third: the command stops cleanly; running it again continues on the device.
    const stop = new AbortController();
    const cancelled = await cli(upload, argv, { deps: { signal: stop.signal }, onProgress: (line) => percentOf(line) >= 30 && stop.abort() });
    expect(cancelled.code).toBe(1);
    expect(cancelled.err).toMatch(/^CANCELLED: (image )?upload cancelled/);
    expect(cancelled.progress).toContain('run the same command again');
    const again = await cli(upload, argv);
    expect(again.code).toBe(0);
    const first = JSON.parse(again.out);
    expect(first.resumedFrom).toBeGreaterThan(0.25 * image.length);
    expect(first.resumedFrom).toBeLessThan(image.length);

    // The simulator's pty disappears mid-upload (cable pulled) and comes back: the same command reopens
    // the port, authenticates again and continues from the device's offset.
    const other = firmware('1.3.0', 120 * 1024, 13);
    const otherPath = join(folder, 'v1.3.0.img');
    await writeFile(otherPath, other);
    let dropped: Promise<void> | undefined;
    const pull = () => {
      dropped ??= (async () => {
        await bridge.close();
        await new Promise((resolve) => setTimeout(resolve, 300));
        bridge = await startPtyBridge(bms.port, { path: port });
      })();
    };
    // Slot 1 still holds the finished 1.2.0 upload, which a new upload replaces.
    const survived = await cli(upload, ['--port', port, '--key', key, '--json', otherPath], { onProgress: (line) => percentOf(line) >= 40 && pull() });
    await dropped;
    expect(survived.code).toBe(0);
    expect(survived.progress).toMatch(/LINK_(DISCONNECTED|CLOSED|WRITE_FAILED): .*reopening the port and resuming/);
    const result = JSON.parse(survived.out);
    expect(result.resumes).toBe(1);
    expect(result.resumedFrom).toBeGreaterThan(0.3 * other.length);
    const slots = JSON.parse((await cli(state, ['--port', port, '--json'])).out).images;
    expect(slots[1]).toMatchObject({ version: '1.3.0', hash: bytesToHex(parseImage(other).imageHash!) });
  }, 45_000);

  it('R06 the link test names the rate the device answers at, and fails with the catalog text', async () => {
    const device = createVirtualBms({ seed: 3 });
    await until(() => device.status === 'app');
    // A pty carries bytes whatever the baud setting, so this one runs on the simulated UART line.
    const deps: DeviceCommandDeps = { openLink: async ({ baudRate }) => connectPacedLink(device.port, { baudRate }) };
    const healthy = await cli(linktest, ['--port', 'virtual', '--baud', '115200', '--rounds', '5'], { deps });
    expect(healthy.code).toBe(0);
    expect(healthy.out).toMatch(/5\/5 echoes answered, loss 0\.0 %/);
    const wrong = await cli(linktest, ['--port', 'virtual', '--baud', '57600', '--rounds', '5'], { deps });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^LINK_BAUD_MISMATCH: device answers at 115200, you selected 57600\n/);
    expect(wrong.err).toContain('The device answers at another baud rate than the one selected.');
    expect(wrong.err).toContain(`\n  fix: ${describeError('LINK_BAUD_MISMATCH').fix}\n`);
  }, 30_000);

  it('refuses a write without a technician key, and a missing port, with the catalog text', async () => {
    const image = join(folder, 'small.img');
    await writeFile(image, firmware('1.4.0', 1024, 17));
    const noKey = await cli(upload, ['--port', port, '--data', folder + '/none', image]);
    expect(noKey.code).toBe(1);
    expect(noKey.err).toMatch(/^UPDATE_TECHNICIAN_KEY_MISSING: .*\n {2}No technician key is available/);
    const noPort = await cli(info, ['--port', join(folder, 'nothing-here')]);
    expect(noPort.code).toBe(1);
    expect(noPort.err).toMatch(/^LINK_PORT_NOT_FOUND: .*\n  .+\n  diagnosis: .+\n  fix: .+\n$/);
    const usage = await cli(state, ['--port', port, '--test', 'xyz']);
    expect(usage.code).toBe(2);
  });
});
