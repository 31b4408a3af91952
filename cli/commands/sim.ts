/**
 * `bms-flasher sim`: the virtual BMS behind a pseudo-terminal, so any serial tool (this CLI, mcumgr,
 * smpmgr, mbpoll, a terminal) can talk to it as it would to a real BMS behind a USB-RS485 adapter.
 * `--family` picks the device it plays: one entry of FAMILIES per room of src/lib/core/virtual-bms/.
 */
import { existsSync, renameSync } from 'node:fs';
import { parseAnyKeyPem, keyFingerprint } from '../../src/lib/core/image/keys';
import { createVirtualBms, type VirtualBms, type VirtualBmsState } from '../../src/lib/core/virtual-bms/virtual-bms';
import { createFieldRoom, FIELD_ROOMS, type FieldFamily, type FieldRoomState } from '../../src/lib/core/virtual-bms/field-rooms';
import { createLibreSolarBms } from '../../src/lib/core/virtual-bms/libresolar/libresolar-bms';
import { isLibreSolarBoard, LIBRESOLAR_BOARDS } from '../../src/lib/core/virtual-bms/libresolar/libresolar-boards';
import { CAN_BITRATES } from '../../src/lib/core/link/can/can-frame';
import { VirtualCanBus } from '../../src/lib/core/virtual-bms/can/virtual-can-bus';
import { VirtualSlcanAdapter } from '../../src/lib/core/virtual-bms/can/virtual-slcan-adapter';
import type { DevicePort } from '../../src/lib/core/link/device-port';
import { connectPacedLink } from '../../src/lib/core/link/paced-link';
import { SmpClient } from '../../src/lib/core/protocol/smp/smp-client';
import { echo } from '../../src/lib/core/protocol/smp/groups/os-group';
import {
  createMcumgrDevice,
  exampleSettings,
  exampleSettingsFile,
  type McumgrDeviceOptions
} from '../../src/lib/core/virtual-bms/mcumgr/mcumgr-device';
import { startPtyBridge, type PtyBridge } from '../../src/lib/platform/node/pty-bridge';
import { BANK_FAMILIES, createBank, type BankFamily } from '../../src/lib/core/virtual-bms/bus/bank';
import { CliError, parseCommandLine, parseInteger, processIo, readText, runCommand, UsageError, writeOutput, type CliIo } from '../args';

export const summary = 'run the virtual BMS on a pseudo-terminal for any serial tool';

const usage = `usage: bms-flasher sim --pty PATH [--family NAME] [--baud N] [--state FILE] [options]

Creates PATH, a link to a pseudo-terminal (made with socat), where the virtual device answers once it
has booted. Then, in another terminal:  bms-flasher flash --port PATH …  (or mcumgr, smpmgr, mbpoll,
screen).

  --pty PATH       where to create the link (an old link from an earlier run is replaced)
  --family NAME    bms: our BMS (SMP group 64, technician sessions, battery readings; default)
                   mcumgr: a stock MCUboot + mcumgr device (Zephyr smp_svr: shell on the UART,
                   no BMS group, no authentication, no battery readings)
                   libresolar: a LibreSolar BMS speaking ThingSet text mode (paced, 115200 by default)
                   jbd, jk, daly: a field BMS that cannot be flashed (JBD general protocol, JK-PB
                   Modbus RTU, Daly UART), answering on the same battery model
  --baud N         pace the bytes at N baud, 8N1, both ways, like a real UART (default: unpaced)
  --state FILE     load the device from FILE when it exists; save it there on exit (not libresolar)
  --enrol FILE     bms: enrol this technician public key (PEM; a private key file such as technician.pem works)
  --no-swap        mcumgr: a bootloader that never swaps (slot 1 stays pending, slot 0 runs again)
  --settings KIND  mcumgr: keep example settings in the settings group ("group"), in a file on the
                   file-system group ("file", /lfs/settings.txt) or both ("both")
  --board NAME     libresolar: the board and its bootloader (${Object.keys(LIBRESOLAR_BOARDS).join(', ')}; default 16s100-sc,
                   bms-c1 with --can)
  --can            libresolar: a USB-CAN adapter (SLCAN) on the pty instead of the serial port, the board as
                   node 0x01 on the bus behind it (ThingSet binary over ISO-TP; bms-c1 or 8s50-ic)
  --bitrate N      with --can: the bus bit rate (default 500000; the adapter must be opened at the same)
  --units N        a battery bank: N units of --family (${BANK_FAMILIES.join(', ')}) on one half-duplex RS485
                   bus, numbered 1…N (our BMS: its rs485_address; JK-PB: its Modbus slave id); the bus
                   paces every byte at --baud (default 115200). See docs/rs485.md
  --mix LIST       a mixed bank, one family per unit in bus order, e.g. bms,bms,jk,bms,jbd (one jbd and
                   one daly at most: their protocols carry no unit address)

Runs until Ctrl-C or SIGTERM.`;

const options = {
  pty: { type: 'string' },
  family: { type: 'string' },
  baud: { type: 'string' },
  state: { type: 'string' },
  enrol: { type: 'string' },
  'no-swap': { type: 'boolean' },
  settings: { type: 'string' },
  board: { type: 'string' },
  can: { type: 'boolean' },
  bitrate: { type: 'string' },
  units: { type: 'string' },
  mix: { type: 'string' }
} as const;

export interface SimOptions {
  pty: string;
  /** default 'bms' */
  family?: FamilyName;
  baudRate?: number;
  statePath?: string;
  enrolPath?: string;
  /** mcumgr: the bootloader never swaps */
  noSwap?: boolean;
  /** mcumgr: where its example settings live */
  settings?: 'group' | 'file' | 'both';
  /** libresolar: the board */
  board?: string;
  /** libresolar: on a CAN bus behind a virtual SLCAN adapter */
  can?: boolean;
  /** with can: the bus bit rate */
  bitrate?: number;
  /** a bank on one RS485 bus: one family per unit */
  bank?: BankFamily[];
}

/** What every room looks like to this command. */
interface SimDevice {
  readonly port: DevicePort;
  /** the SMP rooms' full model (the tests and the banner read it) */
  readonly bms?: VirtualBms;
  /** resolves once the device answers on its UART */
  ready(): Promise<void>;
  /** one line about the device for the console */
  describe(): string;
  exportState?(): unknown;
  powerOff(): Promise<void>;
}

interface Family {
  /** the device options this family takes (others are refused) */
  options: (keyof SimOptions)[];
  /** a line that must be paced for the device to work (its receiver locks while it answers) */
  defaultBaud?: number | ((settings: SimOptions) => number | undefined);
  create(settings: SimOptions, state: unknown): SimDevice;
}

const firmwareOf = (bms: VirtualBms) => bms.snapshot().slots[0]?.version ?? 'none';

/** An SMP room: ready once settled and answering an echo. */
function smpDevice(bms: VirtualBms, describe: () => string): SimDevice {
  return {
    port: bms.port,
    bms,
    ready: async () => {
      await bms.settled();
      await untilAnswering(bms.port);
    },
    describe,
    exportState: () => bms.exportState(),
    powerOff: () => bms.settled()
  };
}

function fieldFamily(family: FieldFamily): Family {
  return {
    options: [],
    create: (_settings, state) => {
      const room = createFieldRoom(family, state as FieldRoomState | undefined);
      return { port: room.port, ready: async () => {}, describe: () => `virtual ${room.describe()}`, exportState: () => room.exportState(), powerOff: async () => {} };
    }
  };
}

/** The devices `sim` can play: one entry per room of the virtual BMS. */
const FAMILIES = {
  bms: {
    options: ['enrolPath'],
    create: (_settings, state) => {
      const bms = createVirtualBms({ state: state as VirtualBmsState | undefined });
      return smpDevice(
        bms,
        () =>
          `virtual BMS ${bms.identity.model} serial ${bms.identity.serial}, hardware ${bms.identity.hwRev}, firmware ${firmwareOf(bms)}, ` +
          `state of charge ${(bms.battery.state.socPm / 10).toFixed(0)} %`
      );
    }
  },
  mcumgr: {
    options: ['noSwap', 'settings'],
    create: (settings, state) => {
      const where = settings.settings;
      const device: McumgrDeviceOptions = {
        state: state as VirtualBmsState | undefined,
        swap: !settings.noSwap,
        settings: where === 'group' || where === 'both' ? exampleSettings() : undefined,
        files: where === 'file' || where === 'both' ? exampleSettingsFile() : undefined
      };
      const bms = createMcumgrDevice(device);
      return smpDevice(
        bms,
        () =>
          `virtual stock mcumgr device (Zephyr smp_svr), firmware ${firmwareOf(bms)}, ${bms.snapshot().nextBoot === 'none' ? '' : 'update pending, '}` +
          `no BMS group, no authentication`
      );
    }
  },
  libresolar: {
    options: ['board', 'can', 'bitrate'],
    // its UART locks while it answers; a USB-CAN adapter is a CDC device with no line to pace
    defaultBaud: (settings) => (settings.can ? undefined : 115200),
    create: (settings, state) => {
      if (settings.can) return libreSolarOnCan(settings, state);
      if (settings.bitrate !== undefined) throw new UsageError('--bitrate needs --can');
      const board = settings.board ?? '16s100-sc';
      if (!isLibreSolarBoard(board)) throw new UsageError(`--board ${board}: use ${Object.keys(LIBRESOLAR_BOARDS).join(' or ')}`);
      if (state !== undefined) throw new UsageError('--state does not apply to --family libresolar (its Conf lives in the room only)');
      const bms = createLibreSolarBms({ board });
      const { deviceType, bootloader } = bms.board;
      return {
        port: bms.port,
        ready: () => bms.settled(),
        describe: () => `virtual LibreSolar ${deviceType}, MCUboot ${bootloader.mode}${bootloader.canRevert ? ' with revert' : ', no revert'}; ThingSet text mode`,
        powerOff: () => bms.powerOff()
      };
    }
  },
  ...(Object.fromEntries(Object.keys(FIELD_ROOMS).map((name) => [name, fieldFamily(name as FieldFamily)])) as Record<FieldFamily, Family>)
} satisfies Record<string, Family>;

export type FamilyName = keyof typeof FAMILIES;

/** A LibreSolar CAN board as node 0x01 on a paced virtual bus, a virtual SLCAN adapter on the pty. */
function libreSolarOnCan(settings: SimOptions, state: unknown): SimDevice {
  const board = settings.board ?? 'bms-c1';
  if (!isLibreSolarBoard(board) || !LIBRESOLAR_BOARDS[board].can) {
    const canBoards = Object.values(LIBRESOLAR_BOARDS).filter((b) => b.can).map((b) => b.id);
    throw new UsageError(`--board ${board} with --can: use ${canBoards.join(' or ')} (the boards with ThingSet over CAN)`);
  }
  if (state !== undefined) throw new UsageError('--state does not apply to --family libresolar (its Conf lives in the room only)');
  const bitrate = settings.bitrate ?? 500_000;
  if (!(CAN_BITRATES as readonly number[]).includes(bitrate)) throw new UsageError(`--bitrate ${bitrate}: use one of ${CAN_BITRATES.join(', ')}`);
  const bus = new VirtualCanBus({ bitrate, pace: true });
  const adapter = new VirtualSlcanAdapter(bus);
  const bms = createLibreSolarBms({ board, can: { bus } });
  const { deviceType, bootloader } = bms.board;
  return {
    port: adapter,
    ready: async () => {
      // Its address claim goes out when the firmware has started.
      while (bms.status !== 'app') await new Promise((resolve) => setTimeout(resolve, 20));
    },
    describe: () =>
      `virtual LibreSolar ${deviceType} as CAN node 0x${bms.canAddress!.toString(16).padStart(2, '0')} at ${bitrate / 1000} kbit/s behind a virtual SLCAN adapter, ` +
      `MCUboot ${bootloader.mode}${bootloader.canRevert ? ' with revert' : ', no revert'}; ThingSet binary over ISO-TP`,
    powerOff: () => bms.powerOff()
  };
}

function defaultBaudOf(family: Family, settings: SimOptions): number | undefined {
  return typeof family.defaultBaud === 'function' ? family.defaultBaud(settings) : family.defaultBaud;
}

/** Until the device answers an echo on its own UART, or fails after `timeoutMs` (a bootloader swap takes seconds). */
async function untilAnswering(port: DevicePort, timeoutMs = 60_000): Promise<void> {
  const link = connectPacedLink(port, { pace: false, label: 'sim start-up probe' });
  const client = new SmpClient(link, { timeoutMs: 250, retries: 0 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await echo(client, 'sim start-up');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new CliError(`the virtual device did not answer within ${timeoutMs / 1000} s: ${String(error)}`);
      }
    }
  } finally {
    await client.close();
    await link.close();
  }
}

export interface Sim {
  readonly device: SimDevice;
  /** the SMP families' model (undefined for ThingSet and field rooms) */
  readonly bms: VirtualBms;
  /** Fingerprint of the technician key enrolled with --enrol. */
  readonly enrolled?: string;
  readonly bridge: PtyBridge;
  /** one line about the device */
  readonly summary: string;
  /** Stops the bridge and, with a state file, saves the device into it. */
  stop(): Promise<void>;
}

/** Units on one bus behind the pty: the bus paces the wire itself, so the bridge must not. */
function bankDevice(families: BankFamily[], baudRate: number): SimDevice {
  const bank = createBank(families.map((family) => ({ family })), { bus: { baudRate } });
  return {
    port: bank.bus.adapter,
    ready: async () => {
      // Our units answer addressed frames only: wait for each to run its application instead of an echo.
      const deadline = Date.now() + 60_000;
      while (bank.units.some((unit) => unit.bms && unit.bms.status !== 'app')) {
        if (Date.now() > deadline) throw new CliError('the bank did not start within 60 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    describe: () => `virtual RS485 bus at ${baudRate} baud with ${bank.units.length} units:\n${bank.bus.taps.map((tap) => `  ${tap.label}`).join('\n')}`,
    powerOff: () => bank.close()
  };
}

export async function startSim(settings: SimOptions): Promise<Sim> {
  const { statePath, enrolPath } = settings;
  const family: Family = FAMILIES[settings.family ?? 'bms'];
  const state = statePath && existsSync(statePath) ? parseState(readText(statePath), statePath) : undefined;
  const device = settings.bank ? bankDevice(settings.bank, settings.baudRate ?? 115_200) : family.create(settings, state);
  const technicianKey = enrolPath ? parseAnyKeyPem(readText(enrolPath)).publicKey : undefined;
  if (technicianKey) await device.bms?.enrolTechnicianKey(technicianKey);
  // A client may open the path the moment it exists: it must find a device that answers.
  await device.ready();
  const bridge = await startPtyBridge(device.port, { path: settings.pty, baudRate: settings.bank ? undefined : (settings.baudRate ?? defaultBaudOf(family, settings)) });
  let stopping: Promise<void> | undefined;
  return {
    device,
    bms: device.bms as VirtualBms,
    bridge,
    enrolled: technicianKey && keyFingerprint(technicianKey),
    summary: device.describe(),
    stop: () =>
      (stopping ??= (async () => {
        await bridge.close();
        await device.powerOff();
        if (statePath && device.exportState) {
          // Write then rename: an interrupted save never leaves a half-written state behind.
          writeOutput(`${statePath}.tmp`, `${JSON.stringify(device.exportState())}\n`);
          renameSync(`${statePath}.tmp`, statePath);
        }
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
    const bitrate = parseInteger(values.bitrate, 'bitrate');
    if (baudRate !== undefined && baudRate <= 0) throw new UsageError('--baud must be greater than 0');
    const settings: SimOptions = {
      pty: values.pty,
      family: familyName(values.family),
      baudRate,
      statePath: values.state,
      enrolPath: values.enrol,
      noSwap: values['no-swap'],
      settings: settingsKind(values.settings),
      board: values.board,
      can: values.can,
      bitrate,
      bank: bankFamilies(values.units, values.mix, values.family)
    };
    if (settings.bank && (values.state || values.enrol)) throw new UsageError('--state and --enrol do not apply to a bank (--units / --mix)');
    checkFamilyOptions(settings);
    const sim = await startSim(settings);
    io.out(`${sim.summary}\n`);
    if (sim.enrolled) io.out(`enrolled technician key ${sim.enrolled}\n`);
    const family: Family = FAMILIES[settings.family ?? 'bms'];
    const paced = settings.bank ? (settings.baudRate ?? 115_200) : (settings.baudRate ?? defaultBaudOf(family, settings));
    io.out(`listening on ${sim.bridge.path} (${paced ? `${paced} baud, 8N1, paced` : 'unpaced'}); Ctrl-C to stop\n`);
    const stoppedBy = await Promise.race([until.then(() => 'interrupt'), sim.bridge.stopped]);
    await sim.stop();
    if (values.state) io.out(`saved the device to ${values.state}\n`);
    if (stoppedBy === 'interrupt' || stoppedBy === 'closed') return 0;
    io.err(`the simulator stopped: ${stoppedBy}\n`);
    return 1;
  });
}

function familyName(text: string | undefined): FamilyName {
  if (text === undefined) return 'bms';
  if (!(text in FAMILIES)) throw new UsageError(`--family must be one of ${Object.keys(FAMILIES).join(', ')}`);
  return text as FamilyName;
}

/** `--units N` of one family, or `--mix a,b,c`: one family per unit. */
function bankFamilies(units: string | undefined, mix: string | undefined, family: string | undefined): BankFamily[] | undefined {
  if (units === undefined && mix === undefined) return undefined;
  const count = units === undefined ? undefined : parseInteger(units, 'units');
  if (count !== undefined && (count < 1 || count > 247)) throw new UsageError('--units must be 1 to 247');
  if (mix !== undefined && family !== undefined) throw new UsageError('--mix names the family of each unit: leave out --family');
  const list = mix === undefined ? Array.from({ length: count as number }, () => family ?? 'bms') : mix.split(',').map((name) => name.trim());
  for (const name of list) {
    if (!(BANK_FAMILIES as readonly string[]).includes(name)) throw new UsageError(`a bank unit must be one of ${BANK_FAMILIES.join(', ')}, not ${name}`);
  }
  if (count !== undefined && list.length !== count) throw new UsageError(`--mix lists ${list.length} units but --units says ${count}`);
  for (const single of ['jbd', 'daly']) {
    if (list.filter((name) => name === single).length > 1) throw new UsageError(`one ${single} board per bus at most: its protocol carries no unit address`);
  }
  return list as BankFamily[];
}

function settingsKind(text: string | undefined): SimOptions['settings'] {
  if (text === undefined || text === 'group' || text === 'file' || text === 'both') return text;
  throw new UsageError('--settings must be group, file or both');
}

const OPTION_NAMES: Partial<Record<keyof SimOptions, string>> = {
  enrolPath: '--enrol',
  noSwap: '--no-swap',
  settings: '--settings',
  board: '--board',
  can: '--can',
  bitrate: '--bitrate'
};

/** A device option of another family is a mistake worth saying, not something to ignore. */
function checkFamilyOptions(settings: SimOptions): void {
  const family: Family = FAMILIES[settings.family ?? 'bms'];
  for (const [option, flag] of Object.entries(OPTION_NAMES) as [keyof SimOptions, string][]) {
    if (settings[option] !== undefined && !family.options.includes(option)) {
      throw new UsageError(`${flag} does not apply to --family ${settings.family ?? 'bms'}`);
    }
  }
}

/** Only JSON syntax is checked here: each room validates the content (DEVICE_STATE_INVALID). */
function parseState(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is not a saved simulator state (JSON): ${(error as Error).message}`);
  }
}
