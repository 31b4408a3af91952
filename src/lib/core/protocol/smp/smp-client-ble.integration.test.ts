/**
 * The client against the virtual BMS's BLE GATT endpoint: raw packets split into 20-byte writes and
 * notifications, no console framing, end to end through identity, authentication, a windowed upload and
 * the test mark. The host side here is the least a GATT link does (split writes, queue notifications);
 * the Web Bluetooth link and its stand-in are tested in src/lib/platform/web/.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualBms } from '../../virtual-bms/virtual-bms';
import type { GattEndpoint } from '../../link/device-port';
import { makeTestFirmware } from '../../virtual-bms/firmware-behaviour';
import { parseImage } from '../../image/parse-image';
import { ByteQueue } from '../../link/byte-queue';
import type { Link } from '../../link/link';
import { readImageState, testImage } from './groups/image-group';
import { echo, negotiateLimits } from './groups/os-group';
import { splitPacket } from './raw-packet';
import { SmpClient } from './smp-client';
import { uploadImage } from './upload';
import { authenticateTestTechnician } from './testing/test-technician';

function gattLink(gatt: GattEndpoint): Link & { writes: number[] } {
  const queue = new ByteQueue();
  const stop = gatt.onNotify((bytes) => queue.push(bytes));
  const writes: number[] = [];
  return {
    info: { kind: 'ble', wired: false, label: 'virtual BMS over GATT' },
    writes,
    async write(bytes) {
      for (const piece of splitPacket(bytes, gatt.notifySize)) {
        writes.push(piece.length);
        gatt.write(piece);
      }
    },
    read: (options) => queue.read(options),
    close: async () => stop(),
    onDisconnect: () => () => {}
  };
}

const open: { client: SmpClient; link: Link }[] = [];
afterEach(async () => {
  for (const { client, link } of open.splice(0)) {
    await client.close();
    await link.close();
  }
});

describe('SMP client over the virtual BMS GATT endpoint (raw framing)', () => {
  it('R14 R16 reads identity, authenticates, uploads with a window and marks the image for test', async () => {
    const bms = createVirtualBms();
    const link = gattLink(bms.gatt);
    const client = new SmpClient(link, { timeoutMs: 300, retries: 4 });
    open.push({ client, link });
    expect(client.framing).toBe('raw');
    await echo(client, 'boot', { retries: 10, timeoutMs: 200 });

    await authenticateTestTechnician(client);
    expect(await negotiateLimits(client)).toMatchObject({ limits: { bufSize: 384, bufCount: 4 }, source: 'device' });

    const image = makeTestFirmware({ version: '1.1.0', size: 20_000 });
    const result = await uploadImage(client, image);
    expect(result).toMatchObject({ total: image.length, window: 4, resumedFrom: 0 });
    expect(client.stats.badFrames).toBe(0);
    expect(Math.max(...link.writes)).toBe(bms.gatt.notifySize);

    const hash = parseImage(image).imageHash!;
    expect((await readImageState(client)).images.find((i) => i.slot === 1)).toMatchObject({ version: '1.1.0', hash });
    const marked = await testImage(client, hash);
    expect(marked.images.find((i) => i.slot === 1)?.pending).toBe(true);
  });
});
