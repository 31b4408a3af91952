import type { CodeTable } from '../error-registry';

/** Codes of the device-family seam: what a family does not offer, and what the procedure needs instead. */
export const FAMILY_CODES = {
  FAMILY_NOT_SUPPORTED: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  FAMILY_UNKNOWN_DEVICE: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_UNAUTHENTICATED_NOT_ACKNOWLEDGED: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_OPERATOR_READING_MISSING: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type FamilyErrorCode = keyof typeof FAMILY_CODES;
