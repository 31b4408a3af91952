import type { CodeTable } from '../../error-registry';

/**
 * Error codes raised by the smp layer, and what each means (text: src/lib/i18n/<lang>/errors). The families live in
 * their own files: framing/codec, device rc (mcumgr_err_t), image group, BMS group; the client's own
 * codes are here.
 */
export const SMP_CODES = {
  SMP_TIMEOUT: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  SMP_RESPONSE_INVALID: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  SMP_UPLOAD_STALLED: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  SMP_UPLOAD_BUFFER_TOO_SMALL: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_ECHO_MISMATCH: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type SmpErrorCode = keyof typeof SMP_CODES;
