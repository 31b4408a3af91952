/**
 * Restoring a configuration backup (R09, R23): a preview first (what would change, pure diff), then the
 * write of the changed settings in one authenticated request, then a read-back that must match. The
 * device validates every value and the rules between them; a refusal leaves its settings unchanged.
 */
import { fail } from '../errors';
import type { BmsIdentity } from '../protocol/smp/groups/bms-group';
import { authenticate } from '../family/authenticate';
import { need, type DeviceSession } from '../family/device-session';
import type { TechnicianSigner } from '../family/technician-signer';
import type { ConfigBackup } from './config-backup';
import { diffConfig, restoreWrites, type ConfigChange } from './config-diff';

export interface RestorePreview {
  device: BmsIdentity;
  /** every difference between the device now and the backup */
  changes: ConfigChange[];
  /** what a restore writes: the changed settings, with the backup's values */
  writes: Record<string, number | string>;
}

/** Reads the device and compares; refuses a backup of another model or device (UPDATE_BACKUP_WRONG_MODEL / _WRONG_DEVICE). */
export async function previewRestore(session: DeviceSession, backup: ConfigBackup): Promise<RestorePreview> {
  const device = await session.identity();
  // The model first: a serial can repeat across models and families, the meaning of a setting cannot.
  if (device.model !== backup.model) {
    fail('UPDATE_BACKUP_WRONG_MODEL', `backup of ${backup.serial} (${backup.model}), connected device ${device.serial} (${device.model})`);
  }
  if (device.serial !== backup.serial) {
    fail('UPDATE_BACKUP_WRONG_DEVICE', `backup of ${backup.serial} (${backup.model}), connected device ${device.serial} (${device.model})`);
  }
  const changes = diffConfig(await need(session, 'config').readConfig(), backup.config);
  return { device, changes, writes: restoreWrites(changes) };
}

export interface RestoreResult {
  /** keys written */
  written: string[];
  /** differences left that a restore cannot write: settings the running firmware does not have or added */
  remaining: ConfigChange[];
}

export async function restoreBackup(session: DeviceSession, backup: ConfigBackup, signer: TechnicianSigner | undefined): Promise<RestoreResult> {
  const preview = await previewRestore(session, backup);
  const written = Object.keys(preview.writes);
  if (written.length > 0) {
    await authenticate(session, signer, preview.device.serial);
    await need(session, 'config').writeConfig(preview.writes);
  }
  const remaining = diffConfig(await need(session, 'config').readConfig(), backup.config);
  const notApplied = remaining.filter((c) => c.kind === 'changed');
  if (notApplied.length > 0) {
    fail('UPDATE_RESTORE_MISMATCH', notApplied.map((c) => `${c.key}: device ${'device' in c ? c.device : '?'}, backup ${c.backup}`).join('; '));
  }
  return { written, remaining };
}
