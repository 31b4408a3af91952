import type { CodeTable } from '../../error-registry';

/**
 * ThingSet failures: the device's error status codes (spec "Status codes": 0xA0–0xC3, shown as `:A3` in
 * text mode) and what the client detects itself (checksums, JSON, silence, DFU results).
 */
export const THINGSET_CODES = {
  THINGSET_BAD_REQUEST: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  THINGSET_UNAUTHORIZED: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  THINGSET_FORBIDDEN: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  THINGSET_NOT_FOUND: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  THINGSET_REQUEST_TOO_LARGE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  THINGSET_STATUS_ERROR: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  THINGSET_CRC_MISMATCH: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  THINGSET_JSON_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  THINGSET_LINE_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  THINGSET_NO_ANSWER: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  THINGSET_DFU_FAILED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: true },
  THINGSET_DFU_REFUSED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type ThingSetErrorCode = keyof typeof THINGSET_CODES;
