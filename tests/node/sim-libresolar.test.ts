/**
 * `bms-flasher sim --family libresolar`: the virtual LibreSolar BMS behind a real pseudo-terminal,
 * reached with serialport and the ThingSet text client as a BMS behind a USB-UART adapter.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../cli/commands/sim';
import { ThingSetTextClient } from '../../src/lib/core/protocol/thingset/text-client';
import { readVersionWhenReady } from '../../src/lib/core/protocol/thingset/thingset-dfu';
import { SOCAT } from '../../src/lib/platform/node/pty-bridge';
import { openSerialPortLink } from '../../src/lib/platform/node/serialport-link';

const hasSocat = existsSync(SOCAT);

describe.skipIf(!hasSocat)('bms-flasher sim --family libresolar', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bms-libresolar-test-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('R12 serves ThingSet text mode on the pty: identity, live reports and a settings write over serialport', async () => {
    const pty = join(folder, 'bms');
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    let interrupt!: () => void;
    const exit = run(['--family', 'libresolar', '--board', 'bms-c1', '--pty', pty], io, new Promise<void>((resolve) => (interrupt = resolve)));
    while (!existsSync(pty)) await new Promise((resolve) => setTimeout(resolve, 20));
    const link = await openSerialPortLink({ path: pty, baudRate: 115200 });
    const client = new ThingSetTextClient(link, { timeoutMs: 500 });
    try {
      expect(await readVersionWhenReady(client)).toBe('v23.1-94-g9ff895e');
      expect(await client.get('Device/cDeviceType')).toBe('BMS C1');
      const report = new Promise((resolve) => client.onReport(resolve));
      await client.update('Conf', { sBalIdleDelay_s: 600 });
      expect(await client.get('Conf/sBalIdleDelay_s')).toBe(600);
      expect(await report).toMatchObject({ path: 'mLive', values: { Meas: { rSOC_pct: 55 } } });
    } finally {
      await client.close();
      await link.close();
    }
    interrupt();
    expect(await exit).toBe(0);
    expect(out.join('')).toContain('virtual LibreSolar BMS C1, MCUboot upgrade-only, no revert');
  });

  it('refuses an unknown family or board', async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    expect(await run(['--family', 'seplos', '--pty', join(folder, 'x')], io, Promise.resolve())).toBe(2);
    expect(await run(['--family', 'libresolar', '--board', 'nope', '--pty', join(folder, 'x')], io, Promise.resolve())).toBe(2);
    expect(out.join('')).toContain('--board nope');
  });
});
