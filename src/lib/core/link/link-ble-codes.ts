import type { CodeTable } from '../error-registry';

/** Codes raised while finding and opening a Bluetooth Low Energy (Web Bluetooth) link. */
export const LINK_BLE_CODES = {
  LINK_BLE_NOT_SUPPORTED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_BLE_NO_DEVICE_SELECTED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_BLE_SERVICE_MISSING: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_BLE_GATT_FAILED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type LinkBleErrorCode = keyof typeof LINK_BLE_CODES;
