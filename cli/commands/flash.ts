/** `bms-flasher flash`: the whole safe update procedure on a serial port (GitHub issue 5). */
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { renderReportHtml, renderReportText } from '../../src/lib/core/report/render-report';
import { exportReportJson } from '../../src/lib/core/report/update-report';
import { CHECKLIST_ITEMS, NO_AUTHENTICATION_ITEM, type ChecklistAnswers } from '../../src/lib/core/update/checklist';
import type { OperatorReadings } from '../../src/lib/core/update/checks/operator-readings';
import type { DeviceSession } from '../../src/lib/core/family/device-session';
import { runUpdate } from '../../src/lib/core/update/run-update';
import type { FinalState, LogEntry, UpdateState } from '../../src/lib/core/update/update-state';
import type { UpdateTimings } from '../../src/lib/core/update/update-timings';
import { UsageError, errorText, parseCommandLine, processIo, readBytes, runCommand, type CliIo } from '../args';
import { linkSettings, withDevice, type DeviceCommandDeps } from '../open-link';
import { createProgressBar, type ProgressBar, type ProgressOutput } from '../progress-bar';
import { DEVICE_OPTIONS, DEVICE_USAGE, askNumber, askYes, loadTechnician, loadTrustedKeys, openStores } from './device-options';
import type { UploadIo } from './upload';

export const summary = 'update a BMS safely: checks, backup, transfer, test boot, self-test, confirm or fall back';

const usage = `usage: bms-flasher flash --port PATH [--baud N] [--key technician.pem] [--trust vendor.pem]... image.img

${DEVICE_USAGE}
  --key FILE      technician key (PEM) for the authenticated session; default DATA/technician.pem
  --trust FILE    a developer public key the package must be signed with (repeat); DATA/trusted-keys/*.pem too
  --operator NAME who performs the update, for the report (default: the login name)
  --yes           confirm the site checklist without questions (no flammables, reliable power, interface)
  --report FILE   also write the report: .html (printable), .json, or text for any other name
  --operator-soc PCT     a device that cannot measure its pack (stock mcumgr): the state of charge read
  --operator-temp C      on site, checked against the same limits and recorded as entered by the operator
                         (asked on a terminal when not given)
  --allow-unauthenticated  update a device without an authenticated maintenance session (refused
                         otherwise); the report records the acknowledgement
  --setting NAME  a stock device's setting to back up through its settings group (repeat)
  --file PATH     a stock device's file to back up through its file-system group (repeat)

Exit status: 0 updated, 3 blocked before any write, 4 aborted before activation, 5 rolled back (proven),
6 device state not proven (use recovery), 1 other errors, 2 usage.`;

const options = {
  ...DEVICE_OPTIONS,
  key: { type: 'string', short: 'k' },
  trust: { type: 'string', multiple: true },
  operator: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  report: { type: 'string' },
  'operator-soc': { type: 'string' },
  'operator-temp': { type: 'string' },
  'allow-unauthenticated': { type: 'boolean' },
  setting: { type: 'string', multiple: true },
  file: { type: 'string', multiple: true }
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
    const given = operatorReadingsOf(values['operator-soc'], values['operator-temp']);
    const family = { settingNames: values.setting, files: values.file };
    const final = await withDevice(settings, deps, async ({ session }, signal) => {
      const checklist = await siteChecklist(io, operator, values.yes ?? false, session, values['allow-unauthenticated'] ?? false);
      const operatorReadings = session.battery ? undefined : (given ?? (await askReadings(io)));
      const progress = progressPrinter(io, io.progress ?? { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY, columns: process.stderr.columns });
      const result = await runUpdate(image, {
        session,
        store: openStores(values),
        trustedKeys,
        technicianKey,
        checklist,
        operatorReadings,
        signal,
        timings: deps.timings,
        tool: 'bms-flasher (cli)',
        onState: progress.state,
        log: progress.log
      });
      progress.end();
      return result;
    }, { family });
    if (values.report) writeReport(values.report, final);
    io.out(outcomeText(final));
    return EXIT[final.outcome];
  });
}

async function siteChecklist(io: CliIo, operator: string, yes: boolean, session: DeviceSession, allowUnauthenticated: boolean): Promise<ChecklistAnswers> {
  const confirmed: ChecklistAnswers['confirmed'] = [];
  for (const item of CHECKLIST_ITEMS) {
    if (yes) io.out(`checklist (${item.requirement}, confirmed by --yes): ${item.en}\n`);
    if (yes || (await askYes(io, `${item.requirement} ${item.en}`))) confirmed.push(item.id);
  }
  // Only the explicit flag acknowledges a device nobody authenticates to; --yes does not.
  if (!session.auth && allowUnauthenticated) {
    io.out(`checklist (${NO_AUTHENTICATION_ITEM.requirement}, acknowledged by --allow-unauthenticated): ${NO_AUTHENTICATION_ITEM.en}\n`);
    confirmed.push(NO_AUTHENTICATION_ITEM.id);
  }
  return { operator, confirmed, at: new Date().toISOString() };
}

function operatorReadingsOf(soc: string | undefined, temp: string | undefined): OperatorReadings | undefined {
  if (soc === undefined && temp === undefined) return undefined;
  if (soc === undefined || temp === undefined) throw new UsageError('--operator-soc and --operator-temp go together');
  const socPct = Number(soc);
  const tempC = Number(temp);
  if (!Number.isFinite(socPct) || !Number.isFinite(tempC)) throw new UsageError(`--operator-soc ${soc} --operator-temp ${temp}: numbers expected (% and °C)`);
  return { socPct, tempC };
}

/** On a terminal, the readings the device cannot take; without one they stay missing and the pre-flight says so. */
async function askReadings(io: CliIo): Promise<OperatorReadings | undefined> {
  io.out('this device cannot measure its pack: read the state of charge and the temperature on site\n');
  const socPct = await askNumber(io, 'state of charge, %');
  const tempC = socPct === undefined ? undefined : await askNumber(io, 'pack temperature, °C');
  return socPct === undefined || tempC === undefined ? undefined : { socPct, tempC };
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
