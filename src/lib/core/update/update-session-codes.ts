import type { CodeTable } from '../error-registry';

/** Update codes of the app's device session (spread into UPDATE_ERRORS by `update-codes.ts`). */
export const UPDATE_SESSION_CODES = {
  UPDATE_ALREADY_RUNNING: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type UpdateSessionErrorCode = keyof typeof UPDATE_SESSION_CODES;
