import type { CodeTable } from '../error-registry';

/**
 * Codes of what the tool finds when it reads the device back after the event: a refusal of an image
 * that already runs, and a device whose state could not be read back at all.
 */
export const UPDATE_OUTCOME_CODES = {
  UPDATE_SAME_IMAGE_RUNNING: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_STATE_UNKNOWN: { rootCause: 'power', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type UpdateOutcomeErrorCode = keyof typeof UPDATE_OUTCOME_CODES;
