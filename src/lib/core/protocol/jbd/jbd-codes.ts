import type { CodeTable } from '../../error-registry';

/** JBD / Xiaoxiang general protocol errors (UART/RS485, 9600 8N1). */
export const JBD_CODES = {
  JBD_NO_ANSWER: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  JBD_CHECKSUM: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  JBD_FRAME_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  JBD_ERROR_STATUS: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  JBD_SETTING_INVALID: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type JbdErrorCode = keyof typeof JBD_CODES;
