/** Telling a lost link (the bytes did not get through) from an answer the device meant (a refusal). */
import { BmsError } from '../errors';

const TRANSPORT_CODES = new Set([
  'LINK_TIMEOUT',
  'LINK_DISCONNECTED',
  'LINK_DEVICE_LOST_ON_RESET',
  'LINK_FRAMING_ERROR',
  'LINK_PARITY_ERROR',
  'LINK_BUFFER_OVERRUN',
  'LINK_BREAK',
  'LINK_WRITE_FAILED',
  'SMP_TIMEOUT',
  'SMP_UPLOAD_STALLED',
  'SMP_RESPONSE_INVALID',
  'SMP_PACKET_INVALID',
  'SMP_CBOR_INVALID'
]);

/** True when the error says the bytes did not get through, not that the device refused something. */
export function isTransportLoss(error: unknown): boolean {
  if (!(error instanceof BmsError)) return false;
  return TRANSPORT_CODES.has(error.code) || error.code.startsWith('SMP_FRAME_');
}
