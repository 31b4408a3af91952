import type { CodeTable } from '../../error-registry';

/** foxBMS 2 bootloader errors (CAN, 11-bit ids 0x400–0x495). */
export const FOXBMS_CODES = {
  FOXBMS_NO_BOOTLOADER: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  FOXBMS_APP_RUNNING: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  FOXBMS_ACK_MISSING: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  FOXBMS_REFUSED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: true },
  FOXBMS_STATE_UNEXPECTED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  FOXBMS_NO_VALID_PROGRAM: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: true },
  FOXBMS_IMAGE_INVALID: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type FoxBmsErrorCode = keyof typeof FOXBMS_CODES;
