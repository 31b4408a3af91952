import type { CodeTable } from '../../error-registry';

/** Codec and serial-framing errors: a message or frame from the device could not be read. */
export const SMP_FRAME_CODES = {
  SMP_CBOR_INVALID: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  SMP_PACKET_INVALID: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  SMP_FRAME_CRC_MISMATCH: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  SMP_FRAME_BAD_BASE64: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  SMP_FRAME_LENGTH_MISMATCH: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  SMP_FRAME_LINE_TOO_LONG: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  SMP_FRAME_TRUNCATED: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type SmpFrameErrorCode = keyof typeof SMP_FRAME_CODES;
