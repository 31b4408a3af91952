/**
 * The virtual BMS as a stock mcumgr device (Zephyr smp_svr), driven by this project's SMP client over
 * the link layer's in-process line: what device-families.md §1 observed on the wire, quirks included.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectPacedLink } from '../../link/paced-link';
import { makeTestFirmware } from '../firmware-behaviour';
import { parseImage } from '../../image/parse-image';
import { SmpClient, type SmpClientOptions } from '../../protocol/smp/smp-client';
import { bootloaderMode, echo, negotiateLimits, osInfo, reset } from '../../protocol/smp/groups/os-group';
import { connectMcumgr } from './testing/connect-mcumgr';
import { confirmImage, eraseSlot, readImageState, testImage, type ImageState } from '../../protocol/smp/groups/image-group';
import { identity } from '../../protocol/smp/groups/bms-client';
import { uploadImage } from '../../protocol/smp/upload';
import { probeSmpFamily } from '../../protocol/smp/probe-family';
import { SMP_VECTORS, vectorFrame } from '../../protocol/smp/smp-vectors';
import { McubootMode } from '../../protocol/smp/smp-ids';
import { createMcumgrDevice, exampleSettings, type McumgrDeviceOptions } from './mcumgr-device';
import { SHELL_PROMPT, ZEPHYR_BANNER } from './shell-console';
import type { VirtualBms } from '../virtual-bms';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const connection of open.splice(0)) await connection.close();
});

const text = (bytes: Uint8Array[]) => bytes.map((b) => String.fromCharCode(...b)).join('');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilAnswering(dev: VirtualBms): Promise<void> {
  while (dev.status !== 'app') await sleep(5);
}

async function connect(options: McumgrDeviceOptions = {}, clientOptions: SmpClientOptions = {}) {
  const connection = await connectMcumgr(options, clientOptions);
  open.push(connection);
  return connection;
}

/** After a reset the device is gone for the reset delay and its boot; echo until it answers again. */
async function resetAndReconnect(client: SmpClient): Promise<void> {
  await reset(client);
  await sleep(300);
  await echo(client, 'back', { retries: 20, timeoutMs: 200 });
}

const slot = (state: ImageState, n: number) => state.images.find((image) => image.slot === n);

describe('virtual stock mcumgr device: wire format', () => {
  it('R12 answers the mcumgr CLI echo with the exact frame smp_svr sends, then its shell prompt', async () => {
    const dev = createMcumgrDevice();
    await untilAnswering(dev);
    const out: Uint8Array[] = [];
    dev.port.onTransmit((bytes) => out.push(bytes));
    dev.port.receive(vectorFrame(SMP_VECTORS.mcumgrEchoRequest));
    while (!text(out).endsWith(SHELL_PROMPT)) await sleep(5);
    expect(text(out)).toBe(SMP_VECTORS.mcumgrEchoResponse.frame + SHELL_PROMPT);
  });

  it.each([
    ['mcumgrEchoRequest', 'mcumgrEchoResponse'],
    ['bmsIdentityProbe', 'mcumgrNoBmsGroup'],
    ['settingsReadRequest', 'settingsReadResponse'],
    ['osInfoRequest', 'osInfoResponse']
  ] as const)('R12 answers the %s vector with the %s frame, byte for byte', async (request, response) => {
    const dev = createMcumgrDevice({ settings: exampleSettings(), shell: false });
    await untilAnswering(dev);
    const out: Uint8Array[] = [];
    dev.port.onTransmit((bytes) => out.push(bytes));
    dev.port.receive(vectorFrame(SMP_VECTORS[request]));
    while (!text(out).endsWith('\n')) await sleep(5);
    expect(text(out)).toBe(SMP_VECTORS[response].frame);
  });

  it('R12 R21 has no BMS group: the probe reads rc 8 and names the family; our BMS identity read fails typed', async () => {
    const { client } = await connect();
    expect(await probeSmpFamily(client)).toEqual({ family: 'mcumgr' });
    await expect(identity(client)).rejects.toMatchObject({ code: 'SMP_NOT_SUPPORTED', detail: expect.stringContaining('rc 8') });
  });

  it('R12 loses what it printed before the port was opened, then the shell echoes stray bytes around SMP', async () => {
    const dev = createMcumgrDevice();
    await untilAnswering(dev);
    const link = connectPacedLink(dev.port, { pace: false });
    const client = new SmpClient(link, { timeoutMs: 300 });
    open.push({ close: () => client.close().then(() => link.close()) });
    const noise: string[] = [];
    client.listen((event) => (event.type === 'noise' ? noise.push(event.text) : undefined));
    expect(await echo(client, 'first')).toBe('first');
    expect(noise.join('')).not.toContain(ZEPHYR_BANNER);
    await link.write(new TextEncoder().encode('help me\r'));
    expect(await echo(client, 'second')).toBe('second');
    expect(noise.join('')).toContain('help me\r\nhelp: command not found');
    expect(noise.join('')).toContain(SHELL_PROMPT);
  });

  it('R12 sees the boot banner and log lines when the port is open from power-on, and decodes past them', async () => {
    const { noise, client } = await connect();
    expect(noise.join('')).toContain(`${ZEPHYR_BANNER}\r\n`);
    expect(noise.join('')).toMatch(/\[00:00:00\.\d{3},000\] <inf> smp_sample: build time/);
    expect(await osInfo(client, 'sro')).toBe('Zephyr 3.4.99 Zephyr');
    expect(await bootloaderMode(client)).toEqual({ name: 'MCUboot', mode: McubootMode.swapUsingMove });
  });
});

describe('virtual stock mcumgr device: image management', () => {
  it('R10 lists a fresh device as smp_svr does: slot 0 1.0.0 active, confirmed, bootable, nothing in slot 1', async () => {
    const { client } = await connect();
    const state = await readImageState(client);
    expect(state.images).toHaveLength(1);
    expect(slot(state, 0)).toMatchObject({ version: '1.0.0', active: true, confirmed: true, bootable: true, pending: false });
  });

  it('R16 uploads with a window of the buffer count it reports, and stop-and-wait where it reports none', async () => {
    const image = makeTestFirmware({ version: '1.1.0', size: 12_000 });
    const withParams = await connect();
    expect(withParams.client.limits).toMatchObject({ bufCount: 4, bufSize: 384 });
    const inFlight = maxInFlight(withParams.client);
    expect(await uploadImage(withParams.client, image)).toMatchObject({ total: image.length, window: 4 });
    expect(inFlight()).toBe(4);

    // a profile for stock Zephyr serial: the shell transport's 256-byte buffer, one request at a time
    const without = await connect({ params: false }, { limits: { bufSize: 256 } });
    expect(await negotiateLimits(without.client)).toMatchObject({ source: 'profile', limits: { bufCount: 1, bufSize: 256 } });
    const single = maxInFlight(without.client);
    expect(await uploadImage(without.client, image)).toMatchObject({ total: image.length, window: 1 });
    expect(single()).toBe(1);
    expect(slot(await readImageState(without.client), 1)).toMatchObject({ version: '1.1.0', pending: false, bootable: true });
  });

  it('R10 R21 refuses an upload over a pending slot 1 with rc 6, takes it after an image erase', async () => {
    const { client } = await connect({}, { version: 0 });
    const first = makeTestFirmware({ version: '1.1.0' });
    await uploadImage(client, first);
    await testImage(client, parseImage(first).imageHash!);
    const second = makeTestFirmware({ version: '1.2.0' });
    await expect(uploadImage(client, second)).rejects.toMatchObject({ code: 'SMP_BAD_STATE', detail: expect.stringContaining('rc 6') });
    // confirm without a hash while slot 1 is pending: rc 6 as well
    await expect(confirmImage(client)).rejects.toMatchObject({ code: 'SMP_BAD_STATE' });
    await eraseSlot(client);
    expect(slot(await readImageState(client), 1)).toBeUndefined();
    await uploadImage(client, second);
    expect(slot(await readImageState(client), 1)).toMatchObject({ version: '1.2.0', pending: false });
  });

  it('R10 with a swapping bootloader: test, reset, the new version runs unconfirmed until the client confirms it', async () => {
    const { client, dev } = await connect({ shell: { logBetweenLines: 'smp_sample: tick' } });
    const image = makeTestFirmware({ version: '1.1.0' });
    const hash = parseImage(image).imageHash!;
    await uploadImage(client, image);
    expect(slot(await testImage(client, hash), 1)).toMatchObject({ pending: true, confirmed: false });
    await resetAndReconnect(client);
    const after = await readImageState(client);
    expect(slot(after, 0)).toMatchObject({ version: '1.1.0', active: true, confirmed: false });
    expect(slot(after, 1)).toMatchObject({ version: '1.0.0', confirmed: true });
    // smp_svr never confirms itself: the device stays on a test boot until the client does
    await sleep(400);
    expect(dev.snapshot()).toMatchObject({ confirmed: false, nextBoot: 'revert' });
    expect(slot(await confirmImage(client), 0)).toMatchObject({ version: '1.1.0', confirmed: true });
    await resetAndReconnect(client);
    expect(slot(await readImageState(client), 0)).toMatchObject({ version: '1.1.0', active: true, confirmed: true });
  });

  it('R10 without a swapping bootloader: after test and reset the old version runs and slot 1 is still pending', async () => {
    const { client, dev } = await connect({ swap: false });
    expect(await bootloaderMode(client)).toEqual({ name: 'MCUboot', mode: McubootMode.singleApp });
    const image = makeTestFirmware({ version: '1.1.0' });
    await uploadImage(client, image);
    await testImage(client, parseImage(image).imageHash!);
    // reset answers {} at once; ~250 ms later the device is gone (booting) and answers nothing
    const asked = Date.now();
    await reset(client);
    expect(dev.status).toBe('app');
    while (dev.status === 'app') await sleep(2);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(245);
    await expect(echo(client, 'still there?', { retries: 0, timeoutMs: 20 })).rejects.toMatchObject({ code: 'SMP_TIMEOUT' });
    await echo(client, 'back', { retries: 20, timeoutMs: 200 });
    const after = await readImageState(client);
    expect(slot(after, 0)).toMatchObject({ version: '1.0.0', active: true, confirmed: true });
    expect(slot(after, 1)).toMatchObject({ version: '1.1.0', pending: true });
  });

  it('R14 has no authenticated session: writes are taken without one (the procedure must acknowledge this)', async () => {
    const { client } = await connect({ params: false, info: false });
    await expect(osInfo(client)).rejects.toMatchObject({ code: 'SMP_NOT_SUPPORTED' });
    await eraseSlot(client);
  });
});

/** Largest number of requests sent and not yet answered, from the client's events. */
function maxInFlight(client: SmpClient): () => number {
  let inFlight = 0;
  let max = 0;
  client.listen((event) => {
    if (event.type === 'tx') max = Math.max(max, ++inFlight);
    if (event.type === 'rx') inFlight--;
  });
  return () => max;
}
