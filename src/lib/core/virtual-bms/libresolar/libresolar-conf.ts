/**
 * The `Conf` group of LibreSolar's bms-firmware (app/src/data_objects.c): battery, current, temperature,
 * voltage and balancing settings, all in the NVM subset, so a write is stored (thingset storage) and
 * survives a reset. The firmware does not range-check them ("ToDo: validate" in its update callback):
 * only the type is checked, as the ThingSet library does. Defaults: an LFP pack of the board's size.
 */
import type { FlashArea } from '../flash/flash-layout';
import { readRecord, writeRecord } from '../flash/record-store';

export type ConfType = 'float' | 'uint16' | 'uint32';

export interface ConfItem {
  /** APP_ID_CONF_* of data_objects.h: the id binary mode uses */
  id: number;
  name: string;
  type: ConfType;
  /** digits the firmware prints for a float item */
  decimals?: number;
  initial: number;
}

const f = (id: number, name: string, initial: number, decimals = 1): ConfItem => ({ id, name, type: 'float', decimals, initial });
const u32 = (id: number, name: string, initial: number): ConfItem => ({ id, name, type: 'uint32', initial });

export const CONF_ITEMS: ConfItem[] = [
  f(0x50, 'sNominalCapacity_Ah', 100),
  f(0x51, 'sShortCircuitLimit_A', 200),
  u32(0x52, 'sShortCircuitDelay_us', 200),
  f(0x53, 'sDisOvercurrent_A', 100),
  u32(0x54, 'sDisOvercurrentDelay_ms', 320),
  f(0x55, 'sChgOvercurrent_A', 50),
  u32(0x56, 'sChgOvercurrentDelay_ms', 320),
  f(0x58, 'sDisMaxTemp_degC', 50),
  f(0x59, 'sDisMinTemp_degC', -20),
  f(0x5a, 'sChgMaxTemp_degC', 45),
  f(0x5b, 'sChgMinTemp_degC', 0),
  f(0x5c, 'sTempLimitHysteresis_degC', 5),
  f(0x60, 'sCellOvervoltage_V', 3.6),
  f(0x61, 'sCellOvervoltageReset_V', 3.4),
  u32(0x62, 'sCellOvervoltageDelay_ms', 2000),
  f(0x63, 'sCellUndervoltage_V', 2.5),
  f(0x64, 'sCellUndervoltageReset_V', 3),
  u32(0x65, 'sCellUndervoltageDelay_ms', 2000),
  f(0x68, 'sBalTargetVoltageDiff_V', 0.01, 3),
  f(0x69, 'sBalMinVoltage_V', 3.2),
  { id: 0x6a, name: 'sBalIdleDelay_s', type: 'uint16', initial: 1800 },
  f(0x6b, 'sBalIdleCurrent_A', 0.1)
];

export type Conf = Record<string, number>;

const MAX: Record<Exclude<ConfType, 'float'>, number> = { uint16: 0xffff, uint32: 0xffffffff };

export function defaultConf(): Conf {
  return Object.fromEntries(CONF_ITEMS.map((item) => [item.name, item.initial]));
}

/** Whether `value` fits the item's C type (a float item stores single precision). */
export function fitsType(item: ConfItem, value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (item.type === 'float') return true;
  return Number.isInteger(value) && value >= 0 && value <= MAX[item.type];
}

export function storeValue(item: ConfItem, value: number): number {
  return item.type === 'float' ? Math.fround(value) : value;
}

/** The stored settings; a blank or unreadable store gives the firmware defaults, as a new board. */
export function loadConf(area: FlashArea): Conf {
  const conf = defaultConf();
  const record = readRecord(area);
  if (!record) return conf;
  try {
    const stored = JSON.parse(new TextDecoder().decode(record)) as Record<string, unknown>;
    for (const item of CONF_ITEMS) if (fitsType(item, stored[item.name])) conf[item.name] = stored[item.name] as number;
  } catch {
    // a record another firmware wrote: the defaults stand
  }
  return conf;
}

export function saveConf(area: FlashArea, conf: Conf): void {
  writeRecord(area, new TextEncoder().encode(JSON.stringify(conf)));
}
