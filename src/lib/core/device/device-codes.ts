import type { ErrorEntry } from '../error-text';

/** Error codes raised by the device layer, with their user text (English and French). */
export const DEVICE_ERRORS = {} satisfies Record<string, ErrorEntry>;

export type DeviceErrorCode = keyof typeof DEVICE_ERRORS;
