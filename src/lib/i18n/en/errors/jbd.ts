import type { JbdErrorCode } from '../../../core/protocol/jbd/jbd-codes';
import type { ErrorText } from '../../error-text';

export const jbdEn = {
  JBD_NO_ANSWER: {
    summary: 'The JBD BMS did not answer.',
    diagnosis: 'No valid frame came back, even after resending (a sleeping unit ignores the first frame). Usual causes: the line is not at 9600 baud, RX/TX or RS485 A/B swapped, the BMS is not JBD/Xiaoxiang, or the Bluetooth dongle still holds the UART.',
    fix: 'Check 9600 8N1, the wiring and the ground, unplug the Bluetooth dongle from the UART port, then retry.'
  },
  JBD_CHECKSUM: {
    summary: 'A frame from the JBD BMS arrived corrupted (bad checksum).',
    diagnosis: 'The 16-bit checksum does not match the bytes: noise on the line, a wrong baud rate, or two devices talking at once.',
    fix: 'The request is resent automatically; if it repeats, shorten or shield the cable and check the ground and the termination.'
  },
  JBD_FRAME_INVALID: {
    summary: 'The JBD BMS sent a frame this tool cannot read.',
    diagnosis: 'The frame is too short for its register, or its end byte is wrong: a firmware with another layout, or bytes lost on the line.',
    fix: 'Retry; if it repeats, note the BMS model and firmware version and report them with the session log.'
  },
  JBD_ERROR_STATUS: {
    summary: 'The JBD BMS refused the request.',
    diagnosis: 'The answer carries an error status (0x80). Settings are read and written only in factory mode, and a password-protected unit refuses factory mode until the password is given.',
    fix: 'Retry the operation (it enters factory mode itself); if a password was set with the vendor app, clear it there first.'
  },
  JBD_SETTING_INVALID: {
    summary: 'A JBD setting is unknown or out of range.',
    diagnosis: 'The name is not one of the EEPROM settings, or the value does not fit its 16-bit register.',
    fix: 'Check the backup file or the value typed: values are in the register unit shown next to each setting.'
  }
} satisfies Record<JbdErrorCode, ErrorText>;
