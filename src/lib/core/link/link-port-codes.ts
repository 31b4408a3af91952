import type { CodeTable } from '../error-registry';

/**
 * Link codes raised while finding and opening a port (spread into LINK_ERRORS by `link-codes.ts`).
 * These are the failures flasher users report most ("Failed to open serial port", missing drivers,
 * USB-CDC boards that vanish on reset), so each one names the likely cause and the exact remedy.
 */
export const LINK_PORT_CODES = {
  LINK_NO_PORT_SELECTED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_NOT_SUPPORTED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_PICKER_BLOCKED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_PORT_BUSY: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_OPEN_FAILED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_PORT_NOT_FOUND: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_DRIVER_MISSING: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_DEVICE_LOST_ON_RESET: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  LINK_INVALID_SETTINGS: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_USB_ACCESS_DENIED: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_USB_NOT_SERIAL: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  LINK_PTY_UNAVAILABLE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type LinkPortErrorCode = keyof typeof LINK_PORT_CODES;
