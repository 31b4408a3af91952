import type { CodeTable } from '../../error-registry';

/** Daly "BMS Monitor" UART/RS485 protocol errors (13-byte frames). */
export const DALY_CODES = {
  DALY_NO_ANSWER: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  DALY_CHECKSUM: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  DALY_FRAME_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DALY_SETTING_INVALID: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type DalyErrorCode = keyof typeof DALY_CODES;
