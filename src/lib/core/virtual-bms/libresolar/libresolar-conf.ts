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
  name: string;
  type: ConfType;
  /** digits the firmware prints for a float item */
  decimals?: number;
  initial: number;
}

const f = (name: string, initial: number, decimals = 1): ConfItem => ({ name, type: 'float', decimals, initial });
const u32 = (name: string, initial: number): ConfItem => ({ name, type: 'uint32', initial });

export const CONF_ITEMS: ConfItem[] = [
  f('sNominalCapacity_Ah', 100),
  f('sShortCircuitLimit_A', 200),
  u32('sShortCircuitDelay_us', 200),
  f('sDisOvercurrent_A', 100),
  u32('sDisOvercurrentDelay_ms', 320),
  f('sChgOvercurrent_A', 50),
  u32('sChgOvercurrentDelay_ms', 320),
  f('sDisMaxTemp_degC', 50),
  f('sDisMinTemp_degC', -20),
  f('sChgMaxTemp_degC', 45),
  f('sChgMinTemp_degC', 0),
  f('sTempLimitHysteresis_degC', 5),
  f('sCellOvervoltage_V', 3.6),
  f('sCellOvervoltageReset_V', 3.4),
  u32('sCellOvervoltageDelay_ms', 2000),
  f('sCellUndervoltage_V', 2.5),
  f('sCellUndervoltageReset_V', 3),
  u32('sCellUndervoltageDelay_ms', 2000),
  f('sBalTargetVoltageDiff_V', 0.01, 3),
  f('sBalMinVoltage_V', 3.2),
  { name: 'sBalIdleDelay_s', type: 'uint16', initial: 1800 },
  f('sBalIdleCurrent_A', 0.1)
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
