import type { CodeTable } from '../../error-registry';

/** Image-group (1) errors from SMP v2 `err.rc` (img_mgmt_err_code_t) that a technician can act on. */
export const SMP_IMAGE_CODES = {
  SMP_IMAGE_NO_FREE_SLOT: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_IMAGE_FLASH_FAILED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_IMAGE_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_IMAGE_TOO_LARGE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_IMAGE_VERSION_NOT_NEWER: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_IMAGE_ALREADY_PENDING: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_IMAGE_CONFIRM_DENIED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_IMAGE_OFFSET_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_IMAGE_HASH_NOT_FOUND: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_IMAGE_INVALID_SLOT: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type SmpImageErrorCode = keyof typeof SMP_IMAGE_CODES;
