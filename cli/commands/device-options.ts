/**
 * What the device commands share besides the link (cli/open-link.ts): the option names, the local
 * stores, the trusted keys and the technician key, and yes/no questions.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { createBackupStore } from '../../src/lib/core/backup/backup-store';
import { parseAnyKeyPem, type TrustedKey } from '../../src/lib/core/image/keys';
import { createReportStore } from '../../src/lib/core/report/update-report';
import type { UpdateStores } from '../../src/lib/core/update/update-context';
import { CHECKLIST_ITEMS, type ChecklistAnswers } from '../../src/lib/core/update/checklist';
import { defaultDataDir, fileBackupRecords, fileReportRecords, loadTechnicianKeyFile } from '../../src/lib/platform/node/file-store';
import type { TechnicianSigner } from '../../src/lib/core/family/technician-signer';
import { fail } from '../../src/lib/core/errors';
import { readText, UsageError, type CliIo } from '../args';
import { translate } from '../../src/lib/i18n/translate';

export const DEVICE_OPTIONS = {
  port: { type: 'string', short: 'p' },
  baud: { type: 'string', short: 'b' },
  data: { type: 'string' }
} as const;

export const DEVICE_USAGE = `  --port PATH     serial port of the BMS (/dev/ttyUSB0, COM7, the simulator's pty)
  --baud N        line rate, default 115200 (must match the device: the link test checks it)
  --data DIR      where backups, reports, technician.pem and trusted-keys/ live
                  (default $BMS_FLASHER_HOME or ~/.bms-flasher)`;

export interface DeviceValues {
  port?: string;
  baud?: string;
  data?: string;
}

export function dataDirOf(values: DeviceValues): string {
  return values.data ?? defaultDataDir();
}

export function openStores(values: DeviceValues): UpdateStores {
  const dir = dataDirOf(values);
  return { backups: createBackupStore(fileBackupRecords(dir)), reports: createReportStore(fileReportRecords(dir)) };
}

/** --trust files, then every PEM in DATA/trusted-keys/ (the developer key chain, R24). */
export function loadTrustedKeys(paths: readonly string[], values: DeviceValues): TrustedKey[] {
  const folder = join(dataDirOf(values), 'trusted-keys');
  let stored: string[] = [];
  try {
    stored = readdirSync(folder).filter((name) => name.endsWith('.pem')).map((name) => join(folder, name));
  } catch {
    // No folder: only the keys given on the command line.
  }
  return [...paths, ...stored].map((path) => ({ name: basename(path), publicKey: parseAnyKeyPem(readText(path)).publicKey }));
}

/** --key, else DATA/technician.pem; undefined when neither exists (the procedure then says what to do). */
export async function loadTechnician(path: string | undefined, values: DeviceValues): Promise<TechnicianSigner | undefined> {
  const file = path ?? join(dataDirOf(values), 'technician.pem');
  try {
    return await loadTechnicianKeyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // An explicit --key that does not exist is a mistake to name; no default key file just means "none".
    if (path !== undefined) fail('UPDATE_TECHNICIAN_KEY_MISSING', `no key file at ${path}`);
    return undefined;
  }
}

/** Asks on the terminal; without one (scripts, CI) the answer is no, and `hint` says which option answers. */
export async function askYes(io: CliIo, question: string, hint = '--yes'): Promise<boolean> {
  return /^y(es)?$/i.test((await ask(io, `${question} [y/N]`, hint)) ?? '');
}

/** A line typed on the terminal, trimmed; undefined without a terminal. */
export async function ask(io: CliIo, question: string, hint: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) {
    io.err(`${question} [no terminal: answer with ${hint}]\n`);
    return undefined;
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(`${question} `)).trim();
  } finally {
    rl.close();
  }
}

/** Asks for a number on the terminal; undefined without one (scripts, CI) or for an empty answer. */
export async function askNumber(io: CliIo, question: string, hint: string): Promise<number | undefined> {
  const answer = (await ask(io, question, hint))?.replace(',', '.');
  return answer === undefined || answer === '' || !Number.isFinite(Number(answer)) ? undefined : Number(answer);
}

/** The site checklist (R04, R05): confirmed by the named person (--checklist-confirmed-by), or asked on the terminal with the name. */
export async function askChecklist(io: CliIo, confirmedBy: string | undefined): Promise<ChecklistAnswers> {
  const at = () => new Date().toISOString();
  if (confirmedBy !== undefined) {
    if (!confirmedBy.trim()) throw new UsageError('--checklist-confirmed-by needs the name of who checked the site');
    for (const item of CHECKLIST_ITEMS) io.out(`checklist (confirmed by ${confirmedBy}): ${translate('en', item.text)}\n`);
    return { operator: confirmedBy.trim(), confirmed: CHECKLIST_ITEMS.map((item) => item.id), at: at() };
  }
  const hint = '--checklist-confirmed-by NAME';
  const confirmed: ChecklistAnswers['confirmed'] = [];
  for (const item of CHECKLIST_ITEMS) {
    if (await askYes(io, translate('en', item.text), hint)) confirmed.push(item.id);
  }
  const name = confirmed.length > 0 ? await ask(io, 'Your name, recorded in the report as who checked the site:', hint) : undefined;
  return { operator: name || 'nobody (checklist not confirmed)', confirmed: name ? confirmed : [], at: at() };
}
