/**
 * `bms-flasher sim --family libresolar --can`: the virtual BMS-C1 as ThingSet CAN node 0x01 behind a
 * virtual SLCAN adapter on a real pty. An independent peer — Debian's python-can 4.1, its `slcan`
 * interface, run with /usr/bin/python3 — sees the node's reports, sends a single-frame binary GET the
 * node answers, resets it and sees its address claim; then `bms-flasher can-scan` (started with node)
 * lists the node with its identity.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../cli/commands/sim';
import { SOCAT } from '../../src/lib/platform/node/pty-bridge';
import { CAN_VECTORS } from '../../src/lib/core/protocol/thingset/thingset-vectors';

const ROOT = join(import.meta.dirname, '../..');
const PYTHON = '/usr/bin/python3';
const hasPeer = existsSync(SOCAT) && spawnSync(PYTHON, ['-c', 'import can'], { stdio: 'ignore' }).status === 0;
if (!hasPeer) console.warn('sim --can peer tests skipped: needs socat and python3-can');

/**
 * python-can's side: wait for a report of node 0x01 (type 1), GET rSOC_pct (id 0x7C) in one ISO-TP single
 * frame from host 0x00, print the answer frame, then EXEC Device/xReset (0x4B) and wait for the claim.
 */
const PEER = `
import can, sys, time
bus = can.Bus(interface="slcan", channel=sys.argv[1], bitrate=500000, ttyBaudrate=115200)
def wait(test, seconds, label):
    end = time.time() + seconds
    while time.time() < end:
        m = bus.recv(0.2)
        if m is not None and m.is_extended_id and test(m):
            print("%s %08X %s" % (label, m.arbitration_id, m.data.hex().upper()), flush=True)
            return
    print("NO %s" % label, flush=True)
wait(lambda m: (m.arbitration_id >> 24) & 3 == 1 and m.arbitration_id & 0xFF == 0x01, 5, "REPORT")
bus.send(can.Message(arbitration_id=0x18000100, is_extended_id=True, data=[0x03, 0x01, 0x18, 0x7C]))
wait(lambda m: m.arbitration_id == 0x18000001, 3, "ANSWER")
bus.send(can.Message(arbitration_id=0x18000100, is_extended_id=True, data=[0x04, 0x02, 0x18, 0x4B, 0x80]))
wait(lambda m: (m.arbitration_id >> 24) & 3 == 3 and (m.arbitration_id >> 8) & 0xFF == 0xFF, 5, "CLAIM")
bus.shutdown()
`;

function spawnOutput(command: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

describe.skipIf(!hasPeer)('bms-flasher sim --family libresolar --can', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bms-libresolar-can-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('R12 python-can sees the node\'s reports, gets an answer to a single-frame GET and its address claim after a reset; can-scan lists it', async () => {
    const pty = join(folder, 'slcan');
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    let interrupt!: () => void;
    const exit = run(['--family', 'libresolar', '--can', '--bitrate', '500000', '--pty', pty], io, new Promise<void>((resolve) => (interrupt = resolve)));
    try {
      while (!existsSync(pty)) await new Promise((resolve) => setTimeout(resolve, 20));
      const peer = await spawnOutput(PYTHON, ['-c', PEER, pty]);
      expect(peer.err).toBe('');
      const lines = peer.out.trim().split('\n');
      expect(lines[0]).toMatch(/^REPORT 1D[0-9A-F]{4}01 1F1831/); // priority 7, type 1, from 0x01: `1F 18 31` (mLive)
      // 55.0 % as single precision: 85 F6 FA 42 5C 00 00, one single frame on the answer id
      expect(lines[1]).toBe(`ANSWER 18000001 ${'07 85 F6 FA 42 5C 00 00'.replaceAll(' ', '')}`);
      expect(lines[2]).toBe(`CLAIM ${CAN_VECTORS.claim.id.toString(16).toUpperCase()} 3F8C21D0B7A45E19`);

      const scan = await spawnOutput(process.execPath, ['cli/bms-flasher.js', 'can-scan', '--port', pty, '--listen', '1500', '--json']);
      expect(scan.code).toBe(0);
      const result = JSON.parse(scan.out);
      expect(result).toMatchObject({ bitrate: 500000, adapter: { version: '1013', serial: 'VB01' } });
      expect(result.thingset).toEqual([
        expect.objectContaining({ address: 1, identity: expect.objectContaining({ cManufacturer: 'Libre Solar', cDeviceType: 'BMS C1', cFirmwareVersion: 'v23.1-94-g9ff895e' }) })
      ]);
      expect(result.thingset[0].reports).toBeGreaterThan(0);
      expect(result.foxbms).toBeUndefined();
    } finally {
      interrupt();
    }
    expect(await exit).toBe(0);
    expect(out.join('')).toContain('virtual LibreSolar BMS C1 as CAN node 0x01 at 500 kbit/s');
    expect(out.join('')).toContain('unpaced');
  }, 60_000);

  it('refuses --can with a board that has no CAN, a bit rate SLCAN cannot set, and --bitrate without --can', async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    const pty = join(folder, 'x');
    expect(await run(['--family', 'libresolar', '--can', '--board', '16s100-sc', '--pty', pty], io, Promise.resolve())).toBe(2);
    expect(await run(['--family', 'libresolar', '--can', '--bitrate', '300000', '--pty', pty], io, Promise.resolve())).toBe(2);
    expect(await run(['--family', 'libresolar', '--bitrate', '500000', '--pty', pty], io, Promise.resolve())).toBe(2);
    expect(await run(['--family', 'bms', '--can', '--pty', pty], io, Promise.resolve())).toBe(2);
    expect(out.join('')).toContain('8s50-ic');
  });
});
