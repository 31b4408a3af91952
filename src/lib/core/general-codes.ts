import type { CodeTable } from './error-registry';

export const GENERAL_CODES = {
  INTERNAL_ERROR: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  CANCELLED: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type GeneralErrorCode = keyof typeof GENERAL_CODES;
