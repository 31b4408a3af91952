/// <reference lib="webworker" />
// Module worker: the protocol engine (SMP client, device session, update procedure) runs here, so a
// transfer never stalls the page. Bytes arrive over MessagePorts (link-bridge.ts).
import { expose } from 'comlink';
import { createBackupStore } from '../../../core/backup/backup-store';
import { createReportStore } from '../../../core/report/update-report';
import { idbBackupRecords, idbReportRecords } from '../storage/idb-store';
import { preferredSha256 } from '../image-worker/image-service';
import { loadTechnicianKey } from '../storage/technician-key';
import { createSessionService } from './session-service';

expose(
  createSessionService({
    stores: { backups: createBackupStore(idbBackupRecords()), reports: createReportStore(idbReportRecords()) },
    technicianKey: () => loadTechnicianKey(),
    sha256: preferredSha256().sha256,
    tool: 'bms-flasher (web)'
  })
);
