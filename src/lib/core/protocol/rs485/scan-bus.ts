/**
 * Finds every unit on a bank's RS485 bus (docs/rs485.md): each address is asked once, with a short
 * timeout, in each family's own way (our BMS: an addressed SMP identity read; JK-PB: the Modbus info
 * block of that slave id), after the families without unit addresses at their fixed 9600 baud (JBD
 * general protocol, Daly). Every unit found is listed with its identity, family, firmware and readings.
 */
import { isBmsError, toErrorData } from '../../errors';
import { DalyClient } from '../daly/daly-client';
import { JbdClient } from '../jbd/jbd-client';
import { JkPbClient } from '../jk/jk-client';
import { ModbusClient } from '../modbus/modbus-client';
import * as bms from '../smp/groups/bms-client';
import { SmpClient } from '../smp/smp-client';
import type { Rs485Bus } from './rs485-bus';

export type BusFamily = 'bms' | 'jk' | 'jbd' | 'daly';

export interface UnitReadings {
  /** state of charge, 0.1 % */
  socPm: number;
  packMv: number;
  /** positive = charging */
  currentMa: number;
}

export interface ScannedUnit {
  family: BusFamily;
  /** the unit's bus address; undefined for JBD and Daly, whose protocols carry none */
  address?: number;
  model: string;
  serial?: string;
  firmware: string;
  readings?: UnitReadings;
  /** extensions our firmware announces ("bcast") */
  caps?: string[];
}

export interface ScanProblem {
  address?: number;
  family: BusFamily;
  detail: string;
}

export interface ScanResult {
  units: ScannedUnit[];
  /** expected addresses that did not answer */
  missing: number[];
  problems: ScanProblem[];
  durationMs: number;
}

export interface ScanOptions {
  /** addresses to ask (default 1–32) */
  addresses?: number[];
  /** addresses that should answer (default: every address below the highest one found) */
  expected?: number[];
  families?: BusFamily[];
  /** per probe (default 100 ms: an identity answer takes ~15 ms at 115200 baud) */
  timeoutMs?: number;
  /** the rate JBD and Daly boards speak (9600 8N1) */
  fieldBaud?: number;
  now?: () => number;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export async function scanBus(bus: Rs485Bus, options: ScanOptions = {}): Promise<ScanResult> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const families = options.families ?? ['bms', 'jk', 'jbd', 'daly'];
  const timeoutMs = options.timeoutMs ?? 100;
  const units: ScannedUnit[] = [];
  const problems: ScanProblem[] = [];
  // Field boards first: traffic at another rate reaches their UART as garbage, which can leave a JBD
  // receiver waiting for the rest of a frame that never was (docs/rs485.md).
  const fieldBoards = await probeFieldBoards(bus, families, timeoutMs, options.fieldBaud ?? 9600);
  for (const address of options.addresses ?? range(1, 32)) {
    for (const family of families) {
      const probe = family === 'bms' ? probeOurs : family === 'jk' ? probeJk : undefined;
      if (!probe) continue;
      const garbledBefore = bus.stats.garbled;
      const found = await probe(bus, address, timeoutMs).catch((error: unknown) => {
        // Silence is the usual answer of an empty address; anything else is worth telling.
        if (!isBmsError(error) || !/TIMEOUT|NO_ANSWER/.test(error.code)) problems.push({ address, family, detail: `${toErrorData(error).code}: ${toErrorData(error).detail}` });
        return undefined;
      });
      if (bus.stats.garbled > garbledBefore && !found) {
        problems.push({ address, family, detail: 'garbled answers: two units may share this address, or this segment of the bus is noisy' });
      }
      if (found) {
        units.push(found);
        break;
      }
    }
  }
  units.push(...fieldBoards);
  const found = new Set(units.flatMap((u) => (u.address === undefined ? [] : [u.address])));
  const highest = Math.max(0, ...found);
  const expected = options.expected ?? range(1, highest);
  return { units, missing: expected.filter((a) => !found.has(a)), problems, durationMs: now() - started };
}

async function probeOurs(bus: Rs485Bus, address: number, timeoutMs: number): Promise<ScannedUnit> {
  const link = bus.unit(address, { turnTimeoutMs: timeoutMs });
  const client = new SmpClient(link, { timeoutMs, retries: 0 });
  try {
    const id = await bms.identity(client);
    const readings = id.in_bootloader ? undefined : await bms.telemetry(client, { timeoutMs: timeoutMs * 3, retries: 1 });
    return {
      family: 'bms',
      address,
      model: id.model,
      serial: id.serial,
      firmware: id.in_bootloader ? `bootloader ${id.bl_version} (no application)` : id.fw_version,
      readings: readings && { socPm: readings.soc_pm, packMv: readings.pack_mv, currentMa: readings.current_ma },
      caps: id.caps ?? []
    };
  } finally {
    await client.close();
    await link.close();
  }
}

async function probeJk(bus: Rs485Bus, address: number, timeoutMs: number): Promise<ScannedUnit> {
  const link = bus.raw(`Modbus slave ${address}`, { turnTimeoutMs: timeoutMs });
  try {
    const jk = new JkPbClient(new ModbusClient(link, { slave: address, timeoutMs, retries: 0 }));
    const info = await jk.readInfo();
    const data = await jk.readData();
    return {
      family: 'jk',
      address,
      model: info.model,
      firmware: `${info.software} (hardware ${info.hardware})`,
      readings: { socPm: data.socPct * 10, packMv: data.packMv, currentMa: data.currentMa }
    };
  } finally {
    await link.close();
  }
}

/** JBD and Daly boards: one probe each at their fixed rate, then the adapter goes back to its own. */
async function probeFieldBoards(bus: Rs485Bus, families: BusFamily[], timeoutMs: number, fieldBaud: number): Promise<ScannedUnit[]> {
  const wanted = families.filter((f) => f === 'jbd' || f === 'daly');
  const ownBaud = bus.link.info.baudRate;
  if (wanted.length === 0 || ownBaud === undefined) return [];
  const found: ScannedUnit[] = [];
  // At 9600 baud an answer of 40 bytes takes 42 ms on the wire alone.
  const slow = Math.max(timeoutMs, 300);
  await bus.setBaudRate(fieldBaud);
  try {
    for (const family of wanted) {
      const link = bus.raw(family, { turnTimeoutMs: slow });
      try {
        if (family === 'jbd') {
          const jbd = new JbdClient(link, { timeoutMs: slow });
          const info = await jbd.readBasicInfo();
          const name = await jbd.readName();
          const v = info.version;
          found.push({ family, model: name, firmware: `${v >> 4}.${v & 0xf}`, readings: { socPm: info.socPct * 10, packMv: info.packMv, currentMa: info.currentMa } });
        } else {
          const daly = new DalyClient(link, { timeoutMs: slow, retries: 0 });
          const soc = await daly.readSoc();
          // The Daly protocol has no firmware version read: say so rather than guess.
          found.push({ family, model: 'Daly BMS', firmware: 'not readable over this protocol', readings: soc });
        }
      } catch {
        // an absent board: nothing to list
      } finally {
        await link.close();
      }
    }
  } finally {
    await bus.setBaudRate(ownBaud);
  }
  return found;
}
