/**
 * `bms-flasher sim`: the virtual BMS behind a pseudo-terminal, so any serial tool (this CLI, mcumgr,
 * smpmgr, mbpoll, a terminal) can talk to it as it would to a real BMS behind a USB-RS485 adapter.
 * `--family` picks the device it plays: one entry of FAMILIES per room of src/lib/core/virtual-bms/.
 */
import { existsSync, renameSync } from 'node:fs';
import { parseAnyKeyPem, keyFingerprint } from '../../src/lib/core/image/keys';
import type { VirtualBms } from '../../src/lib/core/virtual-bms/virtual-bms';
import { LIBRESOLAR_BOARDS } from '../../src/lib/core/virtual-bms/libresolar/libresolar-boards';
import { startPtyBridge, type PtyBridge } from '../../src/lib/platform/node/pty-bridge';
import { BANK_FAMILIES, type BankFamily } from '../../src/lib/core/virtual-bms/bus/bank';
import { CliError, parseCommandLine, parseInteger, processIo, readText, runCommand, UsageError, writeOutput, type CliIo } from '../args';
import { bankDevice, defaultBaudOf, FAMILIES, type Family, type FamilyName, type SimDevice, type SimOptions } from './sim-devices';

export type { FamilyName, SimOptions } from './sim-devices';

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
