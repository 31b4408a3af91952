import type { CodeTable } from '../../error-registry';

/** Raw (BLE GATT) reassembly errors: packets split across notifications lost their step. */
export const SMP_RAW_CODES = {
  SMP_RAW_HEADER_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SMP_RAW_PACKET_TOO_LONG: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type SmpRawErrorCode = keyof typeof SMP_RAW_CODES;
