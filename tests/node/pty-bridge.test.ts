/**
 * The pseudo-terminal bridge with real ptys (Debian's socat) and the real serialport binding: what a
 * technician's serial tool would see when pointed at `bms-flasher sim --pty PATH`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBmsError } from '../../src/lib/core/errors';
import type { Link } from '../../src/lib/core/link/link';
import { createLoopbackPort } from '../../src/lib/core/link/testing/loopback-port';
import { startPtyBridge, SOCAT, type PtyBridge } from '../../src/lib/platform/node/pty-bridge';
import { plainTimer } from '../../src/lib/core/testing/plain-timer';
import { openSerialPortLink } from '../../src/lib/platform/node/serialport-link';

const hasSocat = existsSync(SOCAT);
if (!hasSocat) console.warn(`pty bridge tests skipped: ${SOCAT} is missing (sudo apt-get install socat)`);

async function readExactly(link: Link, count: number, timeoutMs = 2000): Promise<Uint8Array> {
  const out = new Uint8Array(count);
  let filled = 0;
  while (filled < count) {
    const chunk = await link.read({ timeoutMs });
    out.set(chunk.subarray(0, count - filled), filled);
    filled += chunk.length;
  }
  return out;
}

describe.skipIf(!hasSocat)('pty bridge (socat + serialport)', () => {
  let folder: string;
  let bridge: PtyBridge | undefined;
  let client: Link | undefined;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bms-pty-test-'));
  });
  afterEach(async () => {
    await client?.close();
    await bridge?.close();
    client = bridge = undefined;
    await rm(folder, { recursive: true, force: true });
  });

  it('R12 round-trips 64 KiB intact through a real pty, both directions', async () => {
    const path = join(folder, 'bms');
    bridge = await startPtyBridge(createLoopbackPort(115200), { path });
    client = await openSerialPortLink({ path, baudRate: 115200 });
    expect(client.info).toMatchObject({ kind: 'node-serial', wired: true, label: `${path} @ 115200` });
    const pattern = Uint8Array.from({ length: 65536 }, (_, i) => (i * 31 + (i >> 8)) & 0xff);
    // Written in 4 KiB pieces, as a protocol would, while the echo streams back: read at the same time,
    // or a loaded machine fills the pty's return buffer and both sides wait on each other.
    const echoed = readExactly(client, pattern.length, 10_000);
    for (let offset = 0; offset < pattern.length; offset += 4096) await client.write(pattern.subarray(offset, offset + 4096));
    expect(await echoed).toEqual(pattern);
  });

  it('R12 with a baud rate, paces the pty like a real UART: bytes × 10 / baud', async () => {
    const path = join(folder, 'bms');
    bridge = await startPtyBridge(createLoopbackPort(115200), { path, baudRate: 9600 });
    client = await openSerialPortLink({ path, baudRate: 9600 });
    const bytes = new Uint8Array(240).fill(0x55);
    const oneWay = (bytes.length * 10 * 1000) / 9600; // 250 ms; the echo trails by one ~2 ms slice
    const control = plainTimer(oneWay);
    const started = performance.now();
    await client.write(bytes);
    await readExactly(client, bytes.length);
    const elapsed = performance.now() - started;
    expect(elapsed / oneWay).toBeGreaterThan(1.0);
    // Compared with a plain timer started beside it, not a fixed bound: a busy machine delays both.
    expect(elapsed).toBeLessThan((await control) + 0.4 * oneWay);
  });

  it('tolerates DTR/RTS on a pty: setSignals resolves "unsupported" instead of failing', async () => {
    const path = join(folder, 'bms');
    bridge = await startPtyBridge(createLoopbackPort(115200), { path });
    client = await openSerialPortLink({ path, baudRate: 115200 });
    expect(await client.setSignals!({ dataTerminalReady: false, requestToSend: true })).toBe('unsupported');
    await client.setBaudRate!(9600);
    expect(client.info.baudRate).toBe(9600);
    await client.write(Uint8Array.of(0x42));
    expect(await readExactly(client, 1)).toEqual(Uint8Array.of(0x42));
  });

  it('stays up while clients come and go; a second client at once is refused as busy', async () => {
    const path = join(folder, 'bms');
    bridge = await startPtyBridge(createLoopbackPort(115200), { path });
    for (const byte of [1, 2]) {
      client = await openSerialPortLink({ path, baudRate: 115200 });
      await client.write(Uint8Array.of(byte));
      expect(await readExactly(client, 1)).toEqual(Uint8Array.of(byte));
      if (byte === 2) {
        await expect(openSerialPortLink({ path, baudRate: 115200 })).rejects.toMatchObject({ code: 'LINK_PORT_BUSY' });
      }
      await client.close();
    }
    client = undefined;
  });

  it('replaces a stale link, refuses to overwrite a regular file, and removes its link on close', async () => {
    const path = join(folder, 'bms');
    const first = await startPtyBridge(createLoopbackPort(115200), { path });
    // A second bridge on the same path takes it over (an earlier run that was killed leaves a link).
    bridge = await startPtyBridge(createLoopbackPort(115200), { path });
    await first.close();
    expect(await first.stopped).toBe('closed');
    client = await openSerialPortLink({ path, baudRate: 115200 }); // the new bridge still owns the path
    await client.write(Uint8Array.of(9));
    expect(await readExactly(client, 1)).toEqual(Uint8Array.of(9));
    await client.close();
    client = undefined;
    const file = join(folder, 'notes.txt');
    await writeFile(file, 'keep me');
    await expect(startPtyBridge(createLoopbackPort(115200), { path: file })).rejects.toMatchObject({
      code: 'LINK_PTY_UNAVAILABLE'
    });
    await bridge.close();
    expect(await bridge.stopped).toBe('closed');
    expect(existsSync(path)).toBe(false);
    bridge = undefined;
  });

  it('reports LINK_PTY_UNAVAILABLE when socat is missing or cannot create the link', async () => {
    const loop = createLoopbackPort(115200);
    await expect(startPtyBridge(loop, { path: join(folder, 'x'), socat: '/nonexistent/socat' })).rejects.toMatchObject({
      code: 'LINK_PTY_UNAVAILABLE'
    });
    const error = await startPtyBridge(loop, { path: join(folder, 'no-such-dir', 'x') }).catch((e: unknown) => e);
    expect(isBmsError(error) && error.code).toBe('LINK_PTY_UNAVAILABLE');
  });
});
