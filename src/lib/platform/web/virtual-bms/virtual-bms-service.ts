/**
 * The Virtual BMS worker's work: one simulated board (core/virtual-bms/virtual-bms.ts) kept in IndexedDB, its
 * UART offered as lines (MessagePorts carrying link bytes, link-bridge.ts) for the session worker, and
 * the fault panel's controls. On first use the board is built with this browser's technician key
 * enrolled, so "Try without hardware" works in one click; a real BMS needs its fleet owner to enrol the
 * key. The platform is passed in so Node tests run this module directly.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { DeviceClock } from '../../../core/virtual-bms/board/device-clock';
import { createVirtualBms, type PowerLossTrigger, type PowerStatus, type VirtualBms, type VirtualBmsState } from '../../../core/virtual-bms/virtual-bms';
import { toResult, type Result } from '../../../core/errors';
import type { LinkInfo } from '../../../core/link/link';
import { connectPacedLink, type PacedLink } from '../../../core/link/paced-link';
import { pumpLinkToMessagePort, type BridgePort } from '../session/link-bridge';
import type { BoardSlot, VirtualFamily } from './board-store';
import { createMcumgrDevice } from '../../../core/virtual-bms/mcumgr/mcumgr-device';

export type { VirtualFamily } from './board-store';
import { CLEAN_WIRE, faultyWire, type WireFaults } from './faulty-wire';

/** Everything the fault panel sets; each field applies at once (battery, device, wire). */
export interface VirtualBmsKnobs extends WireFaults {
  /** state of charge, 0.1 % (R01) */
  socPm: number;
  /** temperature of the pack, 0.1 °C, all sensors (R02) */
  temperatureDc: number;
  /** sensors that do not answer (0-based) */
  failedSensors: number[];
  /** supply noise (R03): peak ripple, and drops of `dropMv` caught by a reading with `dropChance` */
  supply: { rippleMv: number; dropMv: number; dropChance: number };
  /** a cell whose balancing does not work (R20), or null */
  stuckCell: number | null;
  /** extra delay before every SMP response, ms (a slow device) */
  responseDelayMs: number;
}

export interface VirtualBmsStatus {
  /** the device the board plays */
  family: VirtualFamily;
  power: PowerStatus;
  model: string;
  serial: string;
  /** version in slot 0 (what runs, or would run) */
  firmware?: string;
  /** what the next reset does: 'none' | 'test' | 'permanent' | 'revert' */
  nextBoot: string;
  knobs: VirtualBmsKnobs;
  /** whether this browser's technician key is enrolled on the board */
  appKeyEnrolled: boolean;
  /** lines open to the board */
  lines: number;
  /** ISO 8601 of the last save */
  savedAt?: string;
}

export interface LineOptions {
  /** the tool's line rate; the board's own rate by default (a matched line) */
  baudRate?: number;
  /** real line timing at the baud rate; by default the panel's choice (paced unless "unpaced" is set) */
  pace?: boolean;
}

export interface VirtualBmsLine {
  /** the page gives it to the session worker (SessionService.connectPort) */
  port: MessagePort;
  info: LinkInfo;
}

export interface VirtualBmsService {
  /** Powers the saved board up (or builds a new one on first use); DEVICE_STATE_INVALID if the save is damaged. */
  start(): Promise<Result<VirtualBmsStatus>>;
  status(): Promise<Result<VirtualBmsStatus>>;
  openLine(options?: LineOptions): Promise<Result<VirtualBmsLine>>;
  set(knobs: Partial<VirtualBmsKnobs>): Promise<Result<VirtualBmsStatus>>;
  powerCycle(): Promise<Result<VirtualBmsStatus>>;
  /** Arms a power cut during a flash stage or at an upload offset (R15, R16). */
  powerLossAt(trigger: PowerLossTrigger): Promise<Result<VirtualBmsStatus>>;
  /** Cuts every open line, as a pulled cable would (R16). */
  dropLines(): Promise<Result<VirtualBmsStatus>>;
  /** A new board from the factory (open lines are cut), with this browser's key enrolled or not. */
  factoryReset(options: { enrolAppKey: boolean; family?: VirtualFamily }): Promise<Result<VirtualBmsStatus>>;
  enrolAppKey(): Promise<Result<VirtualBmsStatus>>;
  /** Saves and powers off (tests; a closing page simply stops the worker). */
  shutdown(): Promise<void>;
}

export interface VirtualBmsPlatform {
  slot: BoardSlot;
  /** this browser's technician public key, created if missing (technician-key.ts) */
  appKey(): Promise<Uint8Array>;
  clock?: DeviceClock;
  /** how often a changed board is saved, ms (default 2000) */
  saveEveryMs?: number;
}

interface Board {
  bms: VirtualBms;
  family: VirtualFamily;
  wire: WireFaults;
  responseDelayMs: number;
  enrolled: string[];
  lines: Set<PacedLink>;
  savedAt?: string;
  /** flash activity at the last save: the board changed when it differs */
  savedOps: string;
}

/**
 * The settings a site commissioned on this board, over the firmware defaults: a firmware that resets the
 * settings then shows a real difference against the backup, as a board in the field would.
 */
export const SITE_SETTINGS = { device_name: 'Demo site rack 1', rs485_address: 12, can_id: 0x120 } as const;

export function createVirtualBmsService(platform: VirtualBmsPlatform): VirtualBmsService {
  let board: Promise<Board> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const build = (bms: VirtualBms, family: VirtualFamily, saved?: Partial<Board>): Board => ({
    bms,
    family,
    wire: { ...CLEAN_WIRE, ...saved?.wire },
    responseDelayMs: saved?.responseDelayMs ?? 0,
    enrolled: [...(saved?.enrolled ?? [])],
    lines: new Set(),
    savedAt: saved?.savedAt,
    savedOps: ''
  });
  const save = async (b: Board) => {
    b.savedAt = new Date().toISOString();
    b.savedOps = JSON.stringify(b.bms.flashOps());
    const { wire, responseDelayMs, enrolled, savedAt, family } = b;
    await platform.slot.save({ state: b.bms.exportState(), wire, responseDelayMs, enrolled, savedAt, family });
  };
  const enrol = async (b: Board) => {
    // A stock mcumgr device has no technician keys: nothing to enrol.
    if (b.family !== 'bms') return;
    const key = await platform.appKey();
    if (b.enrolled.includes(bytesToHex(key))) return;
    await b.bms.enrolTechnicianKey(key);
    b.enrolled.push(bytesToHex(key));
  };
  /** The device a family plays on the same board: our BMS, or Zephyr's smp_svr (with or without swap). */
  const device = (family: VirtualFamily, options: { state?: VirtualBmsState }) =>
    family === 'bms'
      ? createVirtualBms({ clock: platform.clock, factoryConfig: SITE_SETTINGS, ...options })
      : createMcumgrDevice({ clock: platform.clock, swap: family !== 'mcumgr-no-swap', ...options });
  const factoryNew = async (enrolAppKey: boolean, family: VirtualFamily = 'bms') => {
    const b = build(device(family, {}), family);
    if (enrolAppKey) await enrol(b);
    await save(b);
    return b;
  };
  const boot = async (): Promise<Board> => {
    const saved = await platform.slot.load();
    if (!saved) return factoryNew(true);
    const family = saved.family ?? 'bms';
    const b = build(device(family, { state: saved.state }), family, saved);
    b.bms.setResponseDelay(b.responseDelayMs);
    b.savedOps = JSON.stringify(b.bms.flashOps());
    return b;
  };
  const ensure = (): Promise<Board> => {
    board ??= boot().catch((error: unknown) => {
      board = undefined;
      throw error;
    });
    // Flash changes come from the protocol (uploads, swaps), not from our calls: watch and save them.
    timer ??= setInterval(() => {
      void board?.then(async (b) => {
        if (JSON.stringify(b.bms.flashOps()) !== b.savedOps) await save(b);
      });
    }, platform.saveEveryMs ?? 2_000);
    return board;
  };
  const statusOf = async (b: Board): Promise<VirtualBmsStatus> => {
    const snapshot = b.bms.snapshot();
    const battery = b.bms.battery.state;
    const key = bytesToHex(await platform.appKey());
    return {
      family: b.family,
      power: b.bms.status,
      model: b.bms.identity.model,
      serial: b.bms.identity.serial,
      firmware: snapshot.slots[0]?.version,
      nextBoot: snapshot.nextBoot,
      knobs: {
        socPm: battery.socPm,
        temperatureDc: battery.ambientDc,
        failedSensors: [...battery.failedSensors],
        supply: { rippleMv: battery.rippleMv, dropMv: battery.dropMv, dropChance: battery.dropChance },
        stuckCell: battery.stuckCell,
        responseDelayMs: b.responseDelayMs,
        ...b.wire
      },
      appKeyEnrolled: b.family === 'bms' && b.enrolled.includes(key),
      lines: b.lines.size,
      savedAt: b.savedAt
    };
  };
  /** Runs a control on the board, saves it, and answers with the new status. */
  const control = (change: (b: Board) => void | Promise<void>): Promise<Result<VirtualBmsStatus>> =>
    toResult(async () => {
      const b = await ensure();
      await change(b);
      await save(b);
      return statusOf(b);
    });
  const cut = (b: Board, why: string) => {
    for (const line of b.lines) line.disconnect(why);
  };

  return {
    start: () => toResult(async () => statusOf(await ensure())),
    status: () => toResult(async () => statusOf(await ensure())),
    openLine: (options = {}) =>
      toResult(async () => {
        const b = await ensure();
        const wire = faultyWire(b.bms.port, () => b.wire);
        // The tool's rate defaults to the board's configured one, not to a "wrong baud" fault's.
        const baudRate = options.baudRate ?? b.bms.port.baudRate;
        const link = connectPacedLink(wire, { pace: options.pace ?? (() => !b.wire.unpaced), baudRate, label: 'Virtual BMS line' });
        const channel = new MessageChannel();
        const pump = pumpLinkToMessagePort(link, channel.port1 as unknown as BridgePort);
        b.lines.add(link);
        void pump.done.then(() => b.lines.delete(link));
        return { port: channel.port2, info: { ...link.info } };
      }),
    set: (knobs) => control((b) => apply(b, knobs)),
    powerCycle: () => control((b) => b.bms.powerCycle()),
    powerLossAt: (trigger) => control((b) => b.bms.powerLossAt(trigger)),
    dropLines: () => control((b) => cut(b, 'the virtual line was cut (fault panel)')),
    factoryReset: ({ enrolAppKey, family }) =>
      toResult(async () => {
        const old = await ensure().catch(() => undefined);
        if (old) {
          cut(old, 'the virtual board was replaced (factory reset)');
          await old.bms.powerOff();
        }
        const fresh = factoryNew(enrolAppKey, family);
        board = fresh;
        fresh.catch(() => (board = undefined));
        return statusOf(await fresh);
      }),
    enrolAppKey: () => control(enrol),
    async shutdown() {
      clearInterval(timer);
      timer = undefined;
      const b = await board?.catch(() => undefined);
      if (!b) return;
      cut(b, 'the virtual board was shut down');
      await save(b);
      await b.bms.powerOff();
      board = undefined;
    }
  };
}

function apply(b: Board, knobs: Partial<VirtualBmsKnobs>): void {
  const { battery } = b.bms;
  if (knobs.socPm !== undefined) battery.setSoc(knobs.socPm);
  if (knobs.temperatureDc !== undefined) battery.setTemperature(knobs.temperatureDc);
  if (knobs.failedSensors) {
    const wanted = new Set(knobs.failedSensors);
    for (const index of battery.state.failedSensors) if (!wanted.has(index)) battery.failTemperatureSensor(index, false);
    for (const index of wanted) battery.failTemperatureSensor(index, true);
  }
  if (knobs.supply) battery.setSupplyInstability(knobs.supply);
  if (knobs.stuckCell !== undefined) battery.setStuckCell(knobs.stuckCell);
  if (knobs.responseDelayMs !== undefined) {
    b.responseDelayMs = knobs.responseDelayMs;
    b.bms.setResponseDelay(knobs.responseDelayMs);
  }
  if (knobs.bitErrorRate !== undefined) b.wire.bitErrorRate = knobs.bitErrorRate;
  if (knobs.deviceBaud !== undefined) b.wire.deviceBaud = knobs.deviceBaud;
  if (knobs.unpaced !== undefined) b.wire.unpaced = knobs.unpaced;
}
