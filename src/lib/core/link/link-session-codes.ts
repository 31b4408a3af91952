import type { CodeTable } from '../error-registry';

/** Link codes of the app's device session (spread into LINK_ERRORS by `link-codes.ts`). */
export const LINK_SESSION_CODES = {
  LINK_NOT_CONNECTED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type LinkSessionErrorCode = keyof typeof LINK_SESSION_CODES;
