import type { CodeTable } from '../error-registry';

/**
 * Error codes raised by the device layer, and what each means (text: src/lib/i18n/<lang>/errors). The DEVICE_IMAGE_*
 * codes are the virtual BMS bootloader's reasons for refusing an image; they appear at the start of the
 * `image_rejected` boot-log detail ("DEVICE_IMAGE_ROLLBACK: …"), next to the IMAGE_* codes of the
 * signature check.
 */
export const DEVICE_CODES = {
  DEVICE_STATE_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DEVICE_OPTION_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DEVICE_SETTING_UNKNOWN: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DEVICE_SETTING_OUT_OF_RANGE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DEVICE_SETTING_CONFLICT: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DEVICE_IMAGE_NO_SECURITY_COUNTER: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DEVICE_IMAGE_ROLLBACK: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DEVICE_IMAGE_HW_MISMATCH: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DEVICE_IMAGE_MODEL_MISMATCH: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DEVICE_IMAGE_BOOTLOADER_TOO_OLD: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DEVICE_IMAGE_NOT_BOOTABLE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  DEVICE_IMAGE_NO_SWAP_SPACE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type DeviceErrorCode = keyof typeof DEVICE_CODES;
