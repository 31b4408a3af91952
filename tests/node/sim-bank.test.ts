/**
 * `bms-flasher sim --units / --mix`: a bank on one RS485 bus behind a real pty, found by
 * `bms-flasher scan` over serialport as it would find a real bank behind a USB-RS485 adapter.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as runSim } from '../../cli/commands/sim';
import { run as runScan } from '../../cli/commands/scan';
import { SOCAT } from '../../src/lib/platform/node/pty-bridge';

const hasSocat = existsSync(SOCAT);
if (!hasSocat) console.warn(`sim --units tests skipped: ${SOCAT} is missing (sudo apt-get install socat)`);

async function startSim(args: string[]) {
  const out: string[] = [];
  const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
  let interrupt!: () => void;
  const until = new Promise<void>((resolve) => (interrupt = resolve));
  let ended = false;
  const exit = run(args);
  function run(a: string[]) {
    return runSim(a, io, until).finally(() => (ended = true));
  }
  while (!ended && !out.join('').includes('listening on')) await new Promise((resolve) => setTimeout(resolve, 20));
  return { out, stop: () => (interrupt(), exit) };
}

async function scan(args: string[]) {
  const out: string[] = [];
  const code = await runScan(args, { out: (t) => void out.push(t), err: (t) => void out.push(t) });
  return { code, text: out.join('') };
}

describe.skipIf(!hasSocat)('bms-flasher sim --units (R12)', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bms-sim-bank-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('R12 a mixed bank on the pty (our BMS and a JK-PB at 115200): scan lists each unit with its family and address', { timeout: 60_000 }, async () => {
    const pty = join(folder, 'bus');
    const sim = await startSim(['--pty', pty, '--mix', 'bms,jk,bms']);
    expect(sim.out.join('')).toContain('virtual RS485 bus at 115200 baud with 3 units');
    const { code, text } = await scan(['--port', pty, '--range', '1-4', '--json', '--timeout', '200']);
    const result = JSON.parse(text);
    expect(result.units.map((u: { family: string; address?: number }) => [u.family, u.address ?? null])).toEqual([
      ['bms', 1],
      ['jk', 2],
      ['bms', 3]
    ]);
    expect(code).toBe(0);
    expect(await sim.stop()).toBe(0);
  });

  it('refuses two JBD boards on one bus and options that do not apply to a bank', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) };
    expect(await runSim(['--pty', join(folder, 'x'), '--mix', 'jbd,bms,jbd'], io, Promise.resolve())).toBe(2);
    expect(out.join('')).toContain('one jbd board per bus at most');
    expect(await runSim(['--pty', join(folder, 'x'), '--units', '2', '--state', join(folder, 's.json')], io, Promise.resolve())).toBe(2);
  });
});
