import type { CodeTable } from '../error-registry';

/**
 * Codes of the checks that run before any byte is written (R01–R07, R13, R14, R25). Each blocks the
 * update on its own, so each says exactly what to change on site.
 */
export const UPDATE_PREFLIGHT_CODES = {
  UPDATE_SOC_OUT_OF_RANGE: { rootCause: 'power', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_TEMPERATURE_OUT_OF_RANGE: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_TEMPERATURE_SENSOR_FAILED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_SUPPLY_UNSTABLE: { rootCause: 'power', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_LINK_TEST_FAILED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_HARDWARE_INCOMPATIBLE: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  UPDATE_BOOTLOADER_TOO_OLD: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  UPDATE_DOWNGRADE_BLOCKED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  UPDATE_SAFETY_CRITICAL_OVER_WIRELESS: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_CHECKLIST_INCOMPLETE: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_UNCONFIRMED_IMAGE_RUNNING: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  UPDATE_DEVICE_IN_BOOTLOADER: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false }
} as const satisfies CodeTable;

export type UpdatePreflightErrorCode = keyof typeof UPDATE_PREFLIGHT_CODES;
