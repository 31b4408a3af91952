/** Backups kept locally, keyed by serial + time (R09); every read is validated. */
import { fail } from '../errors';
import { validateBackup, type ConfigBackup } from './config-backup';
import { validRecords, type RecordStore } from './record-store';

export interface BackupStore {
  save(backup: ConfigBackup): Promise<void>;
  /** UPDATE_BACKUP_NOT_FOUND when absent */
  get(id: string): Promise<ConfigBackup>;
  /** newest first; only this device's when a serial is given. Invalid records are skipped, not fatal. */
  list(serial?: string): Promise<ConfigBackup[]>;
  delete(id: string): Promise<void>;
}

export function createBackupStore(records: RecordStore): BackupStore {
  return {
    save: (backup) => records.put(backup.id, validateBackup(backup)),
    async get(id) {
      const value = await records.get(id);
      if (value === undefined) fail('UPDATE_BACKUP_NOT_FOUND', `no backup "${id}"`);
      return validateBackup(value);
    },
    async list(serial) {
      return (await validRecords(records, validateBackup))
        .filter((b) => serial === undefined || b.serial === serial)
        .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
    },
    delete: (id) => records.delete(id)
  };
}
