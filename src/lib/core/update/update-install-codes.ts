import type { CodeTable } from '../error-registry';

/**
 * Codes raised while authenticating and writing the new image (R14, R16, R21). The three failures of
 * the seed's troubleshooting table keep its wording: authentication rejected → check the certificate /
 * key chain → re-download the firmware from a trusted source; transfer timeout → test baud-rate
 * alignment → replace the communication cables.
 */
export const UPDATE_INSTALL_CODES = {
  UPDATE_TECHNICIAN_KEY_MISSING: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_AUTH_REJECTED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  UPDATE_TRANSFER_TIMEOUT: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_DEVICE_LOST: { rootCause: 'power', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_DEVICE_CHANGED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_VERIFY_HASH_MISMATCH: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type UpdateInstallErrorCode = keyof typeof UPDATE_INSTALL_CODES;
