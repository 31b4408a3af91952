import type { FoxBmsErrorCode } from '../../../core/protocol/foxbms/foxbms-codes';
import type { ErrorText } from '../../error-text';

export const foxbmsEn = {
  FOXBMS_NO_BOOTLOADER: {
    summary: 'The foxBMS bootloader does not answer.',
    diagnosis: 'No status answer on 0x495 / 0x490 / 0x410. The bootloader only listens during the 500 ms after power-on; after that it starts the application. Or the bit rate is not 500 kbit/s, or the BMS is not powered.',
    fix: 'Start the update first, then switch the BMS supply off and on: the tool keeps asking and catches the bootloader when it powers up.'
  },
  FOXBMS_APP_RUNNING: {
    summary: 'The foxBMS application is running, not its bootloader.',
    diagnosis: 'The BMS broadcasts its state frame (0x220): the 500 ms bootloader window after power-on has passed.',
    fix: 'Start the update, then power-cycle the BMS so that the bootloader is caught within its window.'
  },
  FOXBMS_ACK_MISSING: {
    summary: 'The foxBMS bootloader did not acknowledge a step.',
    diagnosis: 'An expected acknowledge (0x480) did not arrive, even after resending: frames are being lost (adapter overrun, bus errors) or the bootloader left the transfer.',
    fix: 'Retry the update from the beginning; if it repeats, check the bus termination and close other programs using the adapter.'
  },
  FOXBMS_REFUSED: {
    summary: 'The foxBMS bootloader refused the data.',
    diagnosis: 'It answered No: the program size or loop count does not fit its memory map, or the CRC-64 of a flash sector or of the vector table does not match what it received. The sector is not kept.',
    fix: 'The transfer is retried automatically; if it still fails, rebuild the .bin (foxBMS waf build) and check that it is meant for this board.'
  },
  FOXBMS_STATE_UNEXPECTED: {
    summary: 'The foxBMS bootloader is not in the expected state.',
    diagnosis: 'Its state machine (0x495) reports another step than the one the transfer expects, or its error state: a previous transfer was interrupted.',
    fix: 'The tool resets the bootloader first; if this message stays, power-cycle the BMS and start again.'
  },
  FOXBMS_NO_VALID_PROGRAM: {
    summary: 'No valid foxBMS application is in flash.',
    diagnosis: 'The bootloader refused to start the application: none was written, or its CRC-64 no longer matches (an interrupted transfer). There is no second bank to fall back to.',
    fix: 'Flash the application again; the BMS stays in its bootloader until a transfer completes.'
  },
  FOXBMS_IMAGE_INVALID: {
    summary: 'This file is not a foxBMS 2 application binary.',
    diagnosis: 'A foxBMS .bin starts at 0x0001FFE0 with the 32-byte vector table, then the program; it must be longer than the vector table and fit the 0x3E0000-byte application area.',
    fix: 'Use the foxbms.bin produced by the foxBMS build (waf build_app_embedded), not the .elf or .hex.'
  }
} satisfies Record<FoxBmsErrorCode, ErrorText>;
