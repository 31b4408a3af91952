import type { ThingSetErrorCode } from '../../../core/protocol/thingset/thingset-codes';
import type { ErrorText } from '../../error-text';

export const thingsetEn = {
  THINGSET_BAD_REQUEST: {
    summary: 'The BMS did not understand a request (status A0).',
    diagnosis: 'The request line was malformed or its values have the wrong type for the item.',
    fix: 'Check the tool and firmware versions match; if it repeats, save the session log and report it.'
  },
  THINGSET_UNAUTHORIZED: {
    summary: 'The BMS asks for authentication before this request (status A1).',
    diagnosis: 'The item is protected: it can only be read or written after logging in with the maker or expert password.',
    fix: 'Authenticate with the right access level, then repeat the operation.'
  },
  THINGSET_FORBIDDEN: {
    summary: 'The BMS refused to change a read-only item (status A3).',
    diagnosis: 'Measurements and identity items can only be read; the device names the item in its answer.',
    fix: 'Leave that item out of the settings you write (a backup restore skips read-only items).'
  },
  THINGSET_NOT_FOUND: {
    summary: 'The BMS has no item at this path (status A4).',
    diagnosis: 'The path or item name does not exist in this firmware (another firmware version, or a typing error).',
    fix: 'Read the parent group to see the items this firmware offers, then use one of those names.'
  },
  THINGSET_REQUEST_TOO_LARGE: {
    summary: 'A request was larger than the BMS accepts (status AD).',
    diagnosis: 'A firmware data chunk above 255 bytes, or a request line longer than the receive buffer.',
    fix: 'Send smaller pieces: firmware chunks of at most 255 bytes, fewer settings per write.'
  },
  THINGSET_STATUS_ERROR: {
    summary: 'The BMS answered a request with an error status.',
    diagnosis: 'The status code and the message of the device are in the detail (e.g. C0 internal error, A5 method not allowed, A9 conflict).',
    fix: 'Repeat the operation once; if the same status comes back, note it and contact the firmware maintainer.'
  },
  THINGSET_CRC_MISMATCH: {
    summary: 'A line from the BMS failed its checksum.',
    diagnosis: 'Bytes were changed or lost on the serial line (noise, a loose cable, a wrong baud rate).',
    fix: 'Check the cable and its shield, keep it away from power wiring, and check the line runs at 115200 baud.'
  },
  THINGSET_JSON_INVALID: {
    summary: 'The BMS sent data the tool cannot read.',
    diagnosis: 'The body of an answer or report is not valid JSON although its checksum is correct: a firmware fault.',
    fix: 'Save the session log and report it with the firmware version; other operations may still work.'
  },
  THINGSET_LINE_INVALID: {
    summary: 'A ThingSet message is malformed.',
    diagnosis: 'A line or binary message does not follow the ThingSet format (missing status code, bad path, truncated data).',
    fix: 'Check that the port is connected to a ThingSet device at the right baud rate.'
  },
  THINGSET_NO_ANSWER: {
    summary: 'The BMS did not answer a request.',
    diagnosis:
      'On serial the device drops a line that arrives while it is answering, so the request was repeated after a resynchronisation; a second silence, or silence on CAN, means it is off, rebooting, at another node address or not a ThingSet device.',
    fix: 'Check power and cable, wait a few seconds if the BMS is restarting, then reconnect.'
  },
  THINGSET_DFU_REFUSED: {
    summary: 'The BMS restarted but does not run the new firmware: its bootloader refused the image.',
    diagnosis:
      'The transfer completed, but after the restart the BMS reports another firmware version than the image sent: the bootloader found the image invalid (hash or signature) and kept the old firmware, or the board reverted it.',
    fix: 'Check that the image is built for this board and signed for its bootloader, then run the update again; the BMS keeps working with its previous firmware meanwhile.'
  },

  THINGSET_DFU_FAILED: {
    summary: 'The BMS refused a firmware transfer step.',
    diagnosis: 'A DFU function returned an error number (-16: write before init; other values: flash erase or write failed).',
    fix: 'Start the transfer again from the beginning; if the flash error repeats, stop and have the board inspected.'
  }
} satisfies Record<ThingSetErrorCode, ErrorText>;
