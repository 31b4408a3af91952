import type { CodeTable } from '../error-registry';

/**
 * Codes raised after the transfer: test boot, self-test, fallback, return to service, recovery and
 * integrity (R17–R22, R26). Boot loop keeps the seed's wording: check the hardware compatibility
 * matrix → revert to the last stable version. A new image that runs but fails its self-test, loops,
 * leaves the protections off or reverts itself is the firmware's fault, not the cables' (rootCause).
 */
export const UPDATE_BOOT_CODES = {
  UPDATE_BOOT_LOOP: { rootCause: 'firmware', transportLoss: false, lineError: false, userFixable: false },
  UPDATE_IMAGE_NOT_BOOTED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  UPDATE_PROTECTIONS_NOT_RESTORED: { rootCause: 'firmware', transportLoss: false, lineError: false, userFixable: false },
  UPDATE_SELF_TEST_FAILED: { rootCause: 'firmware', transportLoss: false, lineError: false, userFixable: false },
  UPDATE_CONFIRM_FAILED: { rootCause: 'firmware', transportLoss: false, lineError: false, userFixable: false },
  UPDATE_FALLBACK_UNPROVEN: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_BALANCE_TEST_FAILED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_CONFIG_RESET: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  UPDATE_RECOVERY_NOT_ALLOWED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  UPDATE_INTEGRITY_UNKNOWN_IMAGE: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false }
} as const satisfies CodeTable;

export type UpdateBootErrorCode = keyof typeof UPDATE_BOOT_CODES;
