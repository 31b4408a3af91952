/**
 * Pure checks of the pack's condition (R01–R03). They judge readings; taking the readings is the
 * caller's job, so the UI can show the same verdicts live and the monitor can reuse them mid-transfer.
 */
import type { BmsTelemetry } from '../../protocol/smp/groups/bms-group';
import type { CheckResult } from './check-result';
import type { SafetyLimits } from './safety-limits';

const percent = (pm: number) => `${(pm / 10).toFixed(1)} %`;
const celsius = (dc: number) => `${(dc / 10).toFixed(1)} °C`;

export function checkSoc(t: Pick<BmsTelemetry, 'soc_pm'>, limits: SafetyLimits): CheckResult {
  const base = {
    id: 'soc',
    requirement: 'R01',
    measured: percent(t.soc_pm),
    threshold: `${percent(limits.socMinPm)} – ${percent(limits.socMaxPm)}`
  } as const;
  if (t.soc_pm < limits.socMinPm || t.soc_pm > limits.socMaxPm) {
    const side = t.soc_pm < limits.socMinPm ? 'below' : 'above';
    return { ...base, status: 'fail', code: 'UPDATE_SOC_OUT_OF_RANGE', reason: `State of charge is ${side} the allowed band.` };
  }
  const margin = Math.min(t.soc_pm - limits.socMinPm, limits.socMaxPm - t.soc_pm);
  if (margin < limits.socMarginPm) {
    return { ...base, status: 'warn', reason: 'State of charge is close to a limit; the update pauses if it leaves the band.' };
  }
  return { ...base, status: 'pass', reason: 'State of charge is within the band.' };
}

export function checkTemperature(t: Pick<BmsTelemetry, 'temps_dc'>, limits: SafetyLimits): CheckResult {
  const base = {
    id: 'temperature',
    requirement: 'R02',
    measured: t.temps_dc.map((v, i) => `T${i + 1} ${v === null ? 'no answer' : celsius(v)}`).join(', ') || 'no sensor',
    threshold: `above ${celsius(limits.tempMinDc)}, below ${celsius(limits.tempMaxDc)}, every sensor answering`
  } as const;
  if (t.temps_dc.length === 0) {
    return { ...base, status: 'fail', code: 'UPDATE_TEMPERATURE_SENSOR_FAILED', reason: 'The device reports no temperature sensor.' };
  }
  const dead = t.temps_dc.flatMap((v, i) => (v === null ? [`T${i + 1}`] : []));
  if (dead.length > 0) {
    return { ...base, status: 'fail', code: 'UPDATE_TEMPERATURE_SENSOR_FAILED', reason: `Sensor ${dead.join(', ')} does not answer.` };
  }
  const temps = t.temps_dc as number[];
  const outside = temps.flatMap((v, i) => (v <= limits.tempMinDc || v >= limits.tempMaxDc ? [`T${i + 1}`] : []));
  if (outside.length > 0) {
    return { ...base, status: 'fail', code: 'UPDATE_TEMPERATURE_OUT_OF_RANGE', reason: `${outside.join(', ')} outside the allowed band.` };
  }
  const margin = Math.min(...temps.map((v) => Math.min(v - limits.tempMinDc, limits.tempMaxDc - v)));
  if (margin < limits.tempMarginDc) {
    return { ...base, status: 'warn', reason: 'A sensor is close to a limit; the update pauses if it leaves the band.' };
  }
  return { ...base, status: 'pass', reason: 'Every sensor answers and reads within the band.' };
}

export interface SupplyStats {
  meanMv: number;
  spreadPct: number;
}

export function supplyStats(readingsMv: readonly number[]): SupplyStats {
  const meanMv = readingsMv.reduce((a, b) => a + b, 0) / readingsMv.length;
  const spreadPct = meanMv > 0 ? ((Math.max(...readingsMv) - Math.min(...readingsMv)) / meanMv) * 100 : Infinity;
  return { meanMv, spreadPct };
}

/** R03: the spread of several readings taken a moment apart, relative to their mean. */
export function checkSupply(readingsMv: readonly number[], limits: SafetyLimits): CheckResult {
  const base = {
    id: 'supply' as const,
    requirement: 'R03',
    threshold: `spread ≤ ${limits.supplySpreadMaxPct} % of the mean over ${limits.supplySamples} readings`,
    readings: [...readingsMv]
  };
  if (readingsMv.length < 2) {
    return { ...base, measured: `${readingsMv.length} reading(s)`, status: 'fail', code: 'UPDATE_SUPPLY_UNSTABLE', reason: 'Too few supply readings to judge stability.' };
  }
  const { meanMv, spreadPct } = supplyStats(readingsMv);
  const measured = `mean ${(meanMv / 1000).toFixed(2)} V, spread ${spreadPct.toFixed(2)} %`;
  if (!(spreadPct <= limits.supplySpreadMaxPct)) {
    return { ...base, measured, status: 'fail', code: 'UPDATE_SUPPLY_UNSTABLE', reason: 'The supply fluctuates beyond the limit.' };
  }
  if (spreadPct > limits.supplySpreadWarnPct) {
    return { ...base, measured, status: 'warn', reason: 'The supply fluctuates a little; it is watched during the transfer.' };
  }
  return { ...base, measured, status: 'pass', reason: 'The supply is stable.' };
}

/** R03 during the transfer: one reading against the pre-flight mean. */
export function checkSupplyDrift(readingMv: number, baselineMv: number, limits: SafetyLimits): CheckResult {
  const driftPct = (Math.abs(readingMv - baselineMv) / baselineMv) * 100;
  const base = {
    id: 'supply' as const,
    requirement: 'R03',
    measured: `${(readingMv / 1000).toFixed(2)} V (${driftPct.toFixed(2)} % from ${(baselineMv / 1000).toFixed(2)} V)`,
    threshold: `within ${limits.supplyDriftMaxPct} % of the pre-flight mean`,
    readings: [readingMv]
  };
  if (!(driftPct <= limits.supplyDriftMaxPct)) {
    return { ...base, status: 'fail', code: 'UPDATE_SUPPLY_UNSTABLE', reason: 'The supply dropped or rose beyond the limit.' };
  }
  return { ...base, status: 'pass', reason: 'The supply is steady.' };
}
