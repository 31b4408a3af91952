import type { CodeTable } from '../../error-registry';

/** Errors of the settings (3) and file-system (8) groups, where a device keeps its configuration. */
export const SMP_SETTINGS_FS_CODES = {
  SMP_SETTING_NOT_FOUND: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_SETTING_REFUSED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_FILE_NOT_FOUND: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_FILE_FAILED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type SmpSettingsFsErrorCode = keyof typeof SMP_SETTINGS_FS_CODES;
