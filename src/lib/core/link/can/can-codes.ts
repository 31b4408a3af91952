import type { CodeTable } from '../../error-registry';

/** CAN bus and SLCAN (Lawicel) adapter errors: what a technician sees when the USB-CAN path fails. */
export const CAN_CODES = {
  CAN_BUS_OFF: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  CAN_TIMEOUT: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  CAN_FRAME_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  CAN_BITRATE_UNSUPPORTED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SLCAN_COMMAND_REFUSED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SLCAN_NOT_OPEN: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  SLCAN_NO_REPLY: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  SLCAN_ADAPTER_UNPLUGGED: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type CanErrorCode = keyof typeof CAN_CODES;
