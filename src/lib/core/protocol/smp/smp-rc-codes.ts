import type { CodeTable } from '../../error-registry';

/** Errors the device reports with a legacy `rc` (mcumgr_err_t), shared by every group. */
export const SMP_RC_CODES = {
  SMP_ACCESS_DENIED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_BAD_STATE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_NOT_SUPPORTED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_INVALID_ARGUMENT: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_NO_MEMORY: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_MESSAGE_TOO_LARGE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_BUSY: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_NOT_FOUND: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_DEVICE_ERROR: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type SmpRcErrorCode = keyof typeof SMP_RC_CODES;
