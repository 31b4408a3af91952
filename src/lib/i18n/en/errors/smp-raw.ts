import type { SmpRawErrorCode } from '../../../core/protocol/smp/smp-raw-codes';
import type { ErrorText } from '../../error-text';

export const smpRawEn = {
  SMP_RAW_HEADER_INVALID: {
    summary: 'Bytes from the wireless link do not start a management message.',
    diagnosis: 'Part of a message was lost (a notification dropped during a reconnect) or the characteristic is used by something else.',
    fix: 'The request is retried automatically; if it repeats, move closer to the device, or disconnect and reconnect.'
  },
  SMP_RAW_PACKET_TOO_LONG: {
    summary: 'A management message over the wireless link is longer than allowed.',
    diagnosis: 'The header announces more bytes than the receive buffer holds, so the message is skipped.',
    fix: 'The request is retried automatically; if it repeats, check the buffer size in the device profile.'
  }
} satisfies Record<SmpRawErrorCode, ErrorText>;
