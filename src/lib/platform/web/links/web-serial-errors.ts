/**
 * Maps the DOMException names Web Serial throws to our link codes, with the browser's own message kept
 * in the detail. Names per the WICG Web Serial spec and Chrome's behaviour.
 */
import { BmsError } from '../../../core/errors';
import type { LinkErrorCode } from '../../../core/link/link-codes';
import { bridgeDriver } from '../../../core/link/usb-serial-chips';
import { errorMessage, errorName } from './dom-errors';
import type { SerialPortInfo } from './web-serial-types';

/** Non-fatal receive errors: the port stays open and `readable` is re-created after them. */
const LINE_ERRORS: Record<string, LinkErrorCode> = {
  FramingError: 'LINK_FRAMING_ERROR',
  ParityError: 'LINK_PARITY_ERROR',
  BufferOverrunError: 'LINK_BUFFER_OVERRUN',
  BreakError: 'LINK_BREAK'
};

/** The line-error code for a non-fatal read error, or undefined for a fatal one (device lost). */
export function lineError(error: unknown): BmsError | undefined {
  const code = LINE_ERRORS[errorName(error)];
  return code ? new BmsError(code, errorMessage(error), { cause: error }) : undefined;
}

/** What a failed `port.open()` means for the user. */
export function openError(error: unknown, info: SerialPortInfo, label: string): BmsError {
  const message = `${label}: ${errorMessage(error)}`;
  switch (errorName(error)) {
    case 'InvalidStateError':
      // Chrome: this port object is already open (another connection in this page) or closing.
      return new BmsError('LINK_PORT_BUSY', `${message} (already open in this page)`, { cause: error });
    case 'NetworkError': {
      // The OS refused: permission (Linux dialout), a port held by another program, or a driver problem.
      const driver = bridgeDriver(info.usbVendorId);
      const hint = driver ? `; if this repeats, reinstall the ${driver}` : '';
      return new BmsError('LINK_OPEN_FAILED', `${message}${hint}`, { cause: error });
    }
    case 'NotFoundError':
      return new BmsError('LINK_DISCONNECTED', `${message} (the device is no longer connected)`, { cause: error });
    case 'SecurityError':
      return new BmsError('LINK_PICKER_BLOCKED', message, { cause: error });
    case 'TypeError':
      return new BmsError('LINK_INVALID_SETTINGS', message, { cause: error });
    default:
      return new BmsError('LINK_OPEN_FAILED', message, { cause: error });
  }
}
