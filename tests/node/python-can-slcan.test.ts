/**
 * An independent peer on the CAN path: Debian's python-can 4.1 (its `slcan` interface, run with
 * /usr/bin/python3) opens the virtual SLCAN adapter on a real pty (socat) and talks to the virtual
 * foxBMS 2 node on the virtual bus: the status probe of the foxBMS host, and the application's
 * telemetry, decoded by our DBC decoder and compared with the battery model behind it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataFrame } from '../../src/lib/core/link/can/can-frame';
import { encodeSlcanLine } from '../../src/lib/core/link/can/slcan-codec';
import { connectPacedLink } from '../../src/lib/core/link/paced-link';
import { SlcanAdapter } from '../../src/lib/core/link/can/slcan-adapter';
import { FoxBmsBootloaderClient } from '../../src/lib/core/protocol/foxbms/foxbms-client';
import { prepareFoxBinary } from '../../src/lib/core/protocol/foxbms/foxbms-binary';
import { REQUEST_VECTORS } from '../../src/lib/core/protocol/foxbms/foxbms-vectors';
import { applyFoxAppFrame, emptyFoxTelemetry } from '../../src/lib/core/protocol/foxbms/foxbms-telemetry';
import { VirtualCanBus } from '../../src/lib/core/virtual-bms/can/virtual-can-bus';
import { VirtualSlcanAdapter } from '../../src/lib/core/virtual-bms/can/virtual-slcan-adapter';
import { FoxBmsNode } from '../../src/lib/core/virtual-bms/foxbms/foxbms-node';
import { SOCAT, startPtyBridge, type PtyBridge } from '../../src/lib/platform/node/pty-bridge';

const PYTHON = '/usr/bin/python3';
const hasPythonCan = existsSync(SOCAT) && spawnSync(PYTHON, ['-c', 'import can'], { stdio: 'ignore' }).status === 0;
if (!hasPythonCan) console.warn('python-can peer tests skipped: needs socat and python3-can (sudo apt-get install socat python3-can)');

/** python-can's side: open the adapter at 500 kbit/s, then run `body`; frames are printed as `RX <id> <hex>`. */
const PRELUDE = `
import can, sys, time
bus = can.Bus(interface="slcan", channel=sys.argv[1], bitrate=500000, ttyBaudrate=115200)
def show(m): print("RX %03X %s" % (m.arbitration_id, m.data.hex().upper()), flush=True)
def ask(action, answer_id):
    bus.send(can.Message(arbitration_id=0x400, is_extended_id=False, data=[action, 0, 0, 0, 0, 0, 0, 0]))
    end = time.time() + 2
    while time.time() < end:
        m = bus.recv(0.2)
        if m is not None and m.arbitration_id == answer_id and (answer_id != 0x410 or m.data[0] == 0):
            show(m)
            return
    print("NO ANSWER %03X" % answer_id, flush=True)
print("READY", flush=True)
`;

function runPython(body: string, path: string): { child: ChildProcess; output: Promise<string>; ready: Promise<void> } {
  const child = spawn(PYTHON, ['-c', `${PRELUDE}\n${body}\nbus.shutdown()\n`, path], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('READY')) markReady();
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const output = new Promise<string>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`python exited ${code}: ${err}`))))
  );
  return { child, output, ready };
}

/** `RX 495 0101000000000000` → the SLCAN line the same frame makes. */
function asSlcan(line: string): string {
  const [, id, hex] = line.split(' ');
  const frame = dataFrame(parseInt(id, 16), (hex.match(/../g) ?? []).map((b) => parseInt(b, 16)));
  return new TextDecoder().decode(encodeSlcanLine({ kind: 'frame', frame })).trimEnd();
}

describe.skipIf(!hasPythonCan)('python-can slcan ↔ virtual SLCAN adapter on a pty ↔ virtual foxBMS 2', () => {
  let folder: string;
  let bridge: PtyBridge | undefined;
  let python: ChildProcess | undefined;
  let node: FoxBmsNode | undefined;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bms-can-test-'));
  });
  afterEach(async () => {
    if (python && python.exitCode === null) python.kill('SIGTERM');
    node?.powerOff();
    await bridge?.close();
    bridge = python = node = undefined;
    await rm(folder, { recursive: true, force: true });
  });

  it('R12 python-can sends the foxBMS status probe and reads the bootloader answers of the real v1.11.0', async () => {
    const bus = new VirtualCanBus({ bitrate: 500_000 });
    node = new FoxBmsNode(bus);
    const adapter = new VirtualSlcanAdapter(bus);
    const path = join(folder, 'slcan');
    bridge = await startPtyBridge(adapter, { path });
    node.powerOn(); // empty flash: after its 500 ms window the bootloader keeps waiting
    const run = runPython('ask(4, 0x495)\nask(5, 0x490)\nask(6, 0x410)', path);
    python = run.child;
    const lines = (await run.output).split('\n').filter((l) => l.startsWith('RX') || l.startsWith('NO'));
    expect(lines.map(asSlcan)).toEqual([REQUEST_VECTORS.answerFsmStates, REQUEST_VECTORS.answerTransferInfo, REQUEST_VECTORS.answerVersion]);
    // What python-can wrote, as our adapter parsed it: C, S6, O, O, then the three requests.
    expect(adapter.received.slice(0, 4).map((l) => l.kind)).toEqual(['close', 'bitrate', 'open', 'open']);
  }, 30_000);

  it('R12 R18 python-can receives the telemetry of an application flashed through our SLCAN driver on the same bus', async () => {
    const bus = new VirtualCanBus({ bitrate: 500_000 });
    node = new FoxBmsNode(bus, { cyclePeriodMs: 60_000 }); // one broadcast cycle: every frame from one sample
    const path = join(folder, 'slcan');
    bridge = await startPtyBridge(new VirtualSlcanAdapter(bus), { path });
    // Our side: a second adapter on the same bus, our driver and bootloader client.
    const ours = await SlcanAdapter.open(connectPacedLink(new VirtualSlcanAdapter(bus), { pace: false }), {
      bitrate: 500_000,
      txBufferFrames: Number.POSITIVE_INFINITY
    });
    node.powerOn();
    const client = new FoxBmsBootloaderClient(ours, { sectorPauseMs: 0, firstLoopPauseMs: 0, statusMs: 300 });
    await client.waitForBootloader(2000);
    await client.loadApp(prepareFoxBinary(Uint8Array.from({ length: 32 + 0x800 }, (_, i) => (i * 5 + 1) & 0xff)));
    client.close();
    await ours.close();
    // Power-cycle with python-can listening: boot burst, 500 ms window, then the application's first cycle.
    node.powerOff();
    const run = runPython(
      `end = time.time() + 15
seen = None
while time.time() < end and (seen is None or time.time() < seen + 0.5):
    m = bus.recv(0.2)
    if m is None: continue
    if m.arbitration_id == 0x220 and seen is None: seen = time.time()
    if seen is not None: show(m)`,
      path
    );
    python = run.child;
    await run.ready;
    node.powerOn();

    const lines = (await run.output).split('\n').filter((l) => l.startsWith('RX'));
    const telemetry = emptyFoxTelemetry();
    for (const line of lines) {
      const [, id, hex] = line.split(' ');
      applyFoxAppFrame(telemetry, dataFrame(parseInt(id, 16), (hex.match(/../g) ?? []).map((b) => parseInt(b, 16))));
    }
    const sample = node.lastSample!;
    expect(node.mode).toBe('application');
    expect(telemetry.cellVoltagesMv).toEqual(sample.cells_mv);
    expect(telemetry.cellTemperaturesC.slice(0, sample.temps_dc.length)).toEqual(sample.temps_dc.map((dc) => (dc === null ? null : Math.round(dc / 10))));
    expect(telemetry.socMinPct).toBeCloseTo(sample.soc_pm / 10, 5);
    expect(Math.abs(telemetry.currentA! - sample.current_ma / 1000)).toBeLessThanOrEqual(0.005 + 1e-9); // 0.01 A resolution
  }, 60_000);
});
