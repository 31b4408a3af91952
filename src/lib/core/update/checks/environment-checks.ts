/**
 * Pure checks of the pack's condition (R01–R03). They judge readings; taking the readings is the
 * caller's job, so the UI can show the same verdicts live and the monitor can reuse them mid-transfer.
 */
import type { BmsTelemetry } from '../../protocol/smp/groups/bms-group';
import type { CheckResult } from './check-result';
import type { SafetyLimits } from './safety-limits';
import { fixed, text } from '../../../i18n/translate';

const tenths = (value: number) => fixed(value / 10, 1);
const sensor = (i: number) => `T${i + 1}`;

export function checkSoc(t: Pick<BmsTelemetry, 'soc_pm'>, limits: SafetyLimits): CheckResult {
  const base = {
    id: 'soc',
    requirement: 'R01',
    measured: text('check.soc.measured', { soc: tenths(t.soc_pm) }),
    threshold: text('check.soc.threshold', { min: tenths(limits.socMinPm), max: tenths(limits.socMaxPm) })
  } as const;
  if (t.soc_pm < limits.socMinPm || t.soc_pm > limits.socMaxPm) {
    const reason = text(t.soc_pm < limits.socMinPm ? 'check.soc.below' : 'check.soc.above');
    return { ...base, status: 'fail', code: 'UPDATE_SOC_OUT_OF_RANGE', reason };
  }
  const margin = Math.min(t.soc_pm - limits.socMinPm, limits.socMaxPm - t.soc_pm);
  if (margin < limits.socMarginPm) {
    return { ...base, status: 'warn', reason: text('check.soc.close') };
  }
  return { ...base, status: 'pass', reason: text('check.soc.ok') };
}

export function checkTemperature(t: Pick<BmsTelemetry, 'temps_dc'>, limits: SafetyLimits): CheckResult {
  const base = {
    id: 'temperature',
    requirement: 'R02',
    measured:
      t.temps_dc.length === 0
        ? text('check.temperature.none')
        : text('check.list', {
            items: t.temps_dc.map((v, i) => (v === null ? text('check.temperature.silent', { n: i + 1 }) : text('check.temperature.sensor', { n: i + 1, celsius: tenths(v) })))
          }),
    threshold: text('check.temperature.threshold', { min: tenths(limits.tempMinDc), max: tenths(limits.tempMaxDc) })
  } as const;
  if (t.temps_dc.length === 0) {
    return { ...base, status: 'fail', code: 'UPDATE_TEMPERATURE_SENSOR_FAILED', reason: text('check.temperature.noSensor') };
  }
  const dead = t.temps_dc.flatMap((v, i) => (v === null ? [sensor(i)] : []));
  if (dead.length > 0) {
    return { ...base, status: 'fail', code: 'UPDATE_TEMPERATURE_SENSOR_FAILED', reason: text('check.temperature.dead', { sensors: dead.join(', ') }) };
  }
  const temps = t.temps_dc as number[];
  const outside = temps.flatMap((v, i) => (v <= limits.tempMinDc || v >= limits.tempMaxDc ? [sensor(i)] : []));
  if (outside.length > 0) {
    return { ...base, status: 'fail', code: 'UPDATE_TEMPERATURE_OUT_OF_RANGE', reason: text('check.temperature.outside', { sensors: outside.join(', ') }) };
  }
  const margin = Math.min(...temps.map((v) => Math.min(v - limits.tempMinDc, limits.tempMaxDc - v)));
  if (margin < limits.tempMarginDc) {
    return { ...base, status: 'warn', reason: text('check.temperature.close') };
  }
  return { ...base, status: 'pass', reason: text('check.temperature.ok') };
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
    threshold: text('check.supply.threshold', { max: limits.supplySpreadMaxPct, count: limits.supplySamples }),
    readings: [...readingsMv]
  };
  if (readingsMv.length < 2) {
    return { ...base, measured: text('check.supply.count', { count: readingsMv.length }), status: 'fail', code: 'UPDATE_SUPPLY_UNSTABLE', reason: text('check.supply.tooFew') };
  }
  const { meanMv, spreadPct } = supplyStats(readingsMv);
  const measured = text('check.supply.measured', { volts: fixed(meanMv / 1000, 2), spread: fixed(spreadPct, 2) });
  if (!(spreadPct <= limits.supplySpreadMaxPct)) {
    return { ...base, measured, status: 'fail', code: 'UPDATE_SUPPLY_UNSTABLE', reason: text('check.supply.unstable') };
  }
  if (spreadPct > limits.supplySpreadWarnPct) {
    return { ...base, measured, status: 'warn', reason: text('check.supply.wobbly') };
  }
  return { ...base, measured, status: 'pass', reason: text('check.supply.ok') };
}

/** R03 during the transfer: one reading against the pre-flight mean. */
export function checkSupplyDrift(readingMv: number, baselineMv: number, limits: SafetyLimits): CheckResult {
  const driftPct = (Math.abs(readingMv - baselineMv) / baselineMv) * 100;
  const base = {
    id: 'supply' as const,
    requirement: 'R03',
    measured: text('check.drift.measured', { volts: fixed(readingMv / 1000, 2), drift: fixed(driftPct, 2), baseline: fixed(baselineMv / 1000, 2) }),
    threshold: text('check.drift.threshold', { max: limits.supplyDriftMaxPct }),
    readings: [readingMv]
  };
  if (!(driftPct <= limits.supplyDriftMaxPct)) {
    return { ...base, status: 'fail', code: 'UPDATE_SUPPLY_UNSTABLE', reason: text('check.drift.fail') };
  }
  return { ...base, status: 'pass', reason: text('check.drift.ok') };
}
