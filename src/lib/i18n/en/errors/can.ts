import type { CanErrorCode } from '../../../core/link/can/can-codes';
import type { ErrorText } from '../../error-text';

export const canEn = {
  CAN_BUS_OFF: {
    summary: 'The CAN adapter went bus-off and stopped sending.',
    diagnosis: 'Too many transmit errors: no other node acknowledges the frames (device unpowered or not on the bus), a wrong bit rate, a missing 120 Ω termination, or CAN-H / CAN-L swapped.',
    fix: 'Check that the BMS is powered, that both bus ends carry 120 Ω (about 60 Ω between CAN-H and CAN-L with power off), the wiring and the bit rate, then reconnect the adapter.'
  },
  CAN_TIMEOUT: {
    summary: 'The expected CAN frame did not arrive in time.',
    diagnosis: 'The node did not answer: wrong bit rate, node unpowered or busy, wrong node address, or a frame lost on a heavily loaded bus.',
    fix: 'Check the bit rate and the node address, that the BMS is powered, then retry.'
  },
  CAN_FRAME_INVALID: {
    summary: 'A CAN frame is not valid.',
    diagnosis: 'The identifier is out of range (11-bit ≤ 0x7FF, 29-bit ≤ 0x1FFFFFFF) or the frame carries more than 8 data bytes (classic CAN).',
    fix: 'This is a program error: report it with the detail shown.'
  },
  CAN_BITRATE_UNSUPPORTED: {
    summary: 'The USB-CAN adapter cannot use this bit rate.',
    diagnosis: 'SLCAN adapters offer fixed rates only: 10, 20, 50, 100, 125, 250, 500, 800 kbit/s and 1 Mbit/s (S0–S8).',
    fix: 'Choose the bit rate the BMS uses from the list (foxBMS 2: 500 kbit/s).'
  },
  SLCAN_COMMAND_REFUSED: {
    summary: 'The USB-CAN adapter refused a command.',
    diagnosis: 'The adapter answered with an error (BEL): a setting changed while the channel is open, a frame sent while it is closed, or a full transmit buffer.',
    fix: 'Disconnect and reconnect; if it repeats, update the adapter firmware or use another SLCAN adapter.'
  },
  SLCAN_NOT_OPEN: {
    summary: 'The CAN channel is not open.',
    diagnosis: 'Frames were sent or awaited before the adapter was opened at a bit rate, or after it was closed.',
    fix: 'Connect again: the channel is opened at the chosen bit rate when connecting.'
  },
  SLCAN_NO_REPLY: {
    summary: 'The serial port does not answer like an SLCAN (USB-CAN) adapter.',
    diagnosis: 'No answer to the version request: this port is another device, the adapter runs candleLight/gs_usb firmware instead of SLCAN, or the serial speed is wrong.',
    fix: 'Pick the USB-CAN adapter in the port list; check that it runs SLCAN firmware (CANable: slcan firmware).'
  },
  SLCAN_ADAPTER_UNPLUGGED: {
    summary: 'The USB-CAN adapter was unplugged.',
    diagnosis: 'The serial port disappeared while frames were flowing: cable pulled, USB hub lost power, or the computer suspended the port.',
    fix: 'Plug the adapter back in and connect again; an interrupted foxBMS transfer must be started again from the beginning.'
  }
} satisfies Record<CanErrorCode, ErrorText>;
