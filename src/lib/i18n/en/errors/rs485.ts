import type { Rs485ErrorCode } from '../../../core/protocol/rs485/rs485-codes';
import type { ErrorText } from '../../error-text';

export const rs485En = {
  RS485_ADDRESS_INVALID: {
    summary: 'This is not a unit address on the RS485 bus.',
    diagnosis: 'Units are numbered 1 to 247 (as Modbus slave ids); 0 is the broadcast address, to which no unit answers.',
    fix: 'Give the address set on the unit (its RS485 address setting or DIP switches), between 1 and 247.'
  },
  RS485_BROADCAST_INCOMPLETE: {
    summary: 'A unit still misses parts of the image sent to the whole bank.',
    diagnosis: 'After the broadcast and several rounds of resending the missing parts, the unit still reports gaps: a noisy segment of the bus, a loose terminator, or a unit that restarted during the transfer.',
    fix: 'Nothing was activated. Check the bus wiring and termination near this unit; the campaign sends it the image on its own.'
  },
  RS485_CAMPAIGN_MISMATCH: {
    summary: 'The campaign to resume was started with another image.',
    diagnosis: 'A campaign record names the image it installs; resuming it with a different file would mix firmware versions across the bank.',
    fix: 'Resume with the same image file, or start a new campaign for the new image.'
  }
} satisfies Record<Rs485ErrorCode, ErrorText>;
