/**
 * `bms-flasher sim`: the virtual BMS behind a pseudo-terminal, so any serial tool (this CLI, mcumgr,
 * smpmgr, a terminal) can update it as it would a real BMS behind a USB-RS485 adapter. `--family`
 * picks the device it plays (one entry of FAMILIES per room of src/lib/core/virtual-bms/).
 */
import { existsSync, renameSync } from 'node:fs';
import { parseAnyKeyPem, keyFingerprint } from '../../src/lib/core/image/keys';
import { createVirtualBms, type VirtualBms, type VirtualBmsState } from '../../src/lib/core/device/virtual-bms';
import type { DevicePort } from '../../src/lib/core/device/device-port';
import { connectPacedLink } from '../../src/lib/core/link/paced-link';
import { SmpClient } from '../../src/lib/core/smp/smp-client';
import { echo } from '../../src/lib/core/smp/groups/os-group';
import {
  createMcumgrDevice,
  exampleSettings,
  exampleSettingsFile,
  type McumgrDeviceOptions
} from '../../src/lib/core/virtual-bms/mcumgr/mcumgr-device';
import { startPtyBridge, type PtyBridge } from '../../src/lib/platform/node/pty-bridge';
import { CliError, parseCommandLine, parseInteger, processIo, readText, runCommand, UsageError, writeOutput, type CliIo } from '../args';

export const summary = 'run the virtual BMS on a pseudo-terminal for any serial tool';

const usage = `usage: bms-flasher sim --pty PATH [--family bms|mcumgr] [--baud N] [--state FILE] [options]

Creates PATH, a link to a pseudo-terminal (made with socat), where the virtual device answers SMP over
serial, once it has booted. Then, in another terminal:  bms-flasher flash --port PATH …  (or mcumgr,
smpmgr, screen).

  --pty PATH       where to create the link (an old link from an earlier run is replaced)
  --family NAME    bms: our BMS (SMP group 64, technician sessions, battery readings; default)
                   mcumgr: a stock MCUboot + mcumgr device (Zephyr smp_svr: shell on the UART,
                   no BMS group, no authentication, no battery readings)
  --baud N         pace the bytes at N baud, 8N1, both ways, like a real UART (default: unpaced)
  --state FILE     load the device (flash, keys, battery) from FILE when it exists; save it there on exit
  --enrol FILE     bms: enrol this technician public key (PEM; a private key file such as technician.pem works)
  --no-swap        mcumgr: a bootloader that never swaps (slot 1 stays pending, slot 0 runs again)
  --settings KIND  mcumgr: keep example settings in the settings group ("group"), in a file on the
                   file-system group ("file", /lfs/settings.txt) or both ("both")

Runs until Ctrl-C or SIGTERM.`;

const options = {
  pty: { type: 'string' },
  family: { type: 'string' },
  baud: { type: 'string' },
  state: { type: 'string' },
  enrol: { type: 'string' },
  'no-swap': { type: 'boolean' },
  settings: { type: 'string' }
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
}

interface Family {
  /** the device options this family takes (others are refused) */
  options: (keyof SimOptions)[];
  create(settings: SimOptions, state: VirtualBmsState | undefined): VirtualBms;
  /** one line about the device for the console */
  describe(bms: VirtualBms): string;
}

const firmwareOf = (bms: VirtualBms) => bms.snapshot().slots[0]?.version ?? 'none';

/** The devices `sim` can play: one entry per room of the virtual BMS. */
const FAMILIES = {
  bms: {
    options: ['enrolPath'],
    create: (_settings, state) => createVirtualBms({ state }),
    describe: (bms) =>
      `virtual BMS ${bms.identity.model} serial ${bms.identity.serial}, hardware ${bms.identity.hwRev}, firmware ${firmwareOf(bms)}, ` +
      `state of charge ${(bms.battery.state.socPm / 10).toFixed(0)} %`
  },
  mcumgr: {
    options: ['noSwap', 'settings'],
    create: (settings, state) => {
      const where = settings.settings;
      const device: McumgrDeviceOptions = {
        state,
        swap: !settings.noSwap,
        settings: where === 'group' || where === 'both' ? exampleSettings() : undefined,
        files: where === 'file' || where === 'both' ? exampleSettingsFile() : undefined
      };
      return createMcumgrDevice(device);
    },
    describe: (bms) =>
      `virtual stock mcumgr device (Zephyr smp_svr), firmware ${firmwareOf(bms)}, ${bms.snapshot().nextBoot === 'none' ? '' : 'update pending, '}` +
      `no BMS group, no authentication`
  }
} satisfies Record<string, Family>;

export type FamilyName = keyof typeof FAMILIES;

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
  const bms = family.create(settings, state);
  const technicianKey = enrolPath ? parseAnyKeyPem(readText(enrolPath)).publicKey : undefined;
  if (technicianKey) await bms.enrolTechnicianKey(technicianKey);
  await bms.settled();
  // A client may open the path the moment it exists: it must find a device that answers.
  await untilAnswering(bms.port);
  const bridge = await startPtyBridge(bms.port, { path: settings.pty, baudRate: settings.baudRate });
  let stopping: Promise<void> | undefined;
  return {
    bms,
    bridge,
    enrolled: technicianKey && keyFingerprint(technicianKey),
    summary: family.describe(bms),
    stop: () =>
      (stopping ??= (async () => {
        await bridge.close();
        await bms.settled();
        if (statePath) {
          // Write then rename: an interrupted save never leaves a half-written state behind.
          writeOutput(`${statePath}.tmp`, `${JSON.stringify(bms.exportState())}\n`);
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
    if (baudRate !== undefined && baudRate <= 0) throw new UsageError('--baud must be greater than 0');
    const settings: SimOptions = {
      pty: values.pty,
      family: familyName(values.family),
      baudRate,
      statePath: values.state,
      enrolPath: values.enrol,
      noSwap: values['no-swap'],
      settings: settingsKind(values.settings)
    };
    checkFamilyOptions(settings);
    const sim = await startSim(settings);
    io.out(`${sim.summary}\n`);
    if (sim.enrolled) io.out(`enrolled technician key ${sim.enrolled}\n`);
    io.out(`listening on ${sim.bridge.path} (${baudRate ? `${baudRate} baud, 8N1, paced` : 'unpaced'}); Ctrl-C to stop\n`);
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

function settingsKind(text: string | undefined): SimOptions['settings'] {
  if (text === undefined || text === 'group' || text === 'file' || text === 'both') return text;
  throw new UsageError('--settings must be group, file or both');
}

const OPTION_NAMES: Partial<Record<keyof SimOptions, string>> = { enrolPath: '--enrol', noSwap: '--no-swap', settings: '--settings' };

/** A device option of another family is a mistake worth saying, not something to ignore. */
function checkFamilyOptions(settings: SimOptions): void {
  const family: Family = FAMILIES[settings.family ?? 'bms'];
  for (const [option, flag] of Object.entries(OPTION_NAMES) as [keyof SimOptions, string][]) {
    if (settings[option] !== undefined && !family.options.includes(option)) {
      throw new UsageError(`${flag} does not apply to --family ${settings.family ?? 'bms'}`);
    }
  }
}

/** Only JSON syntax is checked here: createVirtualBms validates the content (DEVICE_STATE_INVALID). */
function parseState(text: string, path: string): VirtualBmsState {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is not a saved simulator state (JSON): ${(error as Error).message}`);
  }
}
