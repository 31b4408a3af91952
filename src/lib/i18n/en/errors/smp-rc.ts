import type { SmpRcErrorCode } from '../../../core/protocol/smp/smp-rc-codes';
import type { ErrorText } from '../../error-text';

export const smpRcEn = {
  SMP_ACCESS_DENIED: {
    summary: 'The device refused the command: access denied.',
    diagnosis: 'The command needs an authenticated session (or the device locks it in its current state).',
    fix: 'Authenticate with your technician key first, then retry the command.'
  },
  SMP_BAD_STATE: {
    summary: 'The device cannot do this in its current state.',
    diagnosis: 'For example, erasing a slot that holds an image already marked for test, or uploading while another upload runs.',
    fix: 'Read the image state, reset the device if an update is pending, then retry.'
  },
  SMP_NOT_SUPPORTED: {
    summary: 'The device does not support this command.',
    diagnosis: 'Its firmware or bootloader does not implement it (MCUboot serial recovery supports only a few commands).',
    fix: 'Use a command the device supports, or update its firmware first; the detail names the command.'
  },
  SMP_INVALID_ARGUMENT: {
    summary: 'The device rejected a value in the request.',
    diagnosis: 'A field is missing or out of range for this device (e.g. a first upload chunk without its length).',
    fix: 'Check the device profile matches the device; report the detail if the tool sent it.'
  },
  SMP_NO_MEMORY: {
    summary: 'The device ran out of memory for this request.',
    diagnosis: 'The request or its answer does not fit the device buffers.',
    fix: 'Lower the buffer size in the device profile, reset the device, and retry.'
  },
  SMP_MESSAGE_TOO_LARGE: {
    summary: 'The request is larger than the device accepts.',
    diagnosis: 'The buffer size in the device profile is larger than what the device was built with.',
    fix: 'Lower the buffer size in the device profile (512 bytes for MCUboot serial recovery) and retry.'
  },
  SMP_BUSY: {
    summary: 'The device is busy.',
    diagnosis: 'Another operation is running (flash erase, a reset in progress, another client).',
    fix: 'Wait a few seconds and retry; make sure no other tool is connected to the device.'
  },
  SMP_NOT_FOUND: {
    summary: 'The device has no such entry.',
    diagnosis: 'The requested item (image, slot, file or setting) does not exist on this device.',
    fix: 'Read the device state again and pick an existing item.'
  },
  SMP_DEVICE_ERROR: {
    summary: 'The device reported an error.',
    diagnosis: 'The detail gives the group and the numeric error code the device returned.',
    fix: 'Retry once; if it repeats, export the log and report it with the device firmware version.'
  }
} satisfies Record<SmpRcErrorCode, ErrorText>;
