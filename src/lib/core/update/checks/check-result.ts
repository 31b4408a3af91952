import type { ErrorCode } from '../../errors';

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
  measured: string;
  threshold: string;
  reason: string;
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
