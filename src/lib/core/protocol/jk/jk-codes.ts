import type { CodeTable } from '../../error-registry';

/** JK (Jikong) errors: the JK-PB register map over Modbus and the BLE records. */
export const JK_CODES = {
  JK_NO_ANSWER: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  JK_UPDATE_REGISTER_REFUSED: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  JK_CHECKSUM: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  JK_FRAME_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  JK_SETTING_INVALID: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type JkErrorCode = keyof typeof JK_CODES;
