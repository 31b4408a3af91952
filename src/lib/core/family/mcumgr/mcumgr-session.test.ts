/**
 * The stock mcumgr family against the virtual smp_svr room over the in-process line: detection on
 * connect, identity from OS info / bootloader info / the image list, upload (windowed from buf_count or
 * stop-and-wait), test, reset, confirm, the pending slot erased before a new upload, settings backup.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectPacedLink } from '../../link/paced-link';
import { parseImage } from '../../image/parse-image';
import { makeTestFirmware } from '../../virtual-bms/firmware-behaviour';
import { createMcumgrDevice, exampleSettings, type McumgrDeviceOptions } from '../../virtual-bms/mcumgr/mcumgr-device';
import { createVirtualBms, type VirtualBms } from '../../virtual-bms/virtual-bms';
import { fastClock } from '../../update/testing/virtual-bench';
import { DeviceConnection } from '../device-connection';
import type { McumgrSession } from './mcumgr-session';
import { UNREPORTED_LIMITS } from './mcumgr-session';

const open: DeviceConnection[] = [];
afterEach(async () => {
  for (const connection of open.splice(0)) await connection.close();
});

const SPEED = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectTo(dev: VirtualBms, settingNames?: string[]) {
  while (dev.status !== 'app') await sleep(5);
  const connection = await DeviceConnection.open({
    openLink: async () => connectPacedLink(dev.port, { pace: false }),
    session: { client: { timeoutMs: 300, retries: 4 }, bootPollMs: 20, bootProbeTimeoutMs: 150, deviceClockRate: SPEED, settingNames }
  });
  open.push(connection);
  await connection.connect();
  return connection;
}

const stock = (options: McumgrDeviceOptions = {}) => createMcumgrDevice({ clock: fastClock(SPEED), ...options });

describe('stock mcumgr family', () => {
  it('R12 R21 connect tells our BMS from a stock mcumgr device, and learns the stock bootloader', async () => {
    const ours = await connectTo(createVirtualBms({ clock: fastClock(SPEED) }));
    expect(ours.session.family.id).toBe('bms');
    const mcumgr = await connectTo(stock());
    const session = mcumgr.session;
    expect(session.family).toMatchObject({ id: 'mcumgr', bootloader: { fallback: 'swap', checksSignature: false } });
    expect(session.family.bootloader.source).toMatch(/MCUboot mode 3 \(swap using move\)/);
    expect(session.battery).toBeUndefined();
    expect(session.auth).toBeUndefined();
    expect(session.reports).toBeUndefined();
    expect(await session.identity()).toMatchObject({ model: 'bms_board', serial: '', fw_version: '1.0.0', in_bootloader: false });
    expect(mcumgr.connection).toMatch(/from the device/);
  });

  it('R19 a bootloader that never swaps is said to have no fallback bank', async () => {
    const connection = await connectTo(stock({ swap: false }));
    expect(connection.session.family.bootloader.fallback).toBe('overwrite');
    const silent = await connectTo(stock({ info: false }));
    expect(silent.session.family.bootloader).toMatchObject({ fallback: 'unknown', source: 'bootloader info not reported' });
  });

  it('R10 R16 R19 upload, test, reset, confirm: the new image runs and stays, proven by read-back', async () => {
    const session = (await connectTo(stock())).session;
    const image = makeTestFirmware({ version: '1.1.0', size: 12_000 });
    const hash = parseImage(image).imageHash!;
    let acknowledged = 0;
    await session.upload(image, { onProgress: (sent) => (acknowledged = sent) });
    expect(acknowledged).toBe(image.length);
    await session.testImage(hash);
    await session.reset();
    const booted = await session.waitForBoot({ timeoutMs: 5000 });
    expect(booted.fw_version).toBe('1.1.0');
    expect((await session.confirm()).find((s) => s.active)).toMatchObject({ version: '1.1.0', confirmed: true });
    await session.reset();
    expect((await session.waitForBoot({ timeoutMs: 5000 })).fw_version).toBe('1.1.0');
  });

  it('R10 without a swap the old image runs again; the next upload erases the pending slot first', async () => {
    const session = (await connectTo(stock({ swap: false }))).session;
    const first = makeTestFirmware({ version: '1.1.0' });
    await session.upload(first);
    await session.testImage(parseImage(first).imageHash!);
    await session.reset();
    // The reset is proven by the device falling silent, though the same image answers afterwards.
    expect((await session.waitForBoot({ timeoutMs: 5000 })).fw_version).toBe('1.0.0');
    expect((await session.imageState()).find((s) => s.slot === 1)).toMatchObject({ pending: true });
    const second = makeTestFirmware({ version: '1.2.0' });
    await session.upload(second);
    expect((await session.imageState()).find((s) => s.slot === 1)).toMatchObject({ version: '1.2.0', pending: false });
  });

  it('R12 without mcumgr params: small packets, one request at a time, and the upload completes', async () => {
    const connection = await connectTo(stock({ params: false }));
    const session = connection.session as McumgrSession;
    expect(session.client.limits).toMatchObject(UNREPORTED_LIMITS);
    expect(connection.connection).toMatch(/not reported: safe default/);
    const image = makeTestFirmware({ version: '1.1.0', size: 8000 });
    await session.upload(image);
    expect((await session.imageState()).find((s) => s.slot === 1)?.version).toBe('1.1.0');
  });

  it('R09 settings named by the operator are backed up through the settings group, byte for byte', async () => {
    const names = ['bms/cell_ov_mv', 'app/name'];
    const session = (await connectTo(stock({ settings: exampleSettings() }), names)).session;
    expect(session.config?.source).toMatch(/settings group/);
    expect(await session.config!.readConfig()).toEqual({ 'bms/cell_ov_mv': '6810', 'app/name': '736d705f737672' });
    const plain = (await connectTo(stock(), names)).session;
    expect(plain.config).toBeUndefined();
  });
});
