import type { DalyErrorCode } from '../../../core/protocol/daly/daly-codes';
import type { ErrorText } from '../../error-text';

export const dalyEn = {
  DALY_NO_ANSWER: {
    summary: 'The Daly BMS did not answer.',
    diagnosis: 'No valid frame came back, even after resending. Usual causes: the wrong host address for the port (0x40 on RS485, 0x80 on UART/Bluetooth), a baud rate other than 9600, swapped wires, or a Daly "Sinowealth" board that speaks another protocol.',
    fix: 'Check which port the adapter is on (RS485 or UART), 9600 8N1 and the wiring, then retry.'
  },
  DALY_CHECKSUM: {
    summary: 'A frame from the Daly BMS arrived corrupted (bad checksum).',
    diagnosis: 'The last byte is not the sum of the twelve before it: noise on the line or a wrong baud rate. Some Daly firmware also sends corrupted cell frames now and then.',
    fix: 'The request is resent automatically; if it repeats, check the cable and the ground.'
  },
  DALY_FRAME_INVALID: {
    summary: 'The Daly BMS sent a frame this tool cannot read.',
    diagnosis: 'The frame does not have the fixed 8 data bytes, or a multi-frame answer is missing frames.',
    fix: 'Retry; if it repeats, note the BMS model and report it with the session log.'
  },
  DALY_SETTING_INVALID: {
    summary: 'A Daly setting is unknown or out of range.',
    diagnosis: 'The name is not one of the Daly settings this tool reads, or the value does not fit its field.',
    fix: 'Check the backup file or the value typed.'
  }
} satisfies Record<DalyErrorCode, ErrorText>;
