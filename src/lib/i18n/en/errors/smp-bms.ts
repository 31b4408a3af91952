import type { SmpBmsErrorCode } from '../../../core/protocol/smp/smp-bms-codes';
import type { ErrorText } from '../../error-text';

export const smpBmsEn = {
  SMP_BMS_UNKNOWN_SETTING: {
    summary: 'The BMS does not know this setting.',
    diagnosis: 'The configuration names a key this firmware version does not have (the detail names it).',
    fix: 'Remove the key or restore a backup made with the same firmware version.'
  },
  SMP_BMS_SETTING_OUT_OF_RANGE: {
    summary: 'A setting value is outside its allowed range.',
    diagnosis: 'The BMS refused the value; the detail names the key and its range.',
    fix: 'Enter a value within the range shown, then write the configuration again.'
  },
  SMP_BMS_SETTING_CONFLICT: {
    summary: 'Some settings contradict each other.',
    diagnosis: 'For example a balancing start voltage above the overvoltage limit.',
    fix: 'Correct the related settings together and write them in one go.'
  },
  SMP_BMS_AUTH_REJECTED: {
    summary: 'The BMS rejected the authentication.',
    diagnosis: 'The signature does not verify or your key is not enrolled on this BMS: check the certificate / key chain.',
    fix: 'Use an enrolled technician key; re-download the firmware and keys from a trusted source.'
  },
  SMP_BMS_AUTH_NO_CHALLENGE: {
    summary: 'The authentication challenge expired or was already used.',
    diagnosis: 'A challenge is valid for one answer only, and is lost when the BMS restarts.',
    fix: 'Authenticate again: the tool asks for a fresh challenge.'
  },
  SMP_BMS_BALANCE_NOT_POSSIBLE: {
    summary: 'The cell-balancing test could not run.',
    diagnosis: 'The pack is not in a state where balancing is allowed (cells too low, too close together, or a protection is active).',
    fix: 'Bring the pack within its balancing conditions (charge it, clear protections) and run the test again.'
  }
} satisfies Record<SmpBmsErrorCode, ErrorText>;
