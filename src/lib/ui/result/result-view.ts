/**
 * What the Result page says about a finished operation, as pure data read from its report: the verdict,
 * the proof of which firmware runs now (R19), and what to do about a problem (R21, R23).
 */
import { lookFirst, type Lang, type MessageKey } from '../../i18n/translate';
import type { ErrorData } from '../../core/errors';
import type { FirmwareRef, UpdateReport } from '../../core/report/update-report';

export type Tone = 'ok' | 'warn' | 'danger';

export interface OutcomeView {
  title: MessageKey;
  text: MessageKey;
  tone: Tone;
}

const OUTCOMES: Record<UpdateReport['outcome'], OutcomeView> = {
  updated: { title: 'result.updated', text: 'result.updatedText', tone: 'ok' },
  'settings-changed': { title: 'result.updatedSettings', text: 'result.updatedSettingsText', tone: 'warn' },
  unfinished: { title: 'result.unfinished', text: 'result.unfinishedText', tone: 'warn' },
  cancelled: { title: 'result.cancelled', text: 'result.cancelledText', tone: 'warn' },
  'rolled-back': { title: 'result.rolledBack', text: 'result.rolledBackText', tone: 'warn' },
  blocked: { title: 'result.blocked', text: 'result.blockedText', tone: 'warn' },
  aborted: { title: 'result.aborted', text: 'result.abortedText', tone: 'warn' },
  failed: { title: 'result.failed', text: 'result.failedText', tone: 'danger' }
};

/** An update that succeeded but may not return to service (self-test or balancing issue) is not plain OK. */
export function outcomeView(report: UpdateReport): OutcomeView {
  if (report.outcome === 'updated' && !report.returnToService) {
    return { title: 'result.updated', text: 'result.notInService', tone: 'warn' };
  }
  return OUTCOMES[report.outcome];
}

export interface FirmwareProof {
  before?: FirmwareRef;
  /** version and hash read back from the device at the end */
  after?: FirmwareRef & { confirmed?: boolean };
  /** the package that was meant to be installed */
  package?: FirmwareRef;
  /** after equals before: the device runs its previous firmware (the expected end of a fallback or abort) */
  sameAsBefore: boolean;
  /** after equals the package: the new firmware runs */
  isPackage: boolean;
}

const sameRef = (a?: FirmwareRef, b?: FirmwareRef) => a !== undefined && b !== undefined && a.version === b.version && a.hash === b.hash;

export function firmwareProof(report: UpdateReport): FirmwareProof {
  return {
    before: report.firmwareBefore,
    after: report.firmwareAfter,
    package: report.package,
    sameAsBefore: sameRef(report.firmwareAfter, report.firmwareBefore),
    isPackage: report.firmwareAfter !== undefined && report.package !== undefined && report.firmwareAfter.hash === report.package.hash
  };
}

export interface Troubleshooting {
  /** the catalog gives its summary, diagnosis and fix (ErrorPanel) */
  error: ErrorData;
  /** where to look first: the binary, the hardware, the power or the procedure (R23) */
  lookFirst: string;
}

/** The problem of the operation: its error, or the issue that keeps an updated pack out of service. */
export function troubleshooting(report: UpdateReport, lang: Lang): Troubleshooting | undefined {
  if (!report.error) return undefined;
  return { error: report.error, lookFirst: lookFirst(report.error.code, lang) };
}

/** Settings the new firmware changed, when a backup exists to put them back (R09, R23). */
export function restoreOffer(report: UpdateReport): { backupId: string; changes: NonNullable<UpdateReport['configChanges']> } | undefined {
  if (!report.backupId || !report.configChanges || report.configChanges.length === 0) return undefined;
  return { backupId: report.backupId, changes: report.configChanges };
}

/** "report-VB2400001-2026-03-01T10-20-30-456Z.json": sorts by device then time, valid on every OS. */
export function reportFileName(report: UpdateReport, extension: 'json' | 'html'): string {
  const serial = report.device?.serial ?? 'unknown-device';
  return `report-${serial}-${report.startedAt.replace(/[:.]/g, '-')}.${extension}`.replace(/[^\w.-]/g, '_');
}
