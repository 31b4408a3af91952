/**
 * The report laid out once as titled tables, so the text and HTML renderings cannot disagree on what
 * a printed report contains.
 */
import { describeError, lookFirst, type Lang } from '../../i18n/translate';
import { checkText } from '../update/checks/check-result';
import type { UpdateReport } from './update-report';
import { readBackText } from './verdict';

export interface ReportSection {
  title: string;
  /** column titles; a section without header is a list of "label: value" rows */
  header?: string[];
  rows: string[][];
}

const OUTCOME_TEXT: Record<UpdateReport['outcome'], string> = {
  updated: 'OK: new firmware running and confirmed',
  'settings-changed': 'Updated, settings changed: restore them before return to service',
  unfinished: 'New firmware running and confirmed, but the procedure did not finish',
  'rolled-back': 'Rolled back: the previous firmware runs again (proven)',
  blocked: 'Blocked before any write: the device is unchanged',
  aborted: 'Aborted before activation: the previous firmware still runs (read back)',
  cancelled: 'Stopped by the operator: nothing more was done to the device',
  failed: 'Failed: device state not proven, use recovery mode'
};

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** "not yet" where one action remains (restoring the settings), "no" where the pack is not proven fit. */
const returnToService = (r: UpdateReport) => (r.returnToService ? 'yes' : r.outcome === 'settings-changed' ? 'not yet: restore the settings first' : 'no');

export function reportSections(r: UpdateReport, lang: Lang = 'en'): ReportSection[] {
  const sections: ReportSection[] = [];
  const summary: string[][] = [
    ['Outcome', OUTCOME_TEXT[r.outcome]],
    ['Return to service', returnToService(r)],
    ['Read back', readBackText(r)],
    ['Operation', r.kind],
    ['Operator', r.operator],
    ['Technician key', r.technician ? `${r.technician.name} (${r.technician.fingerprint})` : 'none'],
    ['Started', r.startedAt],
    ['Finished', r.finishedAt],
    ['Tool', r.tool],
    ['Link', `${r.link.label} (${r.link.kind}, ${r.link.wired ? 'wired' : 'wireless'})`]
  ];
  if (r.device) {
    summary.push(
      ['Device', `${r.device.model} serial ${r.device.serial}, hardware rev ${r.device.hwRev}, bootloader ${r.device.blVersion}`],
      ['Security counter', `${r.device.securityCounterBefore} → ${r.device.securityCounterAfter ?? 'unchanged'}`]
    );
  }
  if (r.firmwareBefore) summary.push(['Firmware before', `${r.firmwareBefore.version} ${r.firmwareBefore.hash}`]);
  if (r.package) {
    const signer = r.package.signer ? `, signed by ${r.package.signer.name} (${r.package.signer.fingerprint})` : '';
    summary.push(['Package', `${r.package.version} ${r.package.hash}, counter ${r.package.securityCounter}, ${r.package.sizeBytes} bytes${r.package.safetyCritical ? ', safety-critical' : ''}${signer}`]);
  }
  if (r.firmwareAfter) summary.push(['Firmware after', `${r.firmwareAfter.version} ${r.firmwareAfter.hash}${r.firmwareAfter.confirmed === undefined ? '' : r.firmwareAfter.confirmed ? ' (confirmed)' : ' (not confirmed)'}`]);
  if (r.backupId) summary.push(['Configuration backup', r.backupId]);
  sections.push({ title: 'Summary', rows: summary });

  if (r.error) {
    const text = describeError(r.error.code, lang);
    sections.push({
      title: 'Problem',
      rows: [
        ['Code', r.error.code],
        ['What happened', `${text.summary} ${r.error.detail}`],
        ['Diagnosis', text.diagnosis],
        ['Fix', text.fix],
        ['Look first at', lookFirst(r.error.code, lang)]
      ]
    });
  }
  sections.push({
    title: 'Checks',
    header: ['Check', 'Req.', 'Result', 'Measured', 'Limit', 'Reason'],
    rows: r.checks.map((c) => {
      const t = checkText(c, lang);
      return [c.id, c.requirement, c.status.toUpperCase(), t.measured, t.threshold, t.reason];
    })
  });
  sections.push({
    title: 'Site checklist',
    header: ['Req.', 'Item', 'Confirmed'],
    rows: r.checklist.map((c) => [c.requirement, c.text, yesNo(c.confirmed)])
  });
  if (r.pauses.length > 0) {
    sections.push({
      title: 'Transfer pauses',
      header: ['Since', 'Out of band'],
      rows: r.pauses.map((p) => [p.since, p.checks.map((c) => `${c.id}: ${checkText(c, lang).measured}`).join('; ')])
    });
  }
  if (r.bootLog.length > 0) {
    sections.push({ title: 'Boot sequence', header: ['t (ms)', 'Phase', 'Detail'], rows: r.bootLog.map((e) => [String(e.t_ms), e.phase, e.detail]) });
  }
  if (r.selfTest) {
    sections.push({
      title: `Self-test: ${r.selfTest.pass ? 'OK' : 'FAILED'}`,
      header: ['Item', 'Result', 'Value', 'Limit', 'Detail'],
      rows: r.selfTest.items.map((i) => [i.name, i.pass ? 'pass' : 'FAIL', String(i.value), String(i.limit), i.detail])
    });
  }
  if (r.balanceTest) {
    sections.push({
      title: `Cell balancing: ${r.balanceTest.pass ? 'OK' : 'FAILED'}`,
      header: ['Cell', 'Before (mV)', 'After (mV)', 'Result'],
      rows: r.balanceTest.cells.map((c) => [String(c.index + 1), String(c.before_mv), String(c.after_mv), c.ok ? 'ok' : 'FAIL'])
    });
  }
  if (r.configChanges && r.configChanges.length > 0) {
    sections.push({
      title: 'Settings that differ from the backup',
      header: ['Setting', 'Device now', 'Backup'],
      rows: r.configChanges.map((c) => [c.key, 'device' in c ? String(c.device) : '(absent)', 'backup' in c ? String(c.backup) : '(absent)'])
    });
  }
  sections.push({
    title: 'Phases',
    header: ['Phase', 'Started', 'Duration (ms)', 'Result'],
    rows: r.phases.map((p) => [p.phase, p.startedAt, p.durationMs === undefined ? '' : String(p.durationMs), p.outcome ?? ''])
  });
  sections.push({ title: 'Log', header: ['Time', 'Level', 'Phase', 'Message'], rows: r.log.map((l) => [l.at, l.level, l.phase, l.message]) });
  return sections;
}
