/** `bms-flasher flash`: the whole safe update procedure on a serial port (GitHub issue 5). */
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { renderReportHtml, renderReportText } from '../../src/lib/core/report/render-report';
import { exportReportJson } from '../../src/lib/core/report/update-report';
import { CHECKLIST_ITEMS, type ChecklistAnswers } from '../../src/lib/core/update/checklist';
import { runUpdate } from '../../src/lib/core/update/run-update';
import { translate } from '../../src/lib/i18n/translate';
import type { FinalState, LogEntry, UpdateState } from '../../src/lib/core/update/update-state';
import type { UpdateTimings } from '../../src/lib/core/update/update-timings';
import { errorText, parseCommandLine, processIo, readBytes, runCommand, type CliIo } from '../args';
import { linkSettings, withDevice, type DeviceCommandDeps } from '../open-link';
import { createProgressBar, type ProgressBar, type ProgressOutput } from '../progress-bar';
import { DEVICE_OPTIONS, DEVICE_USAGE, askYes, loadTechnician, loadTrustedKeys, openStores } from './device-options';
import type { UploadIo } from './upload';

export const summary = 'update a BMS safely: checks, backup, transfer, test boot, self-test, confirm or fall back';

const usage = `usage: bms-flasher flash --port PATH [--baud N] [--key technician.pem] [--trust vendor.pem]... image.img

${DEVICE_USAGE}
  --key FILE      technician key (PEM) for the authenticated session; default DATA/technician.pem
  --trust FILE    a developer public key the package must be signed with (repeat); DATA/trusted-keys/*.pem too
  --operator NAME who performs the update, for the report (default: the login name)
  --yes           confirm the site checklist without questions (no flammables, reliable power, interface)
  --report FILE   also write the report: .html (printable), .json, or text for any other name

Exit status: 0 updated, 3 blocked before any write, 4 aborted before activation, 5 rolled back (proven),
6 device state not proven (use recovery), 1 other errors, 2 usage.`;

const options = {
  ...DEVICE_OPTIONS,
  key: { type: 'string', short: 'k' },
  trust: { type: 'string', multiple: true },
  operator: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  report: { type: 'string' }
} as const;

const EXIT: Record<FinalState['outcome'], number> = { updated: 0, blocked: 3, aborted: 4, 'rolled-back': 5, failed: 6 };

export function run(argv: string[], io: UploadIo = processIo, deps: DeviceCommandDeps & { timings?: Partial<UpdateTimings> } = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values, positionals } = parseCommandLine(argv, options, 1);
    const settings = linkSettings(values);
    const image = readBytes(positionals[0]);
    const trustedKeys = loadTrustedKeys(values.trust ?? [], values);
    const technicianKey = await loadTechnician(values.key, values);
    const operator = values.operator ?? userInfo().username;
    const checklist = await siteChecklist(io, operator, values.yes ?? false);
    const final = await withDevice(settings, deps, async ({ session }, signal) => {
      const progress = progressPrinter(io, io.progress ?? { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY, columns: process.stderr.columns });
      const result = await runUpdate(image, {
        session,
        store: openStores(values),
        trustedKeys,
        technicianKey,
        checklist,
        signal,
        timings: deps.timings,
        tool: 'bms-flasher (cli)',
        onState: progress.state,
        log: progress.log
      });
      progress.end();
      return result;
    });
    if (values.report) writeReport(values.report, final);
    io.out(outcomeText(final));
    return EXIT[final.outcome];
  });
}

async function siteChecklist(io: CliIo, operator: string, yes: boolean): Promise<ChecklistAnswers> {
  const confirmed: ChecklistAnswers['confirmed'] = [];
  for (const item of CHECKLIST_ITEMS) {
    if (yes) io.out(`checklist (confirmed by --yes): ${translate('en', item.text)}\n`);
    if (yes || (await askYes(io, translate('en', item.text)))) confirmed.push(item.id);
  }
  return { operator, confirmed, at: new Date().toISOString() };
}

function writeReport(path: string, final: FinalState): void {
  const text = path.endsWith('.html')
    ? renderReportHtml(final.report)
    : path.endsWith('.json')
      ? exportReportJson(final.report)
      : renderReportText(final.report);
  writeFileSync(path, text);
}

function outcomeText(final: FinalState): string {
  const { report } = final;
  const lines = [`\nreport ${report.id} saved (outcome: ${final.outcome})`];
  if (final.phase === 'done' && final.outcome === 'updated') {
    lines.push(`OK: ${report.firmwareAfter?.version} runs and is confirmed`);
    if (!report.returnToService) lines.push('NOT ready for service: see the problem below');
    if (report.configChanges?.length) lines.push(`${report.configChanges.length} setting(s) differ from backup ${report.backupId}: run \`bms-flasher restore\` with it if needed`);
  }
  const problem = final.phase === 'failed' ? final.error : final.cause;
  return `${lines.join('\n')}\n${problem ? errorText(problem) : ''}`;
}

/** Phases and log lines as they happen; the shared transfer bar while the image is sent (R16). */
function progressPrinter(io: CliIo, output: ProgressOutput) {
  let phase = '';
  let bar: ProgressBar | undefined;
  const endBar = () => {
    bar?.finish();
    bar = undefined;
  };
  return {
    state(state: UpdateState) {
      if (state.phase !== phase) {
        endBar();
        phase = state.phase;
        io.out(`== ${phase}\n`);
      }
      if (state.phase !== 'transfer') return;
      if (state.paused) {
        endBar();
        return;
      }
      bar ??= createProgressBar(output, { label: 'transfer' });
      bar.update({ sent: state.sent, total: state.total, bytesPerSecond: state.bytesPerSecond, retries: state.restarts });
    },
    log(entry: LogEntry) {
      // A log line during the transfer (a hold, a lost link) ends the bar; the next update starts a new one.
      if (entry.phase === 'transfer' && bar) endBar();
      io.out(`${entry.at.slice(11, 23)} ${entry.level === 'info' ? '    ' : entry.level.toUpperCase().padEnd(4)} ${entry.message}\n`);
    },
    end: endBar
  };
}
