import type { JkErrorCode } from '../../../core/protocol/jk/jk-codes';
import type { ErrorText } from '../../error-text';

export const jkEn = {
  JK_NO_ANSWER: {
    summary: 'The JK BMS did not answer over Bluetooth.',
    diagnosis: 'No complete record came back after the command was resent: the BMS is asleep or out of range, another phone app holds the connection, or it is not a JK.',
    fix: 'Close the JK app on other phones, wake the BMS (press its button or apply charge), move closer, then retry.'
  },
  JK_UPDATE_REGISTER_REFUSED: {
    summary: 'Writing the JK firmware-update register is refused.',
    diagnosis: 'Register 0x1626 starts the JK updater; reports say the unit can hang there, and this tool cannot flash JK firmware, so it never writes it.',
    fix: 'Nothing to do: settings are written elsewhere. Use the vendor tool for JK firmware.'
  },
  JK_CHECKSUM: {
    summary: 'A JK Bluetooth record arrived corrupted (bad checksum).',
    diagnosis: 'The last byte of the 300-byte record is not the sum of the others: a notification was lost or reordered.',
    fix: 'The record is requested again automatically; if it repeats, move closer to the BMS.'
  },
  JK_FRAME_INVALID: {
    summary: 'The JK BMS sent data this tool cannot read.',
    diagnosis: 'A record has an unknown type or length, or a register block is shorter than its layout: another JK generation or firmware.',
    fix: 'Note the JK model and firmware version (Device page) and report them with the session log.'
  },
  JK_SETTING_INVALID: {
    summary: 'A JK setting is unknown or out of range.',
    diagnosis: 'The name is not one of the JK-PB settings registers, or the value does not fit its 32-bit register.',
    fix: 'Check the backup file or the value typed: values are in the unit shown next to each setting.'
  }
} satisfies Record<JkErrorCode, ErrorText>;
