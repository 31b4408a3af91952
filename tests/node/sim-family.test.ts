/**
 * `bms-flasher sim --family jbd|jk|daly`: a field BMS behind a real pty, reached with this tool's own
 * protocol clients over serialport, its settings kept in the state file across runs.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../cli/commands/sim';
import type { Link } from '../../src/lib/core/link/link';
import { DalyClient } from '../../src/lib/core/protocol/daly/daly-client';
import { JbdClient } from '../../src/lib/core/protocol/jbd/jbd-client';
import { JkPbClient } from '../../src/lib/core/protocol/jk/jk-client';
import { ModbusClient } from '../../src/lib/core/protocol/modbus/modbus-client';
import { SOCAT } from '../../src/lib/platform/node/pty-bridge';
import { openSerialPortLink } from '../../src/lib/platform/node/serialport-link';

const hasSocat = existsSync(SOCAT);
if (!hasSocat) console.warn(`sim --family tests skipped: ${SOCAT} is missing (sudo apt-get install socat)`);

/** Starts the simulator like the CLI does; returns its output, a stop switch and the exit code. */
async function startCli(args: string[]) {
  const out: string[] = [];
  const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
  let interrupt!: () => void;
  const until = new Promise<void>((resolve) => (interrupt = resolve));
  let ended = false;
  const exit = run(args, io, until).finally(() => (ended = true));
  while (!ended && !out.join('').includes('listening on')) await new Promise((resolve) => setTimeout(resolve, 20));
  return { out, exit, stop: () => (interrupt(), exit) };
}

async function withLink<T>(path: string, baudRate: number, use: (link: Link) => Promise<T>): Promise<T> {
  const link = await openSerialPortLink({ path, baudRate });
  try {
    return await use(link);
  } finally {
    await link.close();
  }
}

describe.skipIf(!hasSocat)('bms-flasher sim --family', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bms-sim-family-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('R12 serves JK-PB Modbus and Daly frames on the pty, each family with its own banner', async () => {
    const jkPty = join(folder, 'jk');
    const jk = await startCli(['--pty', jkPty, '--family', 'jk']);
    expect(jk.out.join('')).toContain('virtual JK-PB JK_PB2A16S20P (Modbus slave 1), 16 cells, 115200 baud 8N1');
    const data = await withLink(jkPty, 115200, (link) => new JkPbClient(new ModbusClient(link)).readData());
    expect(data.cellsMv).toHaveLength(16);
    expect(await jk.stop()).toBe(0);

    const dalyPty = join(folder, 'daly');
    const daly = await startCli(['--pty', dalyPty, '--family', 'daly']);
    const status = await withLink(dalyPty, 9600, (link) => new DalyClient(link).readStatus());
    expect(status).toMatchObject({ cellCount: 8, ntcCount: 2 });
    expect(await daly.stop()).toBe(0);
  });

  it('R09 a JBD setting written through the pty is in the state file and still there on the next run', async () => {
    const pty = join(folder, 'jbd');
    const state = join(folder, 'jbd.json');
    const first = await startCli(['--pty', pty, '--family', 'jbd', '--state', state]);
    await withLink(pty, 9600, async (link) => {
      const client = new JbdClient(link);
      expect(await client.readName()).toBe('SP04S034-L4S-100A');
      await client.writeSettings({ covp: 3620 });
    });
    expect(await first.stop()).toBe(0);
    expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ family: 'jbd', eeprom: { covp: 3620 } });

    const second = await startCli(['--pty', pty, '--family', 'jbd', '--state', state]);
    const settings = await withLink(pty, 9600, (link) => new JbdClient(link).readSettings());
    expect(settings.covp).toBe(3620);
    expect(await second.stop()).toBe(0);
  });

  it('refuses an unknown family, --enrol with a field family, and a state file of another family', async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    expect(await run(['--pty', join(folder, 'x'), '--family', 'seplos'], io, Promise.resolve())).not.toBe(0);
    expect(await run(['--pty', join(folder, 'x'), '--family', 'jk', '--enrol', 'k.pub'], io, Promise.resolve())).not.toBe(0);
    const state = join(folder, 'daly.json');
    const daly = await startCli(['--pty', join(folder, 'd'), '--family', 'daly', '--state', state]);
    await daly.stop();
    expect(await run(['--pty', join(folder, 'j'), '--family', 'jbd', '--state', state], io, Promise.resolve())).not.toBe(0);
    expect(out.join('')).toMatch(/--family must be one of bms, mcumgr, libresolar, jbd, jk, daly/);
    expect(out.join('')).toMatch(/daly device, not jbd/);
  });
});
