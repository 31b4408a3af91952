/**
 * A configuration backup (R09, R23): every setting of one device at one moment, as plain JSON so it
 * can be kept in IndexedDB, exported to a file of the user's choice and imported back.
 */
import { fail } from '../errors';
import { formatSize } from '../format';
import type { BmsConfig, BmsIdentity } from '../protocol/smp/groups/bms-group';

export const BACKUP_FORMAT = 'bms-flasher/config-backup/v1';

export interface ConfigBackup {
  format: typeof BACKUP_FORMAT;
  /** serial + time: unique per device and moment, sorts by time within a device */
  id: string;
  serial: string;
  model: string;
  hwRev: string;
  fwVersion: string;
  /** ISO 8601 */
  takenAt: string;
  config: BmsConfig;
}

/** Settings are short strings in the BMS group contract; longer ones mean a corrupted file. */
const MAX_TEXT_SETTING = 64;

export function makeBackup(identity: BmsIdentity, config: BmsConfig, takenAt: Date): ConfigBackup {
  const iso = takenAt.toISOString();
  return {
    format: BACKUP_FORMAT,
    id: `${identity.serial}@${iso}`,
    serial: identity.serial,
    model: identity.model,
    hwRev: identity.hw_rev,
    fwVersion: identity.fw_version,
    takenAt: iso,
    config: { ...config }
  };
}

/** Checks an untrusted value (imported file, stored record) and returns it typed; UPDATE_BACKUP_INVALID otherwise. */
export function validateBackup(value: unknown): ConfigBackup {
  const invalid = (why: string): never => fail('UPDATE_BACKUP_INVALID', why);
  if (typeof value !== 'object' || value === null) invalid('not a JSON object');
  const v = value as Record<string, unknown>;
  if (v.format !== BACKUP_FORMAT) invalid(`format is ${JSON.stringify(v.format)}, expected "${BACKUP_FORMAT}"`);
  for (const field of ['id', 'serial', 'model', 'hwRev', 'fwVersion', 'takenAt'] as const) {
    if (typeof v[field] !== 'string' || v[field] === '') invalid(`field "${field}" is missing or not text`);
  }
  if (Number.isNaN(Date.parse(v.takenAt as string))) invalid(`takenAt "${v.takenAt}" is not a date`);
  const config = v.config;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) invalid('field "config" is not an object');
  const entries = Object.entries(config as Record<string, unknown>);
  if (entries.length === 0) invalid('the configuration is empty');
  for (const [key, setting] of entries) {
    const ok =
      (typeof setting === 'number' && Number.isInteger(setting)) ||
      (typeof setting === 'string' && setting.length <= MAX_TEXT_SETTING);
    if (!ok) invalid(`setting "${key}" is ${JSON.stringify(setting)}: expected an integer or a short text`);
  }
  return {
    format: BACKUP_FORMAT,
    id: v.id as string,
    serial: v.serial as string,
    model: v.model as string,
    hwRev: v.hwRev as string,
    fwVersion: v.fwVersion as string,
    takenAt: v.takenAt as string,
    config: Object.fromEntries(entries) as BmsConfig
  };
}

export function exportBackupJson(backup: ConfigBackup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** A backup is a few kB of settings; anything much bigger is another file, refused before it is read whole. */
export const MAX_BACKUP_FILE_BYTES = 256 * 1024;

/** Checks a picked file's size before reading it (UPDATE_BACKUP_INVALID). */
export function checkBackupFileSize(size: number): void {
  if (size === 0) fail('UPDATE_BACKUP_INVALID', 'the file is empty (0 bytes)');
  if (size > MAX_BACKUP_FILE_BYTES) fail('UPDATE_BACKUP_INVALID', `the file is ${formatSize(size)}; a backup is a few kB (at most ${formatSize(MAX_BACKUP_FILE_BYTES)})`);
}

export function importBackupJson(text: string): ConfigBackup {
  checkBackupFileSize(text.length);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail('UPDATE_BACKUP_INVALID', `not JSON: ${(error as Error).message}`);
  }
  return validateBackup(value);
}

/** A file name that sorts by device then time and is valid on every OS. */
export function backupFileName(backup: ConfigBackup): string {
  return `bms-backup-${backup.serial}-${backup.takenAt.replace(/[:.]/g, '-')}.json`.replace(/[^\w.-]/g, '_');
}
