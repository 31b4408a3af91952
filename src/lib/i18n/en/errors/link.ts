import type { LinkErrorCode } from '../../../core/link/link-codes';
import type { ErrorText } from '../../error-text';

export const linkEn = {
  LINK_TIMEOUT: {
    summary: 'The device did not answer in time.',
    diagnosis: 'No byte arrived within the time limit. Usual causes: a baud-rate mismatch, swapped RS485 A/B wires, a missing common ground, or the device is not powered or not in its update mode.',
    fix: 'Run the link test to check the baud rate, check the A/B wiring and the ground, then replace the cable if it still fails.'
  },
  LINK_CLOSED: {
    summary: 'The connection was closed by this application.',
    diagnosis: 'The port was released (operator action or end of the operation) while a read or write was waiting.',
    fix: 'Reconnect to the device and start the operation again.'
  },
  LINK_DISCONNECTED: {
    summary: 'The device went away.',
    diagnosis: 'The USB adapter or device disappeared: cable pulled or loose, USB hub power loss, the device rebooted, or the laptop suspended the USB port.',
    fix: 'Reconnect the cable (directly to the computer, not through a hub), keep the computer awake, then resume: the update restarts safely from the last confirmed point.'
  },
  LINK_FRAMING_ERROR: {
    summary: 'A byte arrived with a bad stop bit (framing error).',
    diagnosis: 'The receiver saw a start bit but no stop bit where it expected one: almost always a baud-rate mismatch, sometimes electrical noise or a missing RS485 termination.',
    fix: 'Run the link test to find the device baud rate; on RS485 fit 120 Ω termination at both ends of the bus and use twisted pair.'
  },
  LINK_PARITY_ERROR: {
    summary: 'A byte arrived with a wrong parity bit.',
    diagnosis: 'The parity setting (none / even / odd) differs between the tool and the device, or the line is noisy.',
    fix: 'Use the parity the device documents (SMP over serial uses 8N1: 8 data bits, no parity, 1 stop bit) and check the cable shield and ground.'
  },
  LINK_BUFFER_OVERRUN: {
    summary: 'Received bytes were lost because a buffer overflowed.',
    diagnosis: 'Bytes arrived faster than they were read: the computer was busy, the browser tab was in the background, or the line rate is too high for the adapter.',
    fix: 'Keep the tab in the foreground and retry; if it repeats, choose a lower baud rate.'
  },
  LINK_BREAK: {
    summary: 'The line was held low for longer than a byte (break condition).',
    diagnosis: 'The device sent a break, or the receive wire is shorted or disconnected (an idle UART line must be high), or the RS485 A/B wires are swapped.',
    fix: 'Check the RX wire and the RS485 A/B polarity, then retry; a single break during a device reboot is harmless.'
  },
  LINK_WRITE_FAILED: {
    summary: 'Bytes could not be sent to the device.',
    diagnosis: 'The operating system or the adapter refused the write: the adapter is failing, or it is being unplugged.',
    fix: 'Reconnect the adapter and resume; if it repeats, try another USB port or adapter.'
  },
  LINK_SIGNALS_FAILED: {
    summary: 'The DTR/RTS control lines could not be set.',
    diagnosis: 'The adapter or its driver refused the request. Some USB-CDC devices and older browser versions do not support control lines.',
    fix: 'Reset the device by hand (reset button or power cycle) into its update mode, then connect again; updating the browser can help.'
  },
  LINK_BAUD_MISMATCH: {
    summary: 'The device answers at another baud rate than the one selected.',
    diagnosis: 'The tool and the device must use the same line rate; the detail gives the rate the device answered at.',
    fix: 'Select the baud rate the device answers at (or set the device to yours), then run the link test again.'
  },
  LINK_NO_ANSWER: {
    summary: 'The device does not answer at any usual baud rate.',
    diagnosis: 'No echo came back: the device is off or not in its update mode, RS485 A/B are swapped, the ground is missing, or another device protocol runs on this port.',
    fix: 'Check power and wiring (A/B, ground), put the device in update mode, then run the link test again; replace the cable if it still fails.'
  }
} satisfies Record<LinkErrorCode, ErrorText>;
