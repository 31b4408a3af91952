import { describe, expect, it, vi } from 'vitest';
import { createLoopbackPort } from '../../../core/link/testing/loopback-port';
import { FakeSerialPort, type LineErrorName } from '../testing/fake-serial-port';
import { openWebSerialLink, WEB_SERIAL_BUFFER_SIZE } from './web-serial-link';

const bytes = (...values: number[]) => Uint8Array.from(values);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function openedPair(baudRate = 115200) {
  const port = new FakeSerialPort({ usbVendorId: 0x10c4, usbProductId: 0xea60 });
  const link = await openWebSerialLink(port, { baudRate });
  return { port, link };
}

describe('Web Serial link', () => {
  it('R12 opens 8N1 with 64 KiB buffers (not Chrome’s 255) and names the adapter', async () => {
    const { port, link } = await openedPair();
    expect(port.openedWith).toEqual({
      baudRate: 115200,
      dataBits: 8,
      stopBits: 1,
      parity: 'none',
      flowControl: 'none',
      bufferSize: WEB_SERIAL_BUFFER_SIZE
    });
    expect(link.info).toEqual({ kind: 'web-serial', wired: true, label: 'CP2102 (10c4:ea60) @ 115200', baudRate: 115200 });
    await link.close();
  });

  it('round-trips bytes through a device and buffers what arrives while nobody reads', async () => {
    const { port, link } = await openedPair();
    port.attachDevice(createLoopbackPort(115200));
    await link.write(bytes(1, 2, 3));
    await link.write(bytes(4));
    await tick();
    expect(await link.read({ timeoutMs: 200 })).toEqual(bytes(1, 2, 3, 4));
    await link.close();
  });

  it('keeps concurrent writes in order (one writer at a time)', async () => {
    const { port, link } = await openedPair();
    const seen: number[] = [];
    port.onHostWrite((chunk) => seen.push(...chunk));
    await Promise.all([link.write(bytes(1)), link.write(bytes(2)), link.write(bytes(3))]);
    expect(seen).toEqual([1, 2, 3]);
    await link.close();
  });

  it.each([
    ['FramingError', 'LINK_FRAMING_ERROR'],
    ['ParityError', 'LINK_PARITY_ERROR'],
    ['BreakError', 'LINK_BREAK'],
    ['BufferOverrunError', 'LINK_BUFFER_OVERRUN']
  ] as [LineErrorName, string][])('R06 surfaces a %s once as %s, then keeps reading with a new reader', async (name, code) => {
    const { port, link } = await openedPair();
    port.deviceSend(bytes(0xaa));
    await tick();
    port.injectLineError(name);
    port.deviceSend(bytes(0xbb));
    expect(await link.read({ timeoutMs: 200 })).toEqual(bytes(0xaa));
    await expect(link.read({ timeoutMs: 200 })).rejects.toMatchObject({ code });
    expect(await link.read({ timeoutMs: 200 })).toEqual(bytes(0xbb));
    port.injectLineError(name);
    await expect(link.read({ timeoutMs: 200 })).rejects.toMatchObject({ code });
    port.deviceSend(bytes(0xcc));
    expect(await link.read({ timeoutMs: 200 })).toEqual(bytes(0xcc));
    await link.close();
  });

  it('close cancels the reader, releases both locks and closes the port; pending reads get LINK_CLOSED', async () => {
    const { port, link } = await openedPair();
    await link.write(bytes(1)); // a writer existed once: its lock must be gone too
    const pending = link.read();
    await link.close();
    await link.close();
    await expect(pending).rejects.toMatchObject({ code: 'LINK_CLOSED' });
    expect(port.readable).toBeNull();
    // The port really is closed and unlocked: it opens again.
    const again = await openWebSerialLink(port, { baudRate: 9600 });
    await again.close();
  });

  it('R16 reports an unplugged cable: reads and writes fail with LINK_DISCONNECTED, listeners run once', async () => {
    const { port, link } = await openedPair();
    const listener = vi.fn();
    link.onDisconnect(listener);
    port.deviceSend(bytes(7));
    await tick();
    const pending = link.read();
    expect(await pending).toEqual(bytes(7));
    const next = link.read();
    port.unplug();
    await expect(next).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    await expect(link.write(bytes(1))).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    expect(listener).toHaveBeenCalledTimes(1);
    await link.close(); // still releases the locks and closes the (lost) port without throwing
  });

  it.each([
    ['InvalidStateError', 'LINK_PORT_BUSY'],
    ['NetworkError', 'LINK_OPEN_FAILED'],
    ['SecurityError', 'LINK_PICKER_BLOCKED']
  ])('maps an open() %s to %s', async (name, code) => {
    const port = new FakeSerialPort();
    port.failNextOpen(name);
    await expect(openWebSerialLink(port, { baudRate: 115200 })).rejects.toMatchObject({ code });
  });

  it('NetworkError on a CP210x names its driver; a port open in another link is busy; a bad rate is refused', async () => {
    const port = new FakeSerialPort({ usbVendorId: 0x10c4, usbProductId: 0xea60 });
    port.failNextOpen('NetworkError');
    await expect(openWebSerialLink(port, { baudRate: 115200 })).rejects.toMatchObject({
      detail: expect.stringContaining('CP210x VCP driver')
    });
    const first = await openWebSerialLink(port, { baudRate: 115200 });
    await expect(openWebSerialLink(port, { baudRate: 115200 })).rejects.toMatchObject({ code: 'LINK_PORT_BUSY' });
    await first.close();
    await expect(openWebSerialLink(port, { baudRate: 0 })).rejects.toMatchObject({ code: 'LINK_INVALID_SETTINGS' });
  });

  it('R06 setBaudRate closes and reopens the port at the new rate; bytes keep flowing', async () => {
    const { port, link } = await openedPair();
    port.attachDevice(createLoopbackPort(115200));
    await link.setBaudRate!(9600);
    expect(port.openedWith?.baudRate).toBe(9600);
    expect(port.openedWith?.bufferSize).toBe(WEB_SERIAL_BUFFER_SIZE);
    expect(link.info).toMatchObject({ baudRate: 9600, label: 'CP2102 (10c4:ea60) @ 9600' });
    await link.write(bytes(5));
    expect(await link.read({ timeoutMs: 200 })).toEqual(bytes(5));
    await link.close();
  });

  it('sets DTR/RTS, and reports an adapter that refuses as LINK_SIGNALS_FAILED', async () => {
    const { port, link } = await openedPair();
    expect(await link.setSignals!({ dataTerminalReady: true, requestToSend: false })).toBe('applied');
    expect(port.signals).toEqual({ dataTerminalReady: true, requestToSend: false, break: false });
    port.failSignals = true;
    await expect(link.setSignals!({ requestToSend: true })).rejects.toMatchObject({ code: 'LINK_SIGNALS_FAILED' });
    await link.close();
  });
});
