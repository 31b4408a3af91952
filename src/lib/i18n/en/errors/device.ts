import type { DeviceErrorCode } from '../../../core/virtual-bms/device-codes';
import type { ErrorText } from '../../error-text';

export const deviceEn = {
  DEVICE_STATE_INVALID: {
    summary: 'The saved virtual BMS state cannot be loaded.',
    diagnosis: 'The file or stored record is not a state exported by this version of the simulator, or it was edited.',
    fix: 'Start a fresh virtual BMS (factory state) or load a state exported by the same version.'
  },
  DEVICE_OPTION_INVALID: {
    summary: 'The virtual BMS options are invalid.',
    diagnosis: 'An option (serial, hardware revision, bootloader version, timing, buffer sizes, slot size) is outside what the simulator supports.',
    fix: 'Correct the option named in the detail.'
  },
  DEVICE_SETTING_UNKNOWN: {
    summary: 'A setting is not known to this BMS.',
    diagnosis: 'The key does not exist in this firmware (typo, or a backup from another firmware or model), or a setting is missing.',
    fix: 'Check the key name against the device configuration; restore only backups taken from the same model.'
  },
  DEVICE_SETTING_OUT_OF_RANGE: {
    summary: 'A setting value is outside its allowed range.',
    diagnosis: 'The value has the wrong type or lies outside the limits the BMS accepts (shown in the detail).',
    fix: 'Enter a value inside the range shown; nothing was written to the device.'
  },
  DEVICE_SETTING_CONFLICT: {
    summary: 'Two settings contradict each other.',
    diagnosis: 'Each value is in range but together they are unsafe, e.g. balancing would start above the overvoltage trip.',
    fix: 'Change both settings together so the rule in the detail holds; nothing was written to the device.'
  },
  DEVICE_IMAGE_NO_SECURITY_COUNTER: {
    summary: 'The bootloader refused an image without a security counter.',
    diagnosis: 'Hardware rollback protection is on, so every image must carry a SEC_CNT TLV; this one was signed without it.',
    fix: 'Re-sign the firmware with a security counter (imgtool --security-counter) and upload it again.'
  },
  DEVICE_IMAGE_ROLLBACK: {
    summary: 'The bootloader refused an image older than the device security level.',
    diagnosis: "The image's security counter is lower than the counter stored in the BMS (anti-rollback protection).",
    fix: 'Install a version whose security counter is at least the device one (shown in the identity); the previous firmware keeps running.'
  },
  DEVICE_IMAGE_HW_MISMATCH: {
    summary: 'The bootloader refused an image built for other hardware.',
    diagnosis: "The hardware revisions signed into the image do not include this BMS's revision.",
    fix: 'Check the hardware compatibility matrix and download the package for this revision.'
  },
  DEVICE_IMAGE_MODEL_MISMATCH: {
    summary: 'The bootloader refused an image for another BMS model.',
    diagnosis: 'The model signed into the image is not this BMS model.',
    fix: 'Download the firmware for this model.'
  },
  DEVICE_IMAGE_BOOTLOADER_TOO_OLD: {
    summary: 'The bootloader is older than the image requires.',
    diagnosis: 'The image declares a minimum bootloader version above the one in this BMS.',
    fix: 'Use a firmware release that supports this bootloader, or have the bootloader updated in a workshop.'
  },
  DEVICE_IMAGE_NOT_BOOTABLE: {
    summary: 'The image is marked as not bootable.',
    diagnosis: 'Its header carries the NON_BOOTABLE flag (a data or companion image), so the bootloader never runs it.',
    fix: 'Upload the application image of the package, not a data image.'
  },
  DEVICE_IMAGE_NO_SWAP_SPACE: {
    summary: 'The image is too large for the swap.',
    diagnosis: 'It fits the slot but not the space a swap needs (one spare sector below the trailer), so the bootloader cannot install it.',
    fix: 'Build a smaller image: the device reports max_image_size in the image slot information.'
  }
} satisfies Record<DeviceErrorCode, ErrorText>;
