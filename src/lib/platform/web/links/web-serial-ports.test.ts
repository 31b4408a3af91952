import { describe, expect, it } from 'vitest';
import { createLoopbackPort } from '../../../core/link/testing/loopback-port';
import { FakeSerial, FakeSerialPort } from '../testing/fake-serial-port';
import { openWebSerialLink } from './web-serial-link';
import { choosePort, findGrantedPort, portIdentity, SERIAL_PORT_FILTERS, waitForPort, webSerial } from './web-serial-ports';

describe('Web Serial port finding', () => {
  it('R05 offers FTDI, CH34x, CP210x, PL2303 and CDC-ACM microcontroller vendors in the chooser', async () => {
    const serial = new FakeSerial();
    const port = serial.plug(new FakeSerialPort({ usbVendorId: 0x1a86, usbProductId: 0x7523 }));
    const choice = await choosePort(serial);
    expect(choice).toEqual({ ok: true, value: port });
    const vendors = serial.lastFilters!.map((filter) => filter.usbVendorId);
    expect(vendors).toEqual(expect.arrayContaining([0x0403, 0x1a86, 0x10c4, 0x067b, 0x2fe3, 0x0483]));
    expect(serial.lastFilters).toBe(SERIAL_PORT_FILTERS);
  });

  it('a cancelled chooser is an outcome with help, not an exception; "all ports" drops the filters', async () => {
    const serial = new FakeSerial();
    serial.plug(new FakeSerialPort({ usbVendorId: 0x1234, usbProductId: 0x0001 })); // unknown bridge
    const cancelled = await choosePort(serial);
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'LINK_NO_PORT_SELECTED' } });
    const all = await choosePort(serial, { allPorts: true });
    expect(all.ok).toBe(true);
    expect(serial.lastFilters).toBeUndefined();
  });

  it('reports a browser without Web Serial and a chooser blocked for lack of a user gesture', async () => {
    expect(webSerial({ navigator: {} })).toBeUndefined();
    expect(await choosePort(undefined)).toMatchObject({ ok: false, error: { code: 'LINK_NOT_SUPPORTED' } });
    const serial = new FakeSerial();
    serial.nextChoice = 'blocked';
    expect(await choosePort(serial)).toMatchObject({ ok: false, error: { code: 'LINK_PICKER_BLOCKED' } });
    expect(webSerial({ navigator: { serial } })).toBe(serial);
  });

  it('reconnects to a port granted earlier by its USB identity, without a prompt', async () => {
    const serial = new FakeSerial();
    serial.plug(new FakeSerialPort({ usbVendorId: 0x0403, usbProductId: 0x6001 }), { granted: true });
    const cp2102 = serial.plug(new FakeSerialPort({ usbVendorId: 0x10c4, usbProductId: 0xea60 }), { granted: true });
    serial.plug(new FakeSerialPort({ usbVendorId: 0x10c4, usbProductId: 0xea60 })); // not granted
    expect(await findGrantedPort(serial, { usbVendorId: 0x10c4, usbProductId: 0xea60 })).toBe(cp2102);
    expect(await findGrantedPort(serial, { usbVendorId: 0x067b })).toBeUndefined();
    expect(portIdentity(cp2102)).toEqual({ usbVendorId: 0x10c4, usbProductId: 0xea60 });
  });

  it('R16 finds a USB-CDC device again after it re-enumerates on reset (a new port object)', async () => {
    const serial = new FakeSerial();
    const before = serial.plug(new FakeSerialPort({ usbVendorId: 0x2fe3, usbProductId: 0x0100 }), { granted: true });
    const link = await openWebSerialLink(before, { baudRate: 115200 });
    const lost = new Promise<void>((resolve) => link.onDisconnect(resolve));
    const identity = portIdentity(before)!;
    const reborn = serial.reenumerate(before, { delayMs: 30 });
    await lost;
    const after = await waitForPort(serial, identity, { except: before, timeoutMs: 1000 });
    expect(after).not.toBe(before);
    expect(after).toBe(await reborn);
    await link.close();
    const again = await openWebSerialLink(after, { baudRate: 115200 });
    (after as FakeSerialPort).attachDevice(createLoopbackPort(115200));
    await again.write(Uint8Array.of(42));
    expect(await again.read({ timeoutMs: 200 })).toEqual(Uint8Array.of(42));
    await again.close();
  });

  it('R16 gives LINK_DEVICE_LOST_ON_RESET when the device does not come back in time', async () => {
    const serial = new FakeSerial();
    await expect(waitForPort(serial, { usbVendorId: 0x2fe3 }, { timeoutMs: 60, pollMs: 20 })).rejects.toMatchObject({
      code: 'LINK_DEVICE_LOST_ON_RESET'
    });
    const controller = new AbortController();
    const waiting = waitForPort(serial, { usbVendorId: 0x2fe3 }, { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
