/**
 * R01, R02 on a device that cannot measure its pack (a stock mcumgr firmware): the operator reads the
 * state of charge and the temperature on the pack's own display or with a meter, and the same limits
 * judge them. The results say they were entered by the operator, in the pre-flight and in the report.
 */
import { text } from '../../../i18n/translate';
import type { CheckResult } from './check-result';
import { checkSoc, checkTemperature } from './environment-checks';
import type { SafetyLimits } from './safety-limits';

export interface OperatorReadings {
  /** state of charge in %, as read on site */
  socPct: number;
  /** pack temperature in °C, as read on site */
  tempC: number;
}

export function checkOperatorReadings(readings: OperatorReadings | undefined, limits: SafetyLimits): CheckResult[] {
  const given = readings && Number.isFinite(readings.socPct) && Number.isFinite(readings.tempC);
  const soc = checkSoc({ soc_pm: given ? Math.round(readings.socPct * 10) : limits.socMinPm }, limits);
  const temperature = checkTemperature({ temps_dc: [given ? Math.round(readings.tempC * 10) : limits.tempMaxDc] }, limits);
  if (!given) {
    const missing = {
      status: 'fail',
      measured: text('check.operator.notEntered'),
      code: 'UPDATE_OPERATOR_READING_MISSING',
      reason: text('check.operator.missing'),
      source: 'operator'
    } as const;
    return [{ ...soc, ...missing }, { ...temperature, ...missing }];
  }
  const entered = (check: CheckResult): CheckResult => ({ ...check, measured: text('check.operator.entered', { value: check.measured }), source: 'operator' });
  return [entered(soc), entered(temperature)];
}

/** R03 without a supply reading: said, not skipped; the site checklist's "reliable power" covers it. */
export function unmeasuredSupply(): CheckResult {
  return {
    id: 'supply',
    requirement: 'R03',
    status: 'warn',
    measured: text('check.supply.unmeasurable'),
    threshold: text('check.supply.stable'),
    reason: text('check.supply.noReading')
  };
}
