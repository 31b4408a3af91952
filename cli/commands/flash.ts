/** `bms-flasher flash`: the whole safe update procedure on a serial port (GitHub issue 5). */
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { describeError } from '../../src/lib/core/error-catalog';
import { renderReportHtml, renderReportText } from '../../src/lib/core/report/render-report';
import { exportReportJson } from '../../src/lib/core/report/update-report';
import { CHECKLIST_ITEMS, type ChecklistAnswers } from '../../src/lib/core/update/checklist';
import { runUpdate } from '../../src/lib/core/update/run-update';
import type { FinalState, LogEntry, UpdateState } from '../../src/lib/core/update/update-state';
import { parseCommandLine, processIo, readBytes, runCommand, type CliIo } from '../args';
import { DEVICE_OPTIONS, DEVICE_USAGE, askYes, loadTechnician, loadTrustedKeys, openSession, openStores } from './device-options';

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

export function run(argv: string[], io: CliIo = processIo): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values, positionals } = parseCommandLine(argv, options, 1);
    const image = readBytes(positionals[0]);
    const trustedKeys = loadTrustedKeys(values.trust ?? [], values);
    const technicianKey = await loadTechnician(values.key, values);
    const operator = values.operator ?? userInfo().username;
    const checklist = await siteChecklist(io, operator, values.yes ?? false);
    const session = await openSession(values);
    const progress = progressPrinter(io);
    try {
      const final = await runUpdate(image, {
        session,
        store: openStores(values),
        trustedKeys,
        technicianKey,
        checklist,
        tool: 'bms-flasher (cli)',
        onState: progress.state,
        log: progress.log
      });
      progress.end();
      if (values.report) writeReport(values.report, final);
      io.out(outcomeText(final));
      return EXIT[final.outcome];
    } finally {
      await session.close();
    }
  });
}

async function siteChecklist(io: CliIo, operator: string, yes: boolean): Promise<ChecklistAnswers> {
  const confirmed: ChecklistAnswers['confirmed'] = [];
  for (const item of CHECKLIST_ITEMS) {
    if (yes) io.out(`checklist (${item.requirement}, confirmed by --yes): ${item.en}\n`);
    if (yes || (await askYes(io, `${item.requirement} ${item.en}`))) confirmed.push(item.id);
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
  if (problem) {
    const text = describeError(problem.code);
    lines.push(`${problem.code}: ${problem.detail}`, `  ${text.summary}`, `  diagnosis: ${text.diagnosis}`, `  fix: ${text.fix}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Phases and log lines as they happen; a progress bar on a terminal during the transfer. */
function progressPrinter(io: CliIo) {
  const tty = Boolean(process.stderr.isTTY);
  let phase = '';
  let barShown = false;
  const clearBar = () => {
    if (barShown) io.err('\r\x1b[2K');
    barShown = false;
  };
  return {
    state(state: UpdateState) {
      if (state.phase !== phase) {
        clearBar();
        phase = state.phase;
        io.out(`== ${phase}\n`);
      }
      if (state.phase === 'transfer' && tty) {
        io.err(`\r${transferBar(state)}`);
        barShown = true;
      }
    },
    log(entry: LogEntry) {
      clearBar();
      io.out(`${entry.at.slice(11, 23)} ${entry.level === 'info' ? '   ' : entry.level.toUpperCase().padEnd(4)} ${entry.message}\n`);
    },
    end: clearBar
  };
}

export function transferBar(state: Extract<UpdateState, { phase: 'transfer' }>): string {
  const width = 30;
  const done = state.total > 0 ? state.sent / state.total : 0;
  const filled = Math.round(done * width);
  const speed = `${(state.bytesPerSecond / 1024).toFixed(1)} KiB/s`;
  const held = state.paused ? ` HELD: ${state.paused.checks.map((c) => c.id).join(', ')} out of band` : '';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(done * 100).toFixed(1).padStart(5)} % ${state.sent}/${state.total} B ${speed}${held}`;
}
