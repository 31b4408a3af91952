/**
 * `bms-flasher sim`: the virtual BMS behind a pseudo-terminal, so any serial tool (this CLI, mcumgr,
 * smpmgr, a terminal) can update it as it would a real BMS behind a USB-RS485 adapter.
 */
import { existsSync, renameSync } from 'node:fs';
import { parseAnyKeyPem, keyFingerprint } from '../../src/lib/core/image/keys';
import { createVirtualBms, type VirtualBms, type VirtualBmsState } from '../../src/lib/core/virtual-bms/virtual-bms';
import { createFieldRoom, FIELD_ROOMS, isFieldFamily, type FieldFamily, type FieldRoom } from '../../src/lib/core/virtual-bms/field-rooms';
import { startPtyBridge, type PtyBridge } from '../../src/lib/platform/node/pty-bridge';
import { createLibreSolarBms } from '../../src/lib/core/virtual-bms/libresolar/libresolar-bms';
import { isLibreSolarBoard, LIBRESOLAR_BOARDS } from '../../src/lib/core/virtual-bms/libresolar/libresolar-boards';
import { CliError, parseCommandLine, parseInteger, processIo, readText, runCommand, UsageError, writeOutput, type CliIo } from '../args';

export const summary = 'run the virtual BMS on a pseudo-terminal for any serial tool';

const usage = `usage: bms-flasher sim --pty PATH [--family F] [--baud N] [--state FILE] [--enrol technician.pub]
       bms-flasher sim --family libresolar [--board ${Object.keys(LIBRESOLAR_BOARDS).join('|')}] --pty PATH [--baud N]

Creates PATH, a link to a pseudo-terminal (made with socat), where the virtual BMS answers SMP over
serial. Then, in another terminal:  bms-flasher flash --port PATH …  (or mcumgr, smpmgr, screen).

  --pty PATH     where to create the link (an old link from an earlier run is replaced)
  --family F     bms (default: our BMS, SMP); libresolar: a LibreSolar BMS speaking ThingSet text mode;
                 or a field BMS that cannot be flashed: ${Object.keys(FIELD_ROOMS).join(', ')}
                 (JBD general protocol, JK-PB Modbus RTU, Daly UART), answering on the same battery model
  --baud N       pace the bytes at N baud, 8N1, both ways, like a real UART (default: unpaced)
  --state FILE   load the device (flash, keys, battery) from FILE when it exists; save it there on exit
  --enrol FILE   enrol this technician public key (PEM; a private key file such as technician.pem works)
  --board NAME   the LibreSolar board and its bootloader (default 16s100-sc); its line is paced
                 (default 115200 baud), as the device's receiver stays locked while an answer leaves

Runs until Ctrl-C.`;

const options = {
  pty: { type: 'string' },
  family: { type: 'string' },
  baud: { type: 'string' },
  state: { type: 'string' },
  enrol: { type: 'string' },
  board: { type: 'string' }
} as const;

export interface SimOptions {
  pty: string;
  baudRate?: number;
  statePath?: string;
  enrolPath?: string;
}

export interface Sim {
  readonly bms: VirtualBms;
  /** Fingerprint of the technician key enrolled with --enrol. */
  readonly enrolled?: string;
  readonly bridge: PtyBridge;
  /** Stops the bridge and, with a state file, saves the device into it. */
  stop(): Promise<void>;
}

export async function startSim(settings: SimOptions): Promise<Sim> {
  const { statePath, enrolPath } = settings;
  const state = statePath && existsSync(statePath) ? parseState(readText(statePath), statePath) : undefined;
  const bms = createVirtualBms({ state });
  const technicianKey = enrolPath ? parseAnyKeyPem(readText(enrolPath)).publicKey : undefined;
  if (technicianKey) await bms.enrolTechnicianKey(technicianKey);
  await bms.settled();
  const bridge = await startPtyBridge(bms.port, { path: settings.pty, baudRate: settings.baudRate });
  let stopping: Promise<void> | undefined;
  return {
    bms,
    bridge,
    enrolled: technicianKey && keyFingerprint(technicianKey),
    stop: () =>
      (stopping ??= (async () => {
        await bridge.close();
        await bms.settled();
        if (statePath) saveState(statePath, bms.exportState());
      })())
  };
}

/** Write then rename: an interrupted save never leaves a half-written state behind. */
function saveState(path: string, state: unknown): void {
  writeOutput(`${path}.tmp`, `${JSON.stringify(state)}\n`);
  renameSync(`${path}.tmp`, path);
}

export interface FieldSim {
  readonly room: FieldRoom;
  readonly bridge: PtyBridge;
  stop(): Promise<void>;
}

/** A field BMS (JBD, JK, Daly) behind the pty, at its own line rate unless --baud paces it. */
export async function startFieldSim(family: FieldFamily, settings: Omit<SimOptions, 'enrolPath'>): Promise<FieldSim> {
  const { statePath } = settings;
  const room = createFieldRoom(family, statePath && existsSync(statePath) ? parseState(readText(statePath), statePath) : undefined);
  const bridge = await startPtyBridge(room.port, { path: settings.pty, baudRate: settings.baudRate });
  let stopping: Promise<void> | undefined;
  return {
    room,
    bridge,
    stop: () =>
      (stopping ??= (async () => {
        await bridge.close();
        if (statePath) saveState(statePath, room.exportState());
      })())
  };
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilInterrupted(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function run(argv: string[], io: CliIo = processIo, until: Promise<unknown> = untilInterrupted()): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values } = parseCommandLine(argv, options, 0);
    if (!values.pty) throw new UsageError('--pty is required');
    const baudRate = parseInteger(values.baud, 'baud');
    if (baudRate !== undefined && baudRate <= 0) throw new UsageError('--baud must be greater than 0');
    const family = values.family ?? 'bms';
    if (values.board && family !== 'libresolar') throw new UsageError('--board goes with --family libresolar');
    // A LibreSolar BMS locks its receiver while an answer leaves at 115200 baud: the line must be paced.
    if (family === 'libresolar') return runLibreSolar(values.pty, values.board ?? '16s100-sc', baudRate ?? 115200, io, until);
    if (family !== 'bms' && !isFieldFamily(family)) throw new UsageError(`--family must be bms, libresolar, ${Object.keys(FIELD_ROOMS).join(', ')}`);
    if (family !== 'bms') {
      if (values.enrol) throw new UsageError('--enrol applies to --family bms only (field BMS have no technician keys)');
      const field = await startFieldSim(family, { pty: values.pty, baudRate, statePath: values.state });
      io.out(`virtual ${field.room.describe()}\n`);
      io.out(`listening on ${field.bridge.path} (${baudRate ? `${baudRate} baud, 8N1, paced` : 'unpaced'}); Ctrl-C to stop\n`);
      return finish(await Promise.race([until.then(() => 'interrupt'), field.bridge.stopped]), field.stop, values.state, io);
    }
    const sim = await startSim({ pty: values.pty, baudRate, statePath: values.state, enrolPath: values.enrol });
    const { identity, battery } = sim.bms;
    const firmware = sim.bms.snapshot().slots[0]?.version ?? 'none';
    io.out(
      `virtual BMS ${identity.model} serial ${identity.serial}, hardware ${identity.hwRev}, firmware ${firmware}, ` +
        `state of charge ${(battery.state.socPm / 10).toFixed(0)} %\n`
    );
    if (sim.enrolled) io.out(`enrolled technician key ${sim.enrolled}\n`);
    io.out(`listening on ${sim.bridge.path} (${baudRate ? `${baudRate} baud, 8N1, paced` : 'unpaced'}); Ctrl-C to stop\n`);
    return finish(await Promise.race([until.then(() => 'interrupt'), sim.bridge.stopped]), sim.stop, values.state, io);
  });
}

/** The LibreSolar room: ThingSet text mode on the pty (no saved state, no technician keys: the family has neither). */
async function runLibreSolar(pty: string, board: string, baudRate: number, io: CliIo, until: Promise<unknown>): Promise<number> {
  if (!isLibreSolarBoard(board)) throw new UsageError(`--board ${board}: use ${Object.keys(LIBRESOLAR_BOARDS).join(' or ')}`);
  const bms = createLibreSolarBms({ board });
  const bridge = await startPtyBridge(bms.port, { path: pty, baudRate });
  const { deviceType, bootloader } = bms.board;
  await bms.settled();
  io.out(`virtual LibreSolar ${deviceType}, MCUboot ${bootloader.mode}${bootloader.canRevert ? ' with revert' : ', no revert'}; ThingSet text mode\n`);
  io.out(`listening on ${bridge.path} (${baudRate} baud, 8N1, paced); Ctrl-C to stop\n`);
  const stop = async () => {
    await bridge.close();
    await bms.powerOff();
  };
  return finish(await Promise.race([until.then(() => 'interrupt'), bridge.stopped]), stop, undefined, io);
}

async function finish(stoppedBy: string, stop: () => Promise<void>, statePath: string | undefined, io: CliIo): Promise<number> {
  await stop();
  if (statePath) io.out(`saved the device to ${statePath}\n`);
  if (stoppedBy === 'interrupt' || stoppedBy === 'closed') return 0;
  io.err(`the simulator stopped: ${stoppedBy}\n`);
  return 1;
}

/** Only JSON syntax is checked here: createVirtualBms validates the content (DEVICE_STATE_INVALID). */
function parseState<T = VirtualBmsState>(text: string, path: string): T {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is not a saved simulator state (JSON): ${(error as Error).message}`);
  }
}
