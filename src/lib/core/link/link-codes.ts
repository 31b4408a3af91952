import type { CodeTable } from '../error-registry';

/**
 * Error codes raised by the link layer, and what each means (text: src/lib/i18n/<lang>/errors). Codes raised while
 * bytes flow live here; codes raised while finding and opening a port live in `link-port-codes.ts`.
 */
export const LINK_CODES = {
  LINK_TIMEOUT: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  LINK_CLOSED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_DISCONNECTED: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  LINK_FRAMING_ERROR: { rootCause: 'hardware', transportLoss: true, lineError: true, userFixable: true },
  LINK_PARITY_ERROR: { rootCause: 'hardware', transportLoss: true, lineError: true, userFixable: true },
  LINK_BUFFER_OVERRUN: { rootCause: 'hardware', transportLoss: true, lineError: true, userFixable: true },
  LINK_BREAK: { rootCause: 'hardware', transportLoss: true, lineError: true, userFixable: true },
  LINK_WRITE_FAILED: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  LINK_SIGNALS_FAILED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_BAUD_MISMATCH: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_NO_ANSWER: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type LinkErrorCode = keyof typeof LINK_CODES;
