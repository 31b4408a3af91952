/**
 * The verdict of a run as a `Text`, built only from what the report says was read back from the device
 * at the end. The CLI prints it in English, the report and the app render it in their reader's language.
 */
import { render, text, type Lang, type Text } from '../../i18n/translate';
import type { UpdateReport } from './update-report';

const wrote = (r: UpdateReport) => r.phases.some((p) => p.phase === 'transfer');

/** "1.4.0+0 (the new firmware), confirmed by its own self-test" — who confirmed it matters: the tool, or the firmware itself. */
function running(r: UpdateReport): Text | undefined {
  const after = r.firmwareAfter;
  if (!after) return undefined;
  const weConfirmed = r.phases.some((p) => p.phase === 'confirm' && p.outcome !== 'failed');
  const isPackage = after.hash === r.package?.hash;
  const confirmed = text(!after.confirmed ? 'readBack.onTest' : isPackage && !weConfirmed ? 'readBack.selfConfirmed' : 'readBack.confirmed');
  const state = after.pending ? text('readBack.pending', { state: confirmed, version: after.pending }) : confirmed;
  const which = after.hash === r.firmwareBefore?.hash ? 'readBack.previous' : isPackage ? 'readBack.package' : 'readBack.other';
  return text(which, { version: after.version, state });
}

/** What runs now, as read back at the end, or that it could not be read back. */
export function readBack(r: UpdateReport): Text {
  const runs = running(r);
  if (!runs) return text(wrote(r) ? 'readBack.none' : 'readBack.notRead');
  return r.firmwareAfter?.readAt ? text('readBack.at', { running: runs, at: r.firmwareAfter.readAt }) : runs;
}

/** One or two lines a technician acts on. */
export function verdict(r: UpdateReport): Text {
  const runningNow = running(r);
  const runs = runningNow ? text('verdict.runs', { running: runningNow }) : text('verdict.silent');
  const unchanged = (plain: 'verdict.blocked' | 'verdict.stoppedBeforeWrite', withRuns: 'verdict.blockedRuns' | 'verdict.stoppedBeforeWriteRuns') =>
    runningNow ? text(withRuns, { running: runningNow }) : text(plain);
  switch (r.outcome) {
    case 'updated':
      return text(r.returnToService ? 'verdict.updated' : 'verdict.updatedNotReady', { version: r.firmwareAfter?.version ?? '?' });
    case 'settings-changed':
      return text('verdict.settingsChanged', { runs, count: r.configChanges?.length ?? 0, backup: r.backupId ?? '?' });
    case 'unfinished':
      return text('verdict.unfinished', { runs });
    case 'rolled-back':
      return text('verdict.rolledBack', { runs });
    case 'blocked':
      return unchanged('verdict.blocked', 'verdict.blockedRuns');
    case 'aborted':
      return text('verdict.aborted', { runs });
    case 'cancelled':
      return wrote(r) ? text('verdict.stopped', { runs }) : unchanged('verdict.stoppedBeforeWrite', 'verdict.stoppedBeforeWriteRuns');
    case 'failed':
      return text('verdict.failed', { runs });
  }
}

export const readBackText = (r: UpdateReport, lang: Lang = 'en'): string => render(readBack(r), lang);
export const verdictText = (r: UpdateReport, lang: Lang = 'en'): string => render(verdict(r), lang);
