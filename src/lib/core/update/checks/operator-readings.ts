/**
 * R01, R02 on a device that cannot measure its pack (a stock mcumgr firmware): the operator reads the
 * state of charge and the temperature on the pack's own display or with a meter, and the same limits
 * judge them. The results say they were entered by the operator, in the pre-flight and in the report.
 */
import type { CheckResult } from './check-result';
import { checkSoc, checkTemperature } from './environment-checks';
import type { SafetyLimits } from './safety-limits';

export interface OperatorReadings {
  /** state of charge in %, as read on site */
  socPct: number;
  /** pack temperature in °C, as read on site */
  tempC: number;
}

const BY_OPERATOR = ' (entered by the operator)';

export function checkOperatorReadings(readings: OperatorReadings | undefined, limits: SafetyLimits): CheckResult[] {
  if (!readings || !Number.isFinite(readings.socPct) || !Number.isFinite(readings.tempC)) {
    const missing = {
      status: 'fail',
      measured: 'not entered',
      code: 'UPDATE_OPERATOR_READING_MISSING',
      reason: 'The device cannot measure it: read it on the pack and enter it.',
      source: 'operator'
    } as const;
    return [
      { id: 'soc', requirement: 'R01', threshold: `${limits.socMinPm / 10} % – ${limits.socMaxPm / 10} %`, ...missing },
      { id: 'temperature', requirement: 'R02', threshold: `above ${limits.tempMinDc / 10} °C, below ${limits.tempMaxDc / 10} °C`, ...missing }
    ];
  }
  const entered = (check: CheckResult): CheckResult => ({ ...check, measured: check.measured + BY_OPERATOR, source: 'operator' });
  return [
    entered(checkSoc({ soc_pm: Math.round(readings.socPct * 10) }, limits)),
    entered(checkTemperature({ temps_dc: [Math.round(readings.tempC * 10)] }, limits))
  ];
}

/** R03 without a supply reading: said, not skipped; the site checklist's "reliable power" covers it. */
export function unmeasuredSupply(): CheckResult {
  return {
    id: 'supply',
    requirement: 'R03',
    status: 'warn',
    measured: 'not measurable on this device',
    threshold: 'a stable supply',
    reason: 'This device reports no supply voltage: keep the pack on a reliable source for the whole update, as confirmed in the checklist.'
  };
}
