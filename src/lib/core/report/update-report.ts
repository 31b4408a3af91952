/**
 * The audit record of one update or recovery (R27, IEC 62443 / NIST audit trail): who, when, what, every
 * check with its values, the checklist, each phase's duration, the log and the outcome. Plain JSON, kept
 * locally (ReportStore) and exportable.
 */
import type { ConfigChange } from '../backup/config-diff';
import { validRecords, type RecordStore } from '../backup/record-store';
import { fail, type ErrorData } from '../errors';
import type { LinkInfo } from '../link/link';
import type { BalanceTestReport, BootEvent, SelfTestReport } from '../protocol/smp/groups/bms-group';
import type { CheckResult } from '../update/checks/check-result';
import type { ChecklistRecord } from '../update/checklist';
import type { LogEntry, PhaseRecord, TransferPause, UpdateOutcome } from '../update/update-state';

export const REPORT_FORMAT = 'bms-flasher/update-report/v1';

export interface FirmwareRef {
  version: string;
  /** hex of the MCUboot image hash (SHA256 TLV) */
  hash: string;
}

export interface UpdateReport {
  format: typeof REPORT_FORMAT;
  /** serial + start time */
  id: string;
  kind: 'update' | 'recovery';
  operator: string;
  /** e.g. "bms-flasher 0.1.0 (cli)" */
  tool: string;
  startedAt: string;
  finishedAt: string;
  link: LinkInfo;
  device?: { model: string; serial: string; hwRev: string; blVersion: string; securityCounterBefore: number; securityCounterAfter?: number };
  firmwareBefore?: FirmwareRef;
  package?: FirmwareRef & { securityCounter: number; safetyCritical: boolean; hwRevisions: string[]; sizeBytes: number; signer?: { name: string; fingerprint: string } };
  /** what runs at the end, read back from the device at `readAt`; absent when it could not be read back */
  firmwareAfter?: FirmwareRef & { confirmed?: boolean; readAt?: string; pending?: string };
  technician?: { name: string; fingerprint: string };
  checks: CheckResult[];
  checklist: ChecklistRecord[];
  /** when the operator confirmed the checklist */
  checklistAt?: string;
  /** each time the transfer was held because the pack left the safe band (R01–R03) */
  pauses: TransferPause[];
  backupId?: string;
  bootLog: BootEvent[];
  selfTest?: SelfTestReport;
  balanceTest?: BalanceTestReport;
  /** settings that differ from the backup after the update; restore is offered when non-empty */
  configChanges?: ConfigChange[];
  phases: PhaseRecord[];
  log: LogEntry[];
  outcome: UpdateOutcome;
  error?: ErrorData;
  /** true only when this operation proved the device fit for service: updated, settings as before, self-test and balancing passed (R18, R20) */
  returnToService: boolean;
}

const OUTCOMES: readonly UpdateOutcome[] = ['updated', 'settings-changed', 'unfinished', 'rolled-back', 'blocked', 'aborted', 'cancelled', 'failed'];

/** Light structural check of a stored or imported report; its content is the tool's own output. */
export function validateReport(value: unknown): UpdateReport {
  const v = value as Partial<UpdateReport> | null;
  if (typeof v !== 'object' || v === null || v.format !== REPORT_FORMAT) fail('INTERNAL_ERROR', 'not an update report');
  if (typeof v.id !== 'string' || !OUTCOMES.includes(v.outcome as UpdateOutcome) || !Array.isArray(v.phases) || !Array.isArray(v.log)) {
    fail('INTERNAL_ERROR', `update report ${String(v.id)} is incomplete`);
  }
  return v as UpdateReport;
}

export interface ReportStore {
  save(report: UpdateReport): Promise<void>;
  get(id: string): Promise<UpdateReport | undefined>;
  /** newest first; only this device's when a serial is given */
  list(serial?: string): Promise<UpdateReport[]>;
}

export function createReportStore(records: RecordStore): ReportStore {
  return {
    save: (report) => records.put(report.id, report),
    async get(id) {
      const value = await records.get(id);
      return value === undefined ? undefined : validateReport(value);
    },
    async list(serial) {
      return (await validRecords(records, validateReport))
        .filter((r) => serial === undefined || r.device?.serial === serial)
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    }
  };
}

export function exportReportJson(report: UpdateReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
