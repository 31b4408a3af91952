import type { CodeTable } from '../../error-registry';

/** ISO 15765-2 (ISO-TP) transport errors: a message segmented over CAN frames did not get through. */
export const ISOTP_CODES = {
  ISOTP_TIMEOUT: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  ISOTP_OVERFLOW: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  ISOTP_SEQUENCE_ERROR: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  ISOTP_FRAME_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  ISOTP_WAIT_LIMIT: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type IsoTpErrorCode = keyof typeof ISOTP_CODES;
