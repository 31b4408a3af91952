import { describe, expect, it, vi } from 'vitest';
import { plainTimer } from '../testing/plain-timer';
import { isBmsError } from '../errors';
import type { Link } from './link';
import { createLoopbackPort } from './testing/loopback-port';
import { connectPacedLink } from './paced-link';

/** Reads until `count` bytes arrived or `timeoutMs` of silence; line errors are counted, not fatal. */
async function readBytes(link: Link, count: number, timeoutMs = 500) {
  const chunks: number[] = [];
  const lineErrors: string[] = [];
  while (chunks.length < count) {
    try {
      chunks.push(...(await link.read({ timeoutMs })));
    } catch (error) {
      if (isBmsError(error) && error.code === 'LINK_TIMEOUT') break;
      if (isBmsError(error) && error.code === 'LINK_FRAMING_ERROR') lineErrors.push(error.code);
      else throw error;
    }
  }
  return { bytes: Uint8Array.from(chunks), lineErrors };
}

const pattern = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 7 + 3) & 0xff);
const joined = (chunks: Uint8Array[]) => Uint8Array.from(chunks.flatMap((c) => Array.from(c)));

describe('paced link', () => {
  it('R12 takes bytes × 10 / baud to send (8N1), host to device', async () => {
    const device = createLoopbackPort(115200);
    device.onTransmit(() => {}); // the loopback also echoes; only the write time is measured here
    const link = connectPacedLink(device);
    const bytes = pattern(4000);
    const expected = (bytes.length * 10 * 1000) / 115200; // 347 ms
    const control = plainTimer(expected);
    const started = performance.now();
    await link.write(bytes);
    const elapsed = performance.now() - started;
    expect(elapsed / expected).toBeGreaterThan(0.95);
    // Not much later than a plain timer of the same length started beside it (a busy machine delays both).
    expect(elapsed).toBeLessThan((await control) + 0.25 * expected);
    expect(joined(device.received)).toEqual(bytes);
    await link.close();
  });

  it('R12 paces device to host at the device rate too, and a round trip costs both directions', async () => {
    // On a simulated clock: the line's timing is exact here whatever else the machine is doing.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const device = createLoopbackPort(9600);
      const link = connectPacedLink(device, { now: () => Date.now() });
      const bytes = pattern(150);
      const started = Date.now();
      const echoed = link.write(bytes).then(() => readBytes(link, bytes.length)).then((r) => ({ ...r, at: Date.now() - started }));
      await vi.advanceTimersByTimeAsync(1000);
      const { bytes: back, at } = await echoed;
      // The loopback echoes each ~2 ms slice as it lands, so the echo trails the request by one slice.
      const oneWay = (bytes.length * 10 * 1000) / 9600; // 156 ms
      expect(back).toEqual(bytes);
      expect(at).toBeGreaterThan(oneWay);
      expect(at).toBeLessThan(oneWay + 5);
      expect(link.stats).toMatchObject({ bytesSent: 150, bytesReceived: 150, bitsFlipped: 0, framingErrors: 0 });
      await link.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('R23 flips bits at the requested error rate (seeded), both ways', async () => {
    const device = createLoopbackPort(115200);
    const link = connectPacedLink(device, { bitErrorRate: 2e-3, seed: 7, pace: false });
    const bytes = new Uint8Array(50_000);
    await link.write(bytes);
    const { bytes: echoed } = await readBytes(link, bytes.length);
    let flippedOnReturn = 0;
    for (const byte of echoed) for (let x = byte; x !== 0; x &= x - 1) flippedOnReturn += 1;
    const rate = link.stats.bitsFlipped / (2 * bytes.length * 8);
    expect(rate).toBeGreaterThan(1.8e-3);
    expect(rate).toBeLessThan(2.2e-3);
    // Two flips of the same bit cancel out, so the echo shows at most the total count.
    expect(flippedOnReturn).toBeLessThanOrEqual(link.stats.bitsFlipped);
    expect(flippedOnReturn).toBeGreaterThan(link.stats.bitsFlipped * 0.95);
    await link.close();
  });

  it('R06 a baud mismatch garbles both directions, with framing errors, until the host switches rate', async () => {
    const device = createLoopbackPort(9600);
    const link = connectPacedLink(device, { baudRate: 115200, pace: false });
    const request = new TextEncoder().encode('\x06\x09probe: are you there?\n');
    await link.write(request);
    const garbled = await readBytes(link, request.length, 50);
    expect(joined(device.received)).not.toEqual(request);
    expect(garbled.bytes).not.toEqual(request);
    expect(link.stats.framingErrors).toBeGreaterThan(0);
    expect(garbled.lineErrors).toContain('LINK_FRAMING_ERROR');

    await link.setBaudRate!(9600);
    expect(link.info.baudRate).toBe(9600);
    device.received.length = 0;
    await link.write(request);
    expect((await readBytes(link, request.length)).bytes).toEqual(request);
    expect(joined(device.received)).toEqual(request);
    await link.close();
  });

  it('R16 drops the line after N bytes sent: the write and reads fail with LINK_DISCONNECTED', async () => {
    const device = createLoopbackPort(115200);
    const link = connectPacedLink(device, { disconnectAfterBytes: 60 });
    let disconnects = 0;
    link.onDisconnect(() => (disconnects += 1));
    await expect(link.write(pattern(100))).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    expect(joined(device.received)).toEqual(pattern(60));
    expect(disconnects).toBe(1);
    // Echoed bytes that arrived before the cut are still readable, then the link reports the loss.
    await expect(readBytes(link, 1000)).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    await expect(link.write(pattern(1))).rejects.toMatchObject({ code: 'LINK_DISCONNECTED' });
    await link.close();
  });

  it('adds the configured latency each way', async () => {
    const link = connectPacedLink(createLoopbackPort(115200), { latencyMs: 40, pace: false });
    const started = performance.now();
    await link.write(Uint8Array.of(1));
    await link.read({ timeoutMs: 500 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(78);
    await link.close();
  });

  it('close rejects pending reads with LINK_CLOSED and stops listening to the device', async () => {
    const device = createLoopbackPort(115200);
    const link = connectPacedLink(device, { pace: false });
    const pending = link.read();
    await link.close();
    await link.close();
    await expect(pending).rejects.toMatchObject({ code: 'LINK_CLOSED' });
    device.receive(Uint8Array.of(1)); // the loopback echoes; nobody must be listening any more
    await expect(link.read()).rejects.toMatchObject({ code: 'LINK_CLOSED' });
    await expect(link.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'LINK_CLOSED' });
  });

  it('disconnect() cuts the line like a power loss', async () => {
    const link = connectPacedLink(createLoopbackPort(115200));
    const pending = link.read();
    link.disconnect('BMS powered off');
    await expect(pending).rejects.toMatchObject({ code: 'LINK_DISCONNECTED', detail: 'BMS powered off' });
  });
});
