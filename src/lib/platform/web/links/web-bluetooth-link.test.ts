import { afterEach, describe, expect, it } from 'vitest';
import type { GattEndpoint } from '../../../core/link/device-port';
import { createVirtualBms } from '../../../core/virtual-bms/virtual-bms';
import { makeTestFirmware } from '../../../core/virtual-bms/firmware-behaviour';
import { echo, negotiateLimits } from '../../../core/protocol/smp/groups/os-group';
import { identity } from '../../../core/protocol/smp/groups/bms-client';
import { SmpClient } from '../../../core/protocol/smp/smp-client';
import { uploadImage } from '../../../core/protocol/smp/upload';
import { createFakeBluetooth, FakeBluetoothDevice } from '../testing/fake-bluetooth-device';
import { chooseBluetoothDevice, openWebBluetoothLink, type WebBluetoothLink } from './web-bluetooth-link';

/** A characteristic that notifies back what is written, in notifications of `notifySize` bytes. */
function loopbackEndpoint(notifySize: number): GattEndpoint {
  const listeners = new Set<(bytes: Uint8Array) => void>();
  return {
    notifySize,
    write: (bytes) => queueMicrotask(() => listeners.forEach((listener) => listener(bytes))),
    onNotify(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
}

const open: { link: WebBluetoothLink; client?: SmpClient }[] = [];
afterEach(async () => {
  for (const { link, client } of open.splice(0)) {
    await client?.close();
    await link.close();
  }
});

async function openLink(device: FakeBluetoothDevice, writeSize?: number): Promise<WebBluetoothLink> {
  const link = await openWebBluetoothLink(device, { writeSize });
  open.push({ link });
  return link;
}

describe('Web Bluetooth link', () => {
  it('the chooser filters on the SMP service; no Web Bluetooth and a closed chooser are outcomes', async () => {
    expect(await chooseBluetoothDevice(undefined)).toMatchObject({ ok: false, error: { code: 'LINK_BLE_NOT_SUPPORTED' } });
    const bms = new FakeBluetoothDevice(loopbackEndpoint(20));
    const bluetooth = createFakeBluetooth([new FakeBluetoothDevice(loopbackEndpoint(20), { name: 'Heart rate', smpService: false }), bms]);
    expect(await chooseBluetoothDevice(bluetooth)).toEqual({ ok: true, value: bms });
    bluetooth.cancelChooser = true;
    expect(await chooseBluetoothDevice(bluetooth)).toMatchObject({ ok: false, error: { code: 'LINK_BLE_NO_DEVICE_SELECTED' } });
  });

  it('maps a device without the SMP service and a failed connection to typed errors', async () => {
    await expect(openLink(new FakeBluetoothDevice(loopbackEndpoint(20), { smpService: false }))).rejects.toMatchObject({
      code: 'LINK_BLE_SERVICE_MISSING'
    });
    await expect(openLink(new FakeBluetoothDevice(loopbackEndpoint(20), { connectFails: true }))).rejects.toMatchObject({
      code: 'LINK_BLE_GATT_FAILED'
    });
    await expect(openLink(new FakeBluetoothDevice(loopbackEndpoint(20)), 0)).rejects.toMatchObject({ code: 'LINK_INVALID_SETTINGS' });
  });

  it('R13 is a wireless link that writes in pieces of the write size and reads the notifications back', async () => {
    const device = new FakeBluetoothDevice(loopbackEndpoint(64), { name: 'BMS-7' });
    const link = await openLink(device, 64);
    expect(link.info).toMatchObject({ kind: 'ble', wired: false, label: 'BMS-7 (Bluetooth), 64-byte writes' });
    const bytes = Uint8Array.from({ length: 150 }, (_, i) => i);
    await link.write(bytes);
    expect(device.writes).toEqual([64, 64, 22]);
    const received: number[] = [];
    while (received.length < bytes.length) received.push(...(await link.read({ timeoutMs: 500 })));
    expect(Uint8Array.from(received)).toEqual(bytes);
  });

  it('a write longer than the ATT payload fails as a write error', async () => {
    const link = await openLink(new FakeBluetoothDevice(loopbackEndpoint(20)), 40);
    await expect(link.write(new Uint8Array(30))).rejects.toMatchObject({ code: 'LINK_WRITE_FAILED' });
  });

  it('reports the device leaving radio range once, and fails reads and writes afterwards', async () => {
    const device = new FakeBluetoothDevice(loopbackEndpoint(20));
    const link = await openLink(device);
    let disconnects = 0;
    link.onDisconnect(() => disconnects++);
    const reading = link.read();
    device.outOfRange();
    await expect(reading).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    await expect(link.write(new Uint8Array(4))).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    expect(disconnects).toBe(1);
  });

  it('close releases the connection without a disconnect event', async () => {
    const device = new FakeBluetoothDevice(loopbackEndpoint(20));
    const link = await openLink(device);
    let disconnects = 0;
    link.onDisconnect(() => disconnects++);
    const reading = link.read();
    await link.close();
    await expect(reading).rejects.toMatchObject({ code: 'LINK_CLOSED' });
    expect(device.gatt.connected).toBe(false);
    expect(disconnects).toBe(0);
  });

  it('R16 carries SMP to the virtual BMS: identity and a windowed upload in 20-byte writes', async () => {
    const bms = createVirtualBms();
    const device = new FakeBluetoothDevice(bms.gatt);
    const link = await openWebBluetoothLink(device);
    const client = new SmpClient(link, { timeoutMs: 300, retries: 4 });
    open.push({ link, client });
    await echo(client, 'boot', { retries: 10, timeoutMs: 200 });
    expect((await identity(client)).serial).toBe(bms.identity.serial);
    await negotiateLimits(client);
    // No technician session: the device refuses, after reading a whole raw request of up to buf_size.
    await expect(uploadImage(client, makeTestFirmware({ version: '1.1.0', size: 4000 }))).rejects.toMatchObject({ code: 'SMP_ACCESS_DENIED' });
    expect(Math.max(...device.writes)).toBe(20);
  });
});
