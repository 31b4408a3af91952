import type { ErrorEntry } from '../error-text';
import { UPDATE_BACKUP_ERRORS } from '../backup/backup-codes';
import { UPDATE_BOOT_ERRORS } from './update-boot-codes';
import { UPDATE_INSTALL_ERRORS } from './update-install-codes';
import { UPDATE_OUTCOME_ERRORS } from './update-outcome-codes';
import { UPDATE_PREFLIGHT_ERRORS } from './update-preflight-codes';
import { UPDATE_SESSION_ERRORS } from './update-session-codes';

/**
 * Error codes raised by the update layer, with their user text (English and French), grouped by the
 * stage that raises them: pre-flight, install, boot / return to service, backup.
 */
export const UPDATE_ERRORS = {
  ...UPDATE_PREFLIGHT_ERRORS,
  ...UPDATE_INSTALL_ERRORS,
  ...UPDATE_BOOT_ERRORS,
  ...UPDATE_BACKUP_ERRORS,
  ...UPDATE_SESSION_ERRORS,
  ...UPDATE_OUTCOME_ERRORS
} satisfies Record<string, ErrorEntry>;

export type UpdateErrorCode = keyof typeof UPDATE_ERRORS;
