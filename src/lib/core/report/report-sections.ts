/**
 * The report laid out once as titled tables, so the text and HTML renderings cannot disagree on what
 * a printed report contains.
 */
import { formatNumber } from '../../i18n/format';
import { describeError, lookFirst, render, text, translate, type Lang, type MessageKey, type MessageParams, type Text } from '../../i18n/translate';
import { checkText } from '../update/checks/check-result';
import { checklistItem } from '../update/checklist';
import type { LogEntry } from '../update/update-state';
import type { UpdateReport } from './update-report';
import { readBackText } from './verdict';


export interface ReportSection {
  title: string;
  /** column titles; a section without header is a list of "label: value" rows */
  header?: string[];
  rows: string[][];
}

const OUTCOME_TEXT: Record<UpdateReport['outcome'], MessageKey> = {
  updated: 'report.outcome.updated',
  'settings-changed': 'report.outcome.settingsChanged',
  unfinished: 'report.outcome.unfinished',
  'rolled-back': 'report.outcome.rolledBack',
  blocked: 'report.outcome.blocked',
  aborted: 'report.outcome.aborted',
  cancelled: 'report.outcome.cancelled',
  failed: 'report.outcome.failed'
};

/** The outcome in words, for the report and the log line that saves it. */
export const outcomeText = (outcome: UpdateReport['outcome']): Text => text(OUTCOME_TEXT[outcome]);

/** "not yet" where one action remains (restoring the settings), "no" where the pack is not proven fit. */
const returnToService = (r: UpdateReport): MessageKey =>
  r.returnToService ? 'report.yes' : r.outcome === 'settings-changed' ? 'report.notYet' : 'report.no';

/** A log line in the reader's language; lines logged as plain text (older reports) stay as they were. */
const logMessage = (l: LogEntry, lang: Lang) => (l.text ? `${render(l.text, lang)}${l.detail ? `: ${l.detail}` : ''}` : l.message);

export function reportSections(r: UpdateReport, lang: Lang = 'en'): ReportSection[] {
  const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
  const yesNo = (value: boolean) => t(value ? 'report.yes' : 'report.no');
  const verdictOf = (pass: boolean) => t(pass ? 'report.ok' : 'report.failed');
  const sections: ReportSection[] = [];
  const summary: string[][] = [
    [t('report.outcome'), render(outcomeText(r.outcome), lang)],
    [t('report.returnToService'), t(returnToService(r))],
    [t('report.readBack'), readBackText(r, lang)],
    [t('report.operation'), t(`report.kind.${r.kind}`)],
    [t('report.operator'), r.operator],
    [t('report.technicianKey'), r.technician ? `${r.technician.name} (${r.technician.fingerprint})` : t('report.none')],
    [t('report.started'), r.startedAt],
    [t('report.finished'), r.finishedAt],
    [t('report.tool'), r.tool],
    [t('report.link'), t('report.linkValue', { label: r.link.label, kind: r.link.kind, wiring: text(r.link.wired ? 'report.wired' : 'report.wireless') })]
  ];
  if (r.device) {
    const d = r.device;
    summary.push(
      [t('report.device'), t('report.deviceValue', { model: d.model, serial: d.serial, rev: d.hwRev, bootloader: d.blVersion })],
      [t('report.securityCounter'), `${d.securityCounterBefore} → ${d.securityCounterAfter ?? t('report.unchanged')}`]
    );
  }
  if (r.firmwareBefore) summary.push([t('report.firmwareBefore'), `${r.firmwareBefore.version} ${r.firmwareBefore.hash}`]);
  if (r.package) {
    const p = r.package;
    const signer = p.signer ? t('report.signedBy', { name: p.signer.name, fingerprint: p.signer.fingerprint }) : '';
    const value = t('report.packageValue', { version: p.version, hash: p.hash, counter: p.securityCounter, size: p.sizeBytes });
    summary.push([t('report.package'), `${value}${p.safetyCritical ? t('report.safetyCritical') : ''}${signer}`]);
  }
  if (r.firmwareAfter) {
    const after = r.firmwareAfter;
    const confirmed = after.confirmed === undefined ? '' : t(after.confirmed ? 'report.confirmed' : 'report.notConfirmed');
    summary.push([t('report.firmwareAfter'), `${after.version} ${after.hash}${confirmed}`]);
  }
  if (r.backupId) summary.push([t('report.backup'), r.backupId]);
  sections.push({ title: t('report.summary'), rows: summary });

  if (r.error) {
    const error = describeError(r.error.code, lang);
    sections.push({
      title: t('report.problem'),
      rows: [
        [t('report.code'), r.error.code],
        [t('report.whatHappened'), `${error.summary} ${r.error.detail}`],
        [t('report.diagnosis'), error.diagnosis],
        [t('report.fix'), error.fix],
        [t('report.lookFirst'), lookFirst(r.error.code, lang)]
      ]
    });
  }
  sections.push({
    title: t('report.checks'),
    header: [t('report.check'), t('report.requirement'), t('report.result'), t('report.measured'), t('report.limit'), t('report.reason')],
    rows: r.checks.map((c) => {
      const words = checkText(c, lang);
      return [c.id, c.requirement, t(`report.status.${c.status}`), words.measured, words.threshold, words.reason];
    })
  });
  sections.push({
    title: t('report.checklist'),
    header: [t('report.requirement'), t('report.item'), t('report.confirmedColumn')],
    rows: r.checklist.map((c) => [c.requirement, t(checklistItem(c.id).text), yesNo(c.confirmed)])
  });
  if (r.pauses.length > 0) {
    sections.push({
      title: t('report.pauses'),
      header: [t('report.since'), t('report.outOfBand')],
      rows: r.pauses.map((p) => [p.since, p.checks.map((c) => `${c.id}: ${checkText(c, lang).measured}`).join('; ')])
    });
  }
  if (r.bootLog.length > 0) {
    sections.push({
      title: t('report.bootSequence'),
      header: [t('report.bootTime'), t('report.phase'), t('report.detail')],
      rows: r.bootLog.map((e) => [String(e.t_ms), e.phase, e.detail])
    });
  }
  if (r.selfTest) {
    sections.push({
      title: t('report.selfTest', { verdict: verdictOf(r.selfTest.pass) }),
      header: [t('report.item'), t('report.result'), t('report.value'), t('report.limit'), t('report.detail')],
      rows: r.selfTest.items.map((i) => [i.name, t(i.pass ? 'report.status.pass' : 'report.status.fail'), formatNumber(i.value, lang), formatNumber(i.limit, lang), i.detail])
    });
  }
  if (r.balanceTest) {
    sections.push({
      title: t('report.balance', { verdict: verdictOf(r.balanceTest.pass) }),
      header: [t('report.cell'), t('report.beforeMv'), t('report.afterMv'), t('report.result')],
      rows: r.balanceTest.cells.map((c) => [String(c.index + 1), String(c.before_mv), String(c.after_mv), t(c.ok ? 'report.status.pass' : 'report.status.fail')])
    });
  }
  if (r.configChanges && r.configChanges.length > 0) {
    const absent = t('backups.diff.absent');
    sections.push({
      title: t('report.settingsDiffer'),
      header: [t('backups.diff.setting'), t('backups.diff.device'), t('backups.diff.backup')],
      rows: r.configChanges.map((c) => [c.key, 'device' in c ? String(c.device) : absent, 'backup' in c ? String(c.backup) : absent])
    });
  }
  sections.push({
    title: t('report.phases'),
    header: [t('report.phase'), t('report.started'), t('report.durationMs'), t('report.result')],
    rows: r.phases.map((p) => [p.phase, p.startedAt, p.durationMs === undefined ? '' : String(p.durationMs), p.outcome ? t(`update.status.${p.outcome}`) : ''])
  });
  sections.push({
    title: t('report.log'),
    header: [t('report.time'), t('report.level'), t('report.phase'), t('report.message')],
    rows: r.log.map((l) => [l.at, l.level, l.phase, logMessage(l, lang)])
  });
  return sections;
}
