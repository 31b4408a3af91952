import { describe, expect, it, vi } from 'vitest';
import { createLoopbackPort } from '../../../core/link/testing/loopback-port';
import { FakeUsb, FakeUsbDevice } from '../testing/fake-usb-device';
import { encodeLineCoding, SEND_BREAK, SET_CONTROL_LINE_STATE, SET_LINE_CODING } from './webusb-cdc-acm';
import { chooseUsbSerialDevice, openWebUsbCdcLink } from './webusb-cdc-link';

const requests = (device: FakeUsbDevice, request: number) =>
  device.controlRequests.filter((r) => r.setup.request === request);

describe('WebUSB CDC-ACM link', () => {
  it('encodes SET_LINE_CODING as dwDTERate LE, stop bits, parity, data bits', () => {
    expect(Array.from(encodeLineCoding({ baudRate: 115200 }))).toEqual([0x00, 0xc2, 0x01, 0x00, 0, 0, 8]);
    expect(Array.from(encodeLineCoding({ baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 2 }))).toEqual([
      0x80, 0x25, 0, 0, 2, 2, 7
    ]);
  });

  it('R12 claims the CDC interfaces, sets 115200 8N1 on the control interface and raises DTR/RTS', async () => {
    const device = new FakeUsbDevice();
    const link = await openWebUsbCdcLink(device, { baudRate: 115200 });
    expect([...device.claimed].sort()).toEqual([0, 1]);
    const [coding] = requests(device, SET_LINE_CODING);
    expect(coding.setup).toEqual({ requestType: 'class', recipient: 'interface', request: 0x20, value: 0, index: 0 });
    expect(Array.from(coding.data!)).toEqual([0x00, 0xc2, 0x01, 0x00, 0, 0, 8]);
    expect(requests(device, SET_CONTROL_LINE_STATE).at(-1)?.setup.value).toBe(3);
    expect(link.info).toEqual({
      kind: 'webusb',
      wired: true,
      label: 'Zephyr USB device (2fe3:0100) (USB) @ 115200',
      baudRate: 115200
    });
    await link.close();
  });

  it('round-trips bytes through bulk endpoints and survives a stalled IN endpoint', async () => {
    const device = new FakeUsbDevice();
    device.attachDevice(createLoopbackPort(115200));
    const link = await openWebUsbCdcLink(device, { baudRate: 115200 });
    await link.write(Uint8Array.of(1, 2, 3));
    expect(await link.read({ timeoutMs: 200 })).toEqual(Uint8Array.of(1, 2, 3));
    device.stallNextIn();
    await link.write(Uint8Array.of(4));
    expect(await link.read({ timeoutMs: 200 })).toEqual(Uint8Array.of(4));
    await link.close();
  });

  it('R06 changes the rate with one SET_LINE_CODING, without reopening', async () => {
    const device = new FakeUsbDevice();
    const link = await openWebUsbCdcLink(device, { baudRate: 115200 });
    await link.setBaudRate!(9600);
    expect(Array.from(requests(device, SET_LINE_CODING).at(-1)!.data!.subarray(0, 4))).toEqual([0x80, 0x25, 0, 0]);
    expect(link.info.baudRate).toBe(9600);
    expect(device.opened).toBe(true);
    await link.close();
  });

  it('sets DTR/RTS with SET_CONTROL_LINE_STATE and a break with SEND_BREAK', async () => {
    const device = new FakeUsbDevice();
    const link = await openWebUsbCdcLink(device, { baudRate: 115200 });
    expect(await link.setSignals!({ dataTerminalReady: false })).toBe('applied');
    expect(requests(device, SET_CONTROL_LINE_STATE).at(-1)?.setup.value).toBe(2);
    await link.setSignals!({ break: true });
    expect(requests(device, SEND_BREAK).at(-1)?.setup.value).toBe(0xffff);
    await link.close();
  });

  it('close drops DTR, aborts the pending transfer, releases and closes; pending reads get LINK_CLOSED', async () => {
    const device = new FakeUsbDevice();
    const link = await openWebUsbCdcLink(device, { baudRate: 115200 });
    const pending = link.read();
    await link.close();
    await link.close();
    await expect(pending).rejects.toMatchObject({ code: 'LINK_CLOSED' });
    expect(requests(device, SET_CONTROL_LINE_STATE).at(-1)?.setup.value).toBe(0);
    expect(device.opened).toBe(false);
    expect(device.claimed.size).toBe(0);
  });

  it('R16 reports an unplugged device once, from the disconnect event or from the failed transfer', async () => {
    const usb = new FakeUsb();
    const device = usb.plug(new FakeUsbDevice());
    const link = await openWebUsbCdcLink(device, { baudRate: 115200, usb });
    const listener = vi.fn();
    link.onDisconnect(listener);
    const pending = link.read();
    usb.unplug(device);
    await expect(pending).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    await expect(link.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    expect(listener).toHaveBeenCalledTimes(1);
    await link.close();

    const quiet = new FakeUsbDevice(); // no navigator.usb given: the transfer error alone tells
    const second = await openWebUsbCdcLink(quiet, { baudRate: 115200 });
    quiet.unplug();
    await expect(second.read({ timeoutMs: 200 })).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
  });

  it.each([
    ['a CP210x bridge chip (no CDC)', 'LINK_DRIVER_MISSING', { kind: 'vendor-bridge' as const, vendorId: 0x10c4, productId: 0xea60 }, ''],
    ['an unknown vendor-class device', 'LINK_USB_NOT_SERIAL', { kind: 'vendor-bridge' as const, vendorId: 0x1234, productId: 0x0001 }, ''],
    ['open() denied (Windows usbser owns it)', 'LINK_USB_ACCESS_DENIED', {}, 'open:SecurityError'],
    ['claimInterface() refused (kernel driver)', 'LINK_USB_ACCESS_DENIED', {}, 'claim:NetworkError']
  ])('maps %s to %s, leaving the device closed', async (_case, code, shape, failure) => {
    const device = new FakeUsbDevice(shape);
    if (failure.startsWith('open:')) device.failOpen = failure.slice(5);
    if (failure.startsWith('claim:')) device.failClaim = failure.slice(6);
    await expect(openWebUsbCdcLink(device, { baudRate: 115200 })).rejects.toMatchObject({ code });
    expect(device.opened).toBe(false);
  });

  it('offers CDC devices in the chooser; cancelling is an outcome; no WebUSB is reported', async () => {
    const usb = new FakeUsb();
    const device = usb.plug(new FakeUsbDevice());
    expect(await chooseUsbSerialDevice(usb)).toEqual({ ok: true, value: device });
    expect(usb.lastFilters).toEqual([{ classCode: 0x02 }]);
    usb.nextChoice = 'cancel';
    expect(await chooseUsbSerialDevice(usb)).toMatchObject({ ok: false, error: { code: 'LINK_NO_PORT_SELECTED' } });
    expect(await chooseUsbSerialDevice(undefined)).toMatchObject({ ok: false, error: { code: 'LINK_NOT_SUPPORTED' } });
  });
});
