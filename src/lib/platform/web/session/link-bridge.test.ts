import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { createLoopbackPort } from '../../../core/link/testing/loopback-port';
import { connectPacedLink } from '../../../core/link/paced-link';
import type { Link } from '../../../core/link/link';
import { FakeSerialPort } from '../testing/fake-serial-port';
import { openWebSerialLink } from '../links/web-serial-link';
import { linkOverMessagePort, pumpLinkToMessagePort, type BridgePort, type LinkPump } from './link-bridge';

const bytes = (...values: number[]) => Uint8Array.from(values);
const open: { close(): Promise<void> }[] = [];

/** Node's MessagePort has the browser's shape; its types differ only in name. */
function bridge(pageLink: Link): { link: Link; pump: LinkPump } {
  const channel = new MessageChannel();
  const pump = pumpLinkToMessagePort(pageLink, channel.port1 as unknown as BridgePort);
  const link = linkOverMessagePort(channel.port2 as unknown as BridgePort, pageLink.info);
  open.push(link);
  return { link, pump };
}

async function serialBridge() {
  const port = new FakeSerialPort({ usbVendorId: 0x10c4, usbProductId: 0xea60 });
  const pageLink = await openWebSerialLink(port, { baudRate: 115200 });
  return { port, pageLink, ...bridge(pageLink) };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((link) => link.close()));
});

describe('link over a MessagePort', () => {
  it('carries bytes both ways and leaves the caller’s buffer usable (transfers a copy)', async () => {
    const { port, link } = await serialBridge();
    port.attachDevice(createLoopbackPort(115200));
    const sent = bytes(1, 2, 3);
    await link.write(sent);
    await link.write(bytes(4).subarray(0, 1));
    expect(sent.byteLength).toBe(3);
    const received: number[] = [];
    while (received.length < 4) received.push(...(await link.read({ timeoutMs: 500 })));
    expect(received).toEqual([1, 2, 3, 4]);
    expect(link.info).toEqual({ kind: 'web-serial', wired: true, label: 'CP2102 (10c4:ea60) @ 115200', baudRate: 115200 });
  });

  it('R06 passes a line error in order with the bytes around it, then reads on', async () => {
    const { port, link } = await serialBridge();
    port.deviceSend(bytes(0xaa));
    await new Promise((resolve) => setTimeout(resolve, 5));
    port.injectLineError('FramingError');
    port.deviceSend(bytes(0xbb));
    expect(await link.read({ timeoutMs: 500 })).toEqual(bytes(0xaa));
    await expect(link.read({ timeoutMs: 500 })).rejects.toMatchObject({ code: 'LINK_FRAMING_ERROR' });
    expect(await link.read({ timeoutMs: 500 })).toEqual(bytes(0xbb));
  });

  it('R16 a pulled cable reaches the worker as LINK_DISCONNECTED, fires onDisconnect and releases the port', async () => {
    const { port, link, pump } = await serialBridge();
    const gone = new Promise<void>((resolve) => link.onDisconnect(resolve));
    port.unplug();
    await gone;
    await expect(link.read({ timeoutMs: 500 })).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    await expect(link.write(bytes(1))).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    await pump.done;
  });

  it('a close in the worker closes the page’s link, so the port can be opened again', async () => {
    const { port, pageLink, link, pump } = await serialBridge();
    await link.close();
    await pump.done;
    await expect(pageLink.read({ timeoutMs: 100 })).rejects.toMatchObject({ code: 'LINK_CLOSED' });
    await expect(link.write(bytes(1))).rejects.toMatchObject({ code: 'LINK_CLOSED' });
    const again = await openWebSerialLink(port, { baudRate: 9600 });
    await again.close();
  });

  it('a stop on the page reaches the worker as a disconnect', async () => {
    const { link, pump } = await serialBridge();
    await pump.stop();
    await expect(link.read({ timeoutMs: 500 })).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
  });

  it('R06 baud changes go to the real link, whose new label the worker sees; control lines too', async () => {
    const device = createLoopbackPort(57600);
    const pageLink = connectPacedLink(device, { pace: false, label: 'line' });
    const { link } = bridge(pageLink);
    await link.setBaudRate!(57600);
    expect(link.info).toMatchObject({ baudRate: 57600, label: 'line @ 57600' });
    expect(pageLink.info.baudRate).toBe(57600);
    expect(await link.setSignals!({ dataTerminalReady: true })).toBe('unsupported');

    const serial = await serialBridge();
    expect(await serial.link.setSignals!({ dataTerminalReady: true })).toBe('applied');
    expect(serial.port.signals.dataTerminalReady).toBe(true);
    serial.port.failSignals = true;
    await expect(serial.link.setSignals!({ requestToSend: true })).rejects.toMatchObject({ code: 'LINK_SIGNALS_FAILED' });
  });

  it('a link without a line rate offers no baud change', async () => {
    const pageLink = connectPacedLink(createLoopbackPort(115200), { pace: false });
    const channel = new MessageChannel();
    pumpLinkToMessagePort(pageLink, channel.port1 as unknown as BridgePort);
    const link = linkOverMessagePort(channel.port2 as unknown as BridgePort, { kind: 'ble', wired: false, label: 'BLE' });
    open.push(link);
    expect(link.setBaudRate).toBeUndefined();
  });
});
