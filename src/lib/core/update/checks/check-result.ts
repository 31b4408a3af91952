import type { ErrorCode } from '../../errors';
import { render, text, type Lang, type Text } from '../../../i18n/translate';

export type CheckStatus = 'pass' | 'warn' | 'fail';

/** Every pre-flight check the tool measures itself; the site checklist (R04) is separate. */
export type CheckId =
  | 'soc'
  | 'temperature'
  | 'supply'
  | 'link'
  | 'package'
  | 'compatibility'
  | 'anti-rollback'
  | 'interface'
  | 'bank'
  /** what the device's bootloader guarantees: signature check, fallback bank (device families) */
  | 'bootloader';

/**
 * One check as plain data, shown by the UI and CLI and kept in the report: what was measured, against
 * what, and why it passed or not. `code` is set on 'fail' (the error that blocks the update) and may be
 * set on 'warn' to point at help text.
 */
export interface CheckResult {
  id: CheckId;
  /** the requirement it proves, e.g. "R01" */
  requirement: string;
  status: CheckStatus;
  /** as text keys + params, rendered in the reader's language (i18n/en/checks.ts) */
  measured: Text;
  /** absent when there was nothing to compare (the reading itself failed) */
  threshold?: Text;
  reason: Text;
  code?: ErrorCode;
  /** raw readings behind `measured` when there are several (supply samples in mV, R03) */
  readings?: number[];
  /** 'operator': the value was read on site and entered by the operator (the device cannot measure it) */
  source?: 'device' | 'operator';
}

export function worstStatus(checks: readonly CheckResult[]): CheckStatus {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  return checks.some((c) => c.status === 'warn') ? 'warn' : 'pass';
}

/** A check's texts in one language (the UI's rows, the report; English for the log). */
export function checkText(check: CheckResult, lang: Lang): { measured: string; threshold: string; reason: string } {
  // reports saved before the texts became keys hold English strings
  const show = (value: Text | string | undefined) => (value === undefined ? '' : typeof value === 'string' ? value : render(value, lang));
  return { measured: show(check.measured), threshold: show(check.threshold), reason: show(check.reason) };
}

/** One log line: "soc fail: 15.0 % (limit 20.0 % – 80.0 %) State of charge is below the allowed band." */
export function checkLine(check: CheckResult): Text {
  const params = { id: check.id, status: check.status, measured: check.measured, reason: check.reason };
  return check.threshold ? text('log.check', { ...params, threshold: check.threshold }) : text('log.checkNoLimit', params);
}
