/**
 * The configuration backups kept in this browser (R09, R23): the same IndexedDB store the update
 * writes its backup into, read and validated through the core's BackupStore.
 */
import { browser } from '$app/environment';
import { createBackupStore, type BackupStore } from '$lib/core/backup/backup-store';
import { backupFileName, checkBackupFileSize, exportBackupJson, importBackupJson, type ConfigBackup } from '$lib/core/backup/config-backup';
import { toErrorData, type ErrorData } from '$lib/core/errors';
import { idbBackupRecords } from '$lib/platform/web/storage/idb-store';
import { downloadText } from '../reports/download';

class Backups {
  all = $state.raw<ConfigBackup[]>([]);
  loaded = $state(false);
  /** the last import's outcome: the backup added, or why the file was refused */
  imported = $state.raw<{ backup: ConfigBackup } | { error: ErrorData; fileName: string } | undefined>(undefined);
  #store: BackupStore | undefined;

  async load(): Promise<void> {
    if (!browser) return;
    this.all = await this.#db().list();
    this.loaded = true;
  }

  get(id: string): Promise<ConfigBackup> {
    return this.#db().get(id);
  }

  async importFile(file: File): Promise<void> {
    try {
      checkBackupFileSize(file.size);
      const backup = importBackupJson(await file.text());
      await this.#db().save(backup);
      this.imported = { backup };
      await this.load();
    } catch (error) {
      this.imported = { error: toErrorData(error), fileName: file.name };
    }
  }

  exportFile(backup: ConfigBackup): void {
    downloadText(backupFileName(backup), exportBackupJson(backup), 'application/json');
  }

  async remove(id: string): Promise<void> {
    await this.#db().delete(id);
    await this.load();
  }

  #db(): BackupStore {
    return (this.#store ??= createBackupStore(idbBackupRecords()));
  }
}

export const backups = new Backups();
