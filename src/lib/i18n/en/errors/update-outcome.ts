import type { UpdateOutcomeErrorCode } from '../../../core/update/update-outcome-codes';
import type { ErrorText } from '../../error-text';

export const updateOutcomeEn = {
  UPDATE_SAME_IMAGE_RUNNING: {
    summary: 'This exact image already runs on the device.',
    diagnosis: 'The package hash equals the hash of the running firmware: there is nothing to update.',
    fix: 'Choose another image if an update was intended; the device needs nothing.'
  },
  UPDATE_STATE_UNKNOWN: {
    summary: 'The tool could not read back what the device runs.',
    diagnosis: 'After something was written the device did not answer, so which firmware runs now is not known.',
    fix: 'Restore power and the cable, reconnect and read the device (Device page or `bms-flasher info`); if only its bootloader answers, use recovery.'
  }
} satisfies Record<UpdateOutcomeErrorCode, ErrorText>;
