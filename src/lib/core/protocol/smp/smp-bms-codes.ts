import type { CodeTable } from '../../error-registry';

/** BMS-group (64) errors, one per `BmsGroupRc` in groups/bms-group.ts. */
export const SMP_BMS_CODES = {
  SMP_BMS_UNKNOWN_SETTING: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_BMS_SETTING_OUT_OF_RANGE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_BMS_SETTING_CONFLICT: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_BMS_AUTH_REJECTED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_BMS_AUTH_NO_CHALLENGE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_BMS_BALANCE_NOT_POSSIBLE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type SmpBmsErrorCode = keyof typeof SMP_BMS_CODES;
