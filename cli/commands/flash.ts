/** `bms-flasher flash`: the whole safe update procedure on a serial port (GitHub issue 5). */
import { writeFileSync } from 'node:fs';
import { renderReportHtml, renderReportText } from '../../src/lib/core/report/render-report';
import { exportReportJson } from '../../src/lib/core/report/update-report';
import { verdictText } from '../../src/lib/core/report/verdict';
import { NO_AUTHENTICATION_ITEM } from '../../src/lib/core/update/checklist';
import { translate } from '../../src/lib/i18n/translate';
import type { OperatorReadings } from '../../src/lib/core/update/checks/operator-readings';
import { runUpdate } from '../../src/lib/core/update/run-update';
import type { FinalState, LogEntry, UpdateState } from '../../src/lib/core/update/update-state';
import type { UpdateTimings } from '../../src/lib/core/update/update-timings';
import { UsageError, errorText, parseCommandLine, processIo, readBytes, runCommand, type CliIo } from '../args';
import { EXIT_TABLE, flashExitStatus, stoppedBy, type StopSignal } from '../exit-status';
import { linkSettings, withDevice, type DeviceCommandDeps } from '../open-link';
import { createProgressBar, type ProgressBar, type ProgressOutput } from '../progress-bar';
import { DEVICE_OPTIONS, DEVICE_USAGE, askChecklist, askNumber, loadTechnician, loadTrustedKeys, openStores } from './device-options';
import type { UploadIo } from './upload';

export const summary = 'update a BMS safely: checks, backup, transfer, test boot, self-test, confirm or fall back';

const usage = `usage: bms-flasher flash --port PATH [--baud N] [--key technician.pem] [--trust vendor.pem]...
                          [--checklist-confirmed-by NAME] [--report FILE] image.img

${DEVICE_USAGE}
  --key FILE      technician key (PEM) for the authenticated session; default DATA/technician.pem
  --trust FILE    a developer public key the package must be signed with (repeat); DATA/trusted-keys/*.pem too
  --checklist-confirmed-by NAME
                  NAME checked the site for this update (no flammables, reliable power, interface suits the
                  site); recorded in the report. Without it the checklist is asked on the terminal, and
                  without a terminal the update is blocked. --yes does not confirm it.
  --report FILE   also write the report: .html (printable), .json, or text for any other name
  --operator-soc PCT, --operator-temp C
                  a device that cannot measure its pack (stock mcumgr): the state of charge and the
                  temperature read on site, checked against the same limits and recorded as entered by
                  the operator (asked on a terminal when not given)
  --allow-unauthenticated
                  update a device without an authenticated maintenance session (refused otherwise);
                  the report records the acknowledgement
  --setting NAME  a stock device's setting to back up through its settings group (repeat)
  --file PATH     a stock device's file to back up through its file-system group (repeat)

${EXIT_TABLE}`;

const options = {
  ...DEVICE_OPTIONS,
  key: { type: 'string', short: 'k' },
  trust: { type: 'string', multiple: true },
  'checklist-confirmed-by': { type: 'string' },
  report: { type: 'string' },
  'operator-soc': { type: 'string' },
  'operator-temp': { type: 'string' },
  'allow-unauthenticated': { type: 'boolean' },
  setting: { type: 'string', multiple: true },
  file: { type: 'string', multiple: true }
} as const;

export function run(argv: string[], io: UploadIo = processIo, deps: DeviceCommandDeps & { timings?: Partial<UpdateTimings> } = {}): Promise<number> {
  return runCommand(usage, io, async () => {
    // The site checklist is confirmed by a person, each time: a blanket --yes would tick it unseen.
    if (argv.includes('--yes') || argv.includes('-y')) {
      throw new UsageError('--yes does not confirm the site checklist: give --checklist-confirmed-by NAME (who checked the site)');
    }
    const { values, positionals } = parseCommandLine(argv, options, 1);
    const settings = linkSettings(values);
    const image = readBytes(positionals[0]);
    const trustedKeys = loadTrustedKeys(values.trust ?? [], values);
    const technicianKey = await loadTechnician(values.key, values);
    const checklist = await askChecklist(io, values['checklist-confirmed-by']);
    const given = operatorReadingsOf(values['operator-soc'], values['operator-temp']);
    let stopSignal: StopSignal | undefined;
    const final = await withDevice(settings, deps, async ({ session }, signal) => {
      // Only the explicit flag acknowledges a device nobody authenticates to; the site checklist does not.
      if (!session.auth && values['allow-unauthenticated']) {
        io.out(`checklist (${NO_AUTHENTICATION_ITEM.requirement}, acknowledged by --allow-unauthenticated): ${translate('en', NO_AUTHENTICATION_ITEM.text)}\n`);
        checklist.confirmed.push(NO_AUTHENTICATION_ITEM.id);
      }
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
      stopSignal = stoppedBy(signal);
      return result;
    }, { family: { settingNames: values.setting, files: values.file } });
    if (values.report) writeReport(values.report, final);
    io.out(outcomeText(final));
    return flashExitStatus(final, stopSignal);
  });
}

/** R04 R05: confirmed by the named person, or item by item on the terminal; the report records who. */
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
  const hint = '--operator-soc PCT --operator-temp C';
  io.out('this device cannot measure its pack: read the state of charge and the temperature on site\n');
  const socPct = await askNumber(io, 'State of charge read on the pack, %:', hint);
  const tempC = socPct === undefined ? undefined : await askNumber(io, 'Pack temperature, °C:', hint);
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
  const problem = final.phase === 'failed' ? final.error : final.cause;
  return `\nreport ${report.id} saved (outcome: ${final.outcome})\n${verdictText(report)}\n${problem ? errorText(problem) : ''}`;
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
