import type { SmpFrameErrorCode } from '../../../core/protocol/smp/smp-frame-codes';
import type { ErrorText } from '../../error-text';

export const smpFrameEn = {
  SMP_CBOR_INVALID: {
    summary: 'The device sent a management message that cannot be decoded.',
    diagnosis: 'The CBOR body is malformed, truncated or nested too deeply; the detail gives the offset.',
    fix: 'Retry; if it repeats, check the cable and line settings, then report the device firmware version.'
  },
  SMP_PACKET_INVALID: {
    summary: 'A management packet has an invalid header.',
    diagnosis: 'The 8-byte SMP header announces a length, version or operation that does not match the packet.',
    fix: 'Retry; if it repeats, the device may speak another protocol on this port: check the device profile.'
  },
  SMP_FRAME_CRC_MISMATCH: {
    summary: 'A serial frame arrived corrupted (checksum mismatch).',
    diagnosis: 'Bits were changed on the line: noise, a long unshielded cable, a ground problem or a baud-rate error.',
    fix: 'The request is retried automatically; if it keeps happening, run the link test and replace the cable.'
  },
  SMP_FRAME_BAD_BASE64: {
    summary: 'A serial frame contains characters that are not base64.',
    diagnosis: 'Bytes were lost or altered on the line, or log text was printed in the middle of a frame.',
    fix: 'The request is retried automatically; if it repeats, lower the device log level or check the baud rate.'
  },
  SMP_FRAME_LENGTH_MISMATCH: {
    summary: 'A serial frame is longer or shorter than it announces.',
    diagnosis: 'Lines of the frame were lost or the device and the tool disagree on the line length.',
    fix: 'The request is retried automatically; check the line length in the device profile (127 by default).'
  },
  SMP_FRAME_LINE_TOO_LONG: {
    summary: 'A serial line exceeded the maximum line length.',
    diagnosis: 'The newline ending a frame line was lost, or the device uses a longer line than the profile allows.',
    fix: 'Increase the line length in the device profile if the device was configured for it, otherwise check the cable.'
  },
  SMP_FRAME_TRUNCATED: {
    summary: 'A serial frame was cut off by the start of another one.',
    diagnosis: 'The rest of the frame was lost (device reset, buffer overrun or a dropped line).',
    fix: 'The request is retried automatically; if it repeats, check the device power supply and the cable.'
  }
} satisfies Record<SmpFrameErrorCode, ErrorText>;
