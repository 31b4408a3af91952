import type { FamilyErrorCode } from '../../../core/family/family-codes';
import type { ErrorText } from '../../error-text';

export const familyEn = {
  FAMILY_NOT_SUPPORTED: {
    summary: 'This device does not offer what was asked.',
    diagnosis: 'Its firmware has no such function (for example no settings, no battery readings or no self-test report); the tool cannot do it over this device.',
    fix: 'Use the device family page to see what the tool can check on this device; do this step with the manufacturer\'s own tool or by hand.'
  },
  FAMILY_UNKNOWN_DEVICE: {
    summary: 'The device answers, but not as any device family the tool knows.',
    diagnosis: 'The SMP server answered the family probes with errors that neither our BMS firmware nor a stock mcumgr server gives.',
    fix: 'Check the port and the baud rate; if the device is right, report its firmware and the detail shown.'
  },
  UPDATE_UNAUTHENTICATED_NOT_ACKNOWLEDGED: {
    summary: 'This device accepts firmware without an authenticated maintenance session: the operator must acknowledge it first.',
    diagnosis: 'Its firmware has no technician challenge, so anyone on the link can write to it and the tool cannot prove who made the change. Nothing was written.',
    fix: 'If this is intended, acknowledge it: tick the line in the pre-flight checklist, or pass --allow-unauthenticated to the command. The report records the acknowledgement.'
  },
  UPDATE_OPERATOR_READING_MISSING: {
    summary: 'The device cannot measure the pack: the state of charge and temperature must be entered by the operator.',
    diagnosis: 'This firmware has no battery readings, so the charge and temperature limits can only be checked against values read on site. None were given.',
    fix: 'Read the state of charge and the temperature on the pack\'s own display or with a meter and enter them in the pre-flight (CLI: --operator-soc PCT --operator-temp C).'
  }
} satisfies Record<FamilyErrorCode, ErrorText>;
