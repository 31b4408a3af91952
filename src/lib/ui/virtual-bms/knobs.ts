/** The knobs as the panel's form shows them (percent, °C, named choices) and back. */
import type { VirtualBmsKnobs } from '$lib/platform/web/virtual-bms/virtual-bms-client';

export type SupplyChoice = 'stable' | 'ripple' | 'drops';

/** R03: a clean supply, a ripple near the warning spread, and drops deep and frequent enough to block. */
export const SUPPLY: Record<SupplyChoice, VirtualBmsKnobs['supply']> = {
  stable: { rippleMv: 20, dropMv: 0, dropChance: 0 },
  ripple: { rippleMv: 150, dropMv: 0, dropChance: 0 },
  drops: { rippleMv: 20, dropMv: 2_000, dropChance: 0.5 }
};

export const BIT_ERROR_RATES = [0, 1e-5, 1e-4, 1e-3] as const;

export interface KnobsFields {
  socPercent: number;
  temperatureC: number;
  /** '' for none, else the 0-based index as text (select values are strings) */
  failedSensor: string;
  stuckCell: string;
  supply: SupplyChoice;
  responseDelayMs: number;
  bitErrorRate: number;
  /** '' for as configured */
  deviceBaud: string;
  /** bytes at once instead of at the baud rate */
  unpaced: boolean;
}

export function fieldsOf(knobs: VirtualBmsKnobs): KnobsFields {
  const { supply } = knobs;
  return {
    socPercent: Math.round(knobs.socPm) / 10,
    temperatureC: knobs.temperatureDc / 10,
    failedSensor: knobs.failedSensors.length > 0 ? String(knobs.failedSensors[0]) : '',
    stuckCell: knobs.stuckCell === null ? '' : String(knobs.stuckCell),
    supply: supply.dropMv > 0 && supply.dropChance > 0 ? 'drops' : supply.rippleMv > 50 ? 'ripple' : 'stable',
    responseDelayMs: knobs.responseDelayMs,
    bitErrorRate: knobs.bitErrorRate,
    deviceBaud: knobs.deviceBaud === null ? '' : String(knobs.deviceBaud),
    unpaced: knobs.unpaced
  };
}

export function knobsOf(fields: KnobsFields): VirtualBmsKnobs {
  return {
    socPm: Math.round(fields.socPercent * 10),
    temperatureDc: Math.round(fields.temperatureC * 10),
    failedSensors: fields.failedSensor === '' ? [] : [Number(fields.failedSensor)],
    stuckCell: fields.stuckCell === '' ? null : Number(fields.stuckCell),
    supply: SUPPLY[fields.supply],
    responseDelayMs: Math.max(0, Math.round(fields.responseDelayMs)),
    bitErrorRate: fields.bitErrorRate,
    deviceBaud: fields.deviceBaud === '' ? null : Number(fields.deviceBaud),
    unpaced: fields.unpaced
  };
}
