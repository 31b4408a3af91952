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
 * Judged from what was read back from the device after the event (read-back.ts), never from the path
 * the procedure took:
 * - updated: the new image runs and is confirmed (fit for service when the report's returnToService says so)
 * - settings-changed: the new image runs, confirmed, but some settings differ from the backup: restore
 *   them before the pack returns to service
 * - unfinished: the new image runs and is confirmed, but the procedure failed after that (not proven fit)
 * - rolled-back: it failed after activation and the device is PROVEN back on the previous image (R19)
 * - blocked: refused before any write (pre-flight, checklist, authentication, backup)
 * - aborted: stopped before activation; the previous image was read back, still running (R10)
 * - cancelled: stopped by the operator; the report says what the device runs, as read back
 * - failed: the device state could not be read back, or is not a known confirmed image; use recovery (R22)
 */
export type UpdateOutcome = 'updated' | 'settings-changed' | 'unfinished' | 'rolled-back' | 'blocked' | 'aborted' | 'cancelled' | 'failed';

/** Outcomes where the operation reached its goal or the proven way back, without an error of its own. */
export type DoneOutcome = 'updated' | 'settings-changed' | 'rolled-back';
export type FailedOutcome = Exclude<UpdateOutcome, DoneOutcome>;

/** The link went quiet during the transfer: what the tool saw and what it is doing about it (R16). */
export interface LinkLoss {
  /** what was observed: no answer, the line closed, or the device restarted (it forgot the session) */
  cause: 'no-answer' | 'disconnected' | 'restarted';
  /** the error that told it, once the upload gave up (none while its retries still run) */
  code?: string;
  since: string;
  /** the tool waits for the device to answer again, up to this many ms; none while the upload retries */
  waitingMs?: number;
}

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
  | { phase: 'transfer'; sent: number; total: number; bytesPerSecond: number; paused?: TransferPause; lost?: LinkLoss; restarts: number }
  | { phase: 'verify-on-device' }
  | { phase: 'test-boot'; events: BootEvent[] }
  | { phase: 'self-test'; report?: SelfTestReport }
  | { phase: 'confirm' }
  | { phase: 'fallback'; cause: ErrorData }
  | { phase: 'balance-check'; report?: BalanceTestReport }
  | { phase: 'config-check'; changes?: ConfigChange[] }
  | { phase: 'report' }
  | { phase: 'done'; outcome: DoneOutcome; report: UpdateReport; cause?: ErrorData }
  | { phase: 'failed'; outcome: FailedOutcome; failedIn: PhaseName; error: ErrorData; report: UpdateReport };

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
