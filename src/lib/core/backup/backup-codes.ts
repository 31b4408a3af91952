import type { CodeTable } from '../error-registry';

/** Codes of configuration backup and restore (R09, R23); they belong to the update domain. */
export const UPDATE_BACKUP_CODES = {
  UPDATE_BACKUP_FAILED: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_BACKUP_INVALID: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_BACKUP_NOT_FOUND: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_BACKUP_WRONG_DEVICE: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_RESTORE_MISMATCH: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type BackupErrorCode = keyof typeof UPDATE_BACKUP_CODES;
