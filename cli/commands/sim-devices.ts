/**
 * The devices `bms-flasher sim` can play behind its pty: one entry of FAMILIES per room of
 * src/lib/core/virtual-bms/, each turned into a SimDevice the command starts, bridges and stops.
 */
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
import { createMcumgrDevice, exampleSettings, exampleSettingsFile, type McumgrDeviceOptions } from '../../src/lib/core/virtual-bms/mcumgr/mcumgr-device';
import { createBank, type BankFamily } from '../../src/lib/core/virtual-bms/bus/bank';
import { CliError, UsageError } from '../args';

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
export interface SimDevice {
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

export interface Family {
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
export const FAMILIES = {
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

export function defaultBaudOf(family: Family, settings: SimOptions): number | undefined {
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


/** Units on one bus behind the pty: the bus paces the wire itself, so the bridge must not. */
export function bankDevice(families: BankFamily[], baudRate: number): SimDevice {
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
