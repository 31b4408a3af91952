/**
 * An independent Modbus master reads the virtual JK-PB room: Debian's mbpoll on a real pty (socat),
 * the way a technician would check a JK-PB on an RS485 adapter. Its numbers must equal the battery
 * model's measurement and what this tool's own JK client decodes.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frozenMeasurementClock } from '../../src/lib/core/virtual-bms/testing/frozen-clock';
import { JkPbClient } from '../../src/lib/core/protocol/jk/jk-client';
import { ModbusClient } from '../../src/lib/core/protocol/modbus/modbus-client';
import { JkRoom } from '../../src/lib/core/virtual-bms/jk/jk-room';
import { SOCAT, startPtyBridge, type PtyBridge } from '../../src/lib/platform/node/pty-bridge';
import { openSerialPortLink } from '../../src/lib/platform/node/serialport-link';

const MBPOLL = '/usr/bin/mbpoll';
const ready = existsSync(MBPOLL) && existsSync(SOCAT);
if (!ready) console.warn(`mbpoll peer test skipped: ${MBPOLL} or ${SOCAT} is missing (apt-get install mbpoll socat)`);


const frozen = frozenMeasurementClock();

/** mbpoll's "[ref]: value" lines, in order. */
async function mbpoll(path: string, args: string[]): Promise<number[]> {
  const { stdout } = await promisify(execFile)(MBPOLL, ['-m', 'rtu', '-a', '1', '-b', '115200', '-P', 'none', '-0', '-1', '-o', '1', ...args, path], { timeout: 10_000 });
  return [...stdout.matchAll(/^\[\d+\]:\s+(-?\d+)/gm)].map((m) => Number(m[1]));
}

describe.skipIf(!ready)('mbpoll reads the virtual JK-PB on a pty', () => {
  let folder: string;
  let bridge: PtyBridge;
  const room = new JkRoom({ clock: frozen });

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bms-jk-'));
    bridge = await startPtyBridge(room.port, { path: join(folder, 'jk') });
  });
  afterAll(async () => {
    await bridge?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('R05 R12 pack voltage, current, cells, temperatures and SoC equal the battery model and the app', async () => {
    const reading = room.reading();
    const int32 = ['-t', '4:int', '-B', '-c', '1', '-r'];
    expect(await mbpoll(bridge.path, [...int32, '0x1290'])).toEqual([reading.packMv]);
    expect(await mbpoll(bridge.path, [...int32, '0x1298'])).toEqual([reading.currentMa]);
    // JK addresses by byte: 16 registers from 0x1200 are the 16 cells' 32 bytes.
    expect(await mbpoll(bridge.path, ['-t', '4', '-c', '16', '-r', '0x1200'])).toEqual(reading.cellsMv);
    expect(await mbpoll(bridge.path, ['-t', '4', '-c', '2', '-r', '0x129c'])).toEqual(reading.tempsDc.slice(0, 2));
    const [balanceAndSoc] = await mbpoll(bridge.path, ['-t', '4', '-c', '1', '-r', '0x12a6']);
    expect(balanceAndSoc & 0xff).toBe(Math.round(reading.socPm / 10));

    // The app's client, through the same pty, decodes the same numbers.
    const link = await openSerialPortLink({ path: bridge.path, baudRate: 115200 });
    try {
      const data = await new JkPbClient(new ModbusClient(link, { timeoutMs: 1000 })).readData();
      expect(data).toMatchObject({ packMv: reading.packMv, currentMa: reading.currentMa, cellsMv: reading.cellsMv, socPct: Math.round(reading.socPm / 10) });
    } finally {
      await link.close();
    }
  });

  it('R21 mbpoll sees the room refuse an address outside the map (exception 02)', async () => {
    const error = await mbpoll(bridge.path, ['-t', '4', '-c', '2', '-r', '0x3000']).catch((e: { stderr: string; stdout: string }) => e);
    expect(JSON.stringify(error)).toMatch(/Illegal data address/i);
  });
});
