/**
 * The update as a union of named states (what the UI and the CLI draw), the timeline of phases with
 * their times and outcomes, and the timestamped log. All plain data: it crosses the worker boundary
 * and goes into the report as is.
 */
import type { ConfigChange } from '../backup/config-diff';
import type { ErrorData } from '../errors';
import type { UpdateReport } from '../report/update-report';
import type { BalanceTestReport, BootEvent, SelfTestReport } from '../protocol/smp/groups/bms-group';
import type { CheckResult } from './checks/check-result';
import type { ChecklistRecord } from './checklist';
import type { Text } from '../../i18n/translate';

export const PHASES = [
  'connect',
  'identify',
  'preflight',
  'checklist',
  'authenticate',
  'backup',
  'transfer',
  'verify-on-device',
  'test-boot',
  'self-test',
  'confirm',
  'fallback',
  'balance-check',
  'config-check',
  'report'
] as const;

export type PhaseName = (typeof PHASES)[number];

/**
 * - updated: the new image runs and is confirmed
 * - rolled-back: it failed after install and the device is PROVEN back on the previous image (R19)
 * - blocked: refused before any byte was written (pre-flight, checklist, authentication, backup)
 * - aborted: stopped before the new image was activated; the previous image still runs (R10)
 * - failed: the device state could not be proven; use recovery (R22)
 */
export type UpdateOutcome = 'updated' | 'rolled-back' | 'blocked' | 'aborted' | 'failed';

export interface TransferPause {
  /** the checks that left the safe band */
  checks: CheckResult[];
  since: string;
}

export type UpdateState =
  | { phase: 'connect' }
  | { phase: 'identify' }
  | { phase: 'preflight'; checks: CheckResult[] }
  | { phase: 'checklist'; checklist: ChecklistRecord[] }
  | { phase: 'authenticate' }
  | { phase: 'backup'; backupId?: string }
  | { phase: 'transfer'; sent: number; total: number; bytesPerSecond: number; paused?: TransferPause; restarts: number }
  | { phase: 'verify-on-device' }
  | { phase: 'test-boot'; events: BootEvent[] }
  | { phase: 'self-test'; report?: SelfTestReport }
  | { phase: 'confirm' }
  | { phase: 'fallback'; cause: ErrorData }
  | { phase: 'balance-check'; report?: BalanceTestReport }
  | { phase: 'config-check'; changes?: ConfigChange[] }
  | { phase: 'report' }
  | { phase: 'done'; outcome: 'updated' | 'rolled-back'; report: UpdateReport; cause?: ErrorData }
  | { phase: 'failed'; outcome: 'blocked' | 'aborted' | 'failed'; failedIn: PhaseName; error: ErrorData; report: UpdateReport };

export type FinalState = Extract<UpdateState, { phase: 'done' | 'failed' }>;

export type PhaseOutcome = 'ok' | 'warn' | 'failed';

export interface PhaseRecord {
  phase: PhaseName;
  startedAt: string;
  endedAt?: string;
  durationMs?: number;
  outcome?: PhaseOutcome;
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogEntry {
  /** ISO 8601 */
  at: string;
  level: LogLevel;
  phase: PhaseName;
  /** in English (the CLI, plain-text logs) */
  message: string;
  /** the same line as a text key + params, for the app in its language */
  text?: Text;
  /** what the device or the protocol reported, quoted as is (boot log, self-test readings, link parameters) */
  detail?: string;
}
