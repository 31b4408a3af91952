/**
 * Backups and reports in IndexedDB through idb-keyval (R09, R27): one database per kind so clearing one
 * never touches the other. Opened lazily, because pages are prerendered where IndexedDB does not exist.
 */
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import { createBackupStore } from '../../../core/backup/backup-store';
import type { RecordStore } from '../../../core/backup/record-store';
import { createReportStore } from '../../../core/report/update-report';
import type { UpdateStores } from '../../../core/update/update-context';

export function idbRecordStore(databaseName: string, storeName = 'records'): RecordStore {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore(databaseName, storeName));
  return {
    put: (id, value) => set(id, value, db()),
    get: (id) => get(id, db()),
    values: () => values(db()),
    delete: (id) => del(id, db())
  };
}

export const idbBackupRecords = () => idbRecordStore('bms-flasher-backups');
export const idbReportRecords = () => idbRecordStore('bms-flasher-reports');

/** The stores runUpdate needs, in this browser's IndexedDB. */
export function idbUpdateStores(): UpdateStores {
  return { backups: createBackupStore(idbBackupRecords()), reports: createReportStore(idbReportRecords()) };
}
