/**
 * Finding a serial port in the browser: the chooser with filters for the usual USB-UART bridges and
 * CDC-ACM microcontrollers (plus an "all ports" fallback, since filters hide unknown bridges), silent
 * reconnection to a port this site was already granted, and waiting for a USB-CDC device that
 * re-enumerated after a reset (Chrome hands out a NEW SerialPort object then; match it by VID/PID).
 */
import { BmsError, type Result } from '../../../core/errors';
import { USB_CDC_VENDORS, USB_UART_BRIDGES } from '../../../core/link/usb-serial-chips';
import { errorMessage, errorName } from './dom-errors';
import type { SerialLike, SerialPortFilter, SerialPortLike } from './web-serial-types';

/** Bridge chips first, then native-USB CDC-ACM vendors (Web Serial filters cannot match a USB class). */
export const SERIAL_PORT_FILTERS: SerialPortFilter[] = [...USB_UART_BRIDGES, ...USB_CDC_VENDORS].map((vendor) => ({
  usbVendorId: vendor.vendorId
}));

/** A port's USB identity, kept (e.g. in localStorage) to reconnect without the chooser. */
export interface UsbIdentity {
  usbVendorId: number;
  /** Leave out to accept any product of the vendor (some devices change PID in bootloader mode). */
  usbProductId?: number;
}

/** `navigator.serial` when this browser has Web Serial (also in a dedicated worker), else undefined. */
export function webSerial(scope: { navigator?: unknown } = globalThis): SerialLike | undefined {
  const serial = (scope.navigator as { serial?: SerialLike } | undefined)?.serial;
  return serial && typeof serial.getPorts === 'function' ? serial : undefined;
}

/**
 * Opens the browser's port chooser. Must run in a click handler (transient user activation). The user
 * closing the chooser is an outcome, not an exception: `{ ok: false, error: LINK_NO_PORT_SELECTED }`.
 */
export async function choosePort(
  serial: SerialLike | undefined,
  options: { allPorts?: boolean } = {}
): Promise<Result<SerialPortLike>> {
  if (!serial || typeof serial.requestPort !== 'function') {
    return refused('LINK_NOT_SUPPORTED', 'navigator.serial.requestPort is not available in this browser or context');
  }
  try {
    const port = await serial.requestPort(options.allPorts ? {} : { filters: SERIAL_PORT_FILTERS });
    return { ok: true, value: port };
  } catch (error) {
    const filtered = options.allPorts ? 'all ports were offered' : 'only known USB-serial adapters were offered';
    switch (errorName(error)) {
      case 'NotFoundError':
        return refused('LINK_NO_PORT_SELECTED', `the chooser was closed without a choice (${filtered})`);
      case 'SecurityError':
        return refused('LINK_PICKER_BLOCKED', errorMessage(error));
      default:
        throw new BmsError('LINK_OPEN_FAILED', `the port chooser failed: ${errorMessage(error)}`, { cause: error });
    }
  }
}

export function portIdentity(port: SerialPortLike): UsbIdentity | undefined {
  const { usbVendorId, usbProductId } = port.getInfo();
  return usbVendorId === undefined ? undefined : { usbVendorId, usbProductId };
}

/** A connected port this site was granted before, matching `identity`: reconnects with no prompt. */
export async function findGrantedPort(
  serial: SerialLike,
  identity: UsbIdentity,
  except?: SerialPortLike
): Promise<SerialPortLike | undefined> {
  const ports = await serial.getPorts();
  return ports.find((port) => {
    const info = port.getInfo();
    return (
      port !== except &&
      port.connected !== false &&
      info.usbVendorId === identity.usbVendorId &&
      (identity.usbProductId === undefined || info.usbProductId === identity.usbProductId)
    );
  });
}

/**
 * Waits for a device that reset to come back (USB-CDC re-enumeration), checking on every 'connect'
 * event and every `pollMs` (some platforms fire no event for a re-granted port). Pass the old port as
 * `except`: it may linger in getPorts() while disconnected. Rejects LINK_DEVICE_LOST_ON_RESET.
 */
export function waitForPort(
  serial: SerialLike,
  identity: UsbIdentity,
  options: { timeoutMs?: number; pollMs?: number; except?: SerialPortLike; signal?: AbortSignal } = {}
): Promise<SerialPortLike> {
  const { timeoutMs = 10_000, pollMs = 250, except, signal } = options;
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      clearInterval(poll);
      serial.removeEventListener('connect', check);
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const check = () => {
      findGrantedPort(serial, identity, except).then(
        (port) => port && finish(() => resolve(port)),
        (error) => finish(() => reject(error))
      );
    };
    const onAbort = () => finish(() => reject(new BmsError('CANCELLED', 'stopped waiting for the device to come back')));
    const deadline = setTimeout(() => {
      const ids = `${identity.usbVendorId.toString(16)}:${identity.usbProductId?.toString(16) ?? '*'}`;
      finish(() => reject(new BmsError('LINK_DEVICE_LOST_ON_RESET', `no granted port ${ids} within ${timeoutMs} ms`)));
    }, timeoutMs);
    const poll = setInterval(check, pollMs);
    serial.addEventListener('connect', check);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    else check();
  });
}

function refused(code: 'LINK_NOT_SUPPORTED' | 'LINK_NO_PORT_SELECTED' | 'LINK_PICKER_BLOCKED', detail: string) {
  return { ok: false as const, error: { code, detail } };
}
