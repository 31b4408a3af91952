import type { BackupErrorCode } from '../../../core/backup/backup-codes';
import type { ErrorText } from '../../error-text';

export const backupEn = {
  UPDATE_BACKUP_FAILED: {
    summary: 'The configuration backup could not be made, so nothing was written.',
    diagnosis: 'Reading the settings, saving them locally or reading the saved copy back failed or gave different values.',
    fix: 'Check the link and the browser / disk storage space, then start again: no backup, no update.'
  },
  UPDATE_BACKUP_INVALID: {
    summary: 'This file is not a valid configuration backup.',
    diagnosis: 'A required field is missing or a setting has a value that is neither a number nor a short text.',
    fix: 'Choose a backup file exported by bms-flasher (JSON), unmodified.'
  },
  UPDATE_BACKUP_NOT_FOUND: {
    summary: 'No backup was found.',
    diagnosis: 'The backup was deleted, or was made in another browser or on another computer.',
    fix: 'Import the exported backup file, or make a new backup.'
  },
  UPDATE_BACKUP_WRONG_DEVICE: {
    summary: 'This backup belongs to another device.',
    diagnosis: 'Its serial number differs from the connected BMS; other calibration and limits could be unsafe here.',
    fix: "Choose the backup of this device's serial number."
  },
  UPDATE_RESTORE_MISMATCH: {
    summary: 'After restoring, the device settings still differ from the backup.',
    diagnosis: 'The device refused or changed some values (see the differences), e.g. a setting the new firmware no longer has.',
    fix: 'Review the differences; set the remaining values by hand or with the manufacturer tool.'
  }
} satisfies Record<BackupErrorCode, ErrorText>;
