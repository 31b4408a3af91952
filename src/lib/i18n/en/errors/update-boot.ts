import type { UpdateBootErrorCode } from '../../../core/update/update-boot-codes';
import type { ErrorText } from '../../error-text';

export const updateBootEn = {
  UPDATE_BOOT_LOOP: {
    summary: 'Boot loop after update: the new firmware keeps restarting.',
    diagnosis: 'Check the hardware compatibility matrix: a version mismatch between firmware and hardware makes it reset before it is ready.',
    fix: 'Revert to the last stable version (the device does it by itself; the report shows the proof), then get the matching firmware.'
  },
  UPDATE_IMAGE_NOT_BOOTED: {
    summary: 'The device did not start the new firmware.',
    diagnosis: 'The bootloader refused the new image (signature, key or security counter) and kept the previous one.',
    fix: 'Check that the package is signed by a key the bootloader trusts; the previous firmware keeps running.'
  },
  UPDATE_PROTECTIONS_NOT_RESTORED: {
    summary: 'The protections were not shown re-enabled after the reboot.',
    diagnosis: 'The boot sequence must go protections off → new firmware loaded → protections on; a step is missing or protections stay suspended.',
    fix: 'The device falls back to the previous firmware; report the boot log (in the report) to the firmware supplier.'
  },
  UPDATE_SELF_TEST_FAILED: {
    summary: 'The self-test of the new firmware failed.',
    diagnosis: 'Voltage calibration (±0.5 %), temperature sensors, RS485 or CAN did not pass (see the items).',
    fix: 'The device falls back to the previous firmware by itself. Look first at the firmware: this board passed the same checks with the previous version, so a failing item usually means the new image reads it wrong; send the report to the firmware supplier. Check the item\'s wiring only if it also fails with the previous firmware.'
  },
  UPDATE_CONFIRM_FAILED: {
    summary: 'The new firmware could not be made permanent.',
    diagnosis: 'The device refused to confirm the running image, or still reports it as unconfirmed.',
    fix: 'The device will revert at its next reset; check the report, then retry the update.'
  },
  UPDATE_FALLBACK_UNPROVEN: {
    summary: 'The device did not return to its previous firmware.',
    diagnosis: 'After the failure, the running version or hash read back differs from the one before the update.',
    fix: 'Do not return the pack to service: use recovery mode over a wired link to reinstall the last stable version.'
  },
  UPDATE_BALANCE_TEST_FAILED: {
    summary: 'Cell balancing does not work correctly.',
    diagnosis: 'A bleed resistor did not pull its cell down during the balancing test (see the cells).',
    fix: 'Do not return the pack to service; check the balancing circuit and the cell sense wires.'
  },
  UPDATE_CONFIG_RESET: {
    summary: 'Some settings differ from the backup after the update.',
    diagnosis: 'The new firmware reset or migrated settings (see the differences).',
    fix: 'Review the differences and restore the backup if the old values are the right ones.'
  },
  UPDATE_RECOVERY_NOT_ALLOWED: {
    summary: 'Recovery with this image is not allowed.',
    diagnosis: 'Recovery needs a wired link and an image whose security counter is not lower than the device value.',
    fix: 'Connect with RS485, CAN or USB and use the last stable version signed for this security level.'
  },
  UPDATE_INTEGRITY_UNKNOWN_IMAGE: {
    summary: 'An installed image does not match any signed image this tool knows.',
    diagnosis: 'Its hash is not the hash of a verified package: it may be modified or come from another source.',
    fix: 'Load the signed package it should be, or reinstall a trusted version; report it if it was not expected.'
  }
} satisfies Record<UpdateBootErrorCode, ErrorText>;
