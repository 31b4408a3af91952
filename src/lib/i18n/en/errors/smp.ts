import type { SmpErrorCode } from '../../../core/protocol/smp/smp-codes';
import type { ErrorText } from '../../error-text';

export const smpEn = {
  SMP_TIMEOUT: {
    summary: 'The device did not answer a management request in time.',
    diagnosis: 'The request was sent (and resent) without an answer: baud-rate or line-length mismatch, a loose cable, a device busy erasing flash, or a device that is not in its update mode.',
    fix: 'Run the link test to check the baud rate, check the cable, then retry; an interrupted upload resumes where it stopped.'
  },
  SMP_RESPONSE_INVALID: {
    summary: 'The device answered with an unexpected message.',
    diagnosis: 'A field is missing or has the wrong type: the device firmware may speak another version of the protocol.',
    fix: 'Check that the device profile matches the device, update the tool, and report the detail if it persists.'
  },
  SMP_UPLOAD_STALLED: {
    summary: 'The firmware upload stopped making progress.',
    diagnosis: 'The device keeps asking for the same data or restarts the upload: frames are lost on the line, or the device resets during the transfer (power supply).',
    fix: 'Check the supply voltage and the cable, lower the baud rate, then start the update again: it resumes where it stopped.'
  },
  SMP_UPLOAD_BUFFER_TOO_SMALL: {
    summary: "The device's receive buffer is too small to carry firmware data.",
    diagnosis: 'The buffer size from the device or its profile leaves no room for data after the request fields.',
    fix: 'Check the buffer size in the device profile (512 bytes for MCUboot serial recovery).'
  },
  SMP_ECHO_MISMATCH: {
    summary: 'The device echoed different data than was sent.',
    diagnosis: 'Bytes were altered on the line while the checksum still matched, or the device answered another request.',
    fix: 'Replace the cable, check the ground and shielding, and run the link test again.'
  }
} satisfies Record<SmpErrorCode, ErrorText>;
