import type { ModbusErrorCode } from '../../../core/protocol/modbus/modbus-codes';
import type { ErrorText } from '../../error-text';

export const modbusEn = {
  MODBUS_NO_ANSWER: {
    summary: 'The Modbus device did not answer.',
    diagnosis: 'No valid reply came back from this slave address, even after resending. Usual causes: a wrong slave address or baud rate, RS485 A/B swapped, or a missing termination on a long bus.',
    fix: 'Check the slave address set on the BMS (its DIP switches or app), the baud rate (115200 for JK-PB) and the A/B wiring, then retry.'
  },
  MODBUS_CRC: {
    summary: 'A Modbus reply arrived corrupted (bad CRC).',
    diagnosis: 'The CRC-16 of the reply does not match its bytes: noise, a wrong baud rate, or two slaves answering at once.',
    fix: 'The request is resent automatically; if it repeats, check the termination, the ground and that each slave has its own address.'
  },
  MODBUS_FRAME_INVALID: {
    summary: 'A Modbus reply does not match the request.',
    diagnosis: 'The reply has the right CRC but the wrong length or content for the function asked (a firmware that answers differently).',
    fix: 'Retry; if it repeats, note the BMS model and firmware version and report them with the session log.'
  },
  MODBUS_ILLEGAL_FUNCTION: {
    summary: 'The device does not support this Modbus function (exception 01).',
    diagnosis: 'The BMS answered with exception code 1: it does not implement the function (JK-PB, for instance, writes only with function 16).',
    fix: 'This is a tool/firmware mismatch, not a wiring fault: report the BMS model and firmware version.'
  },
  MODBUS_ILLEGAL_ADDRESS: {
    summary: 'The device has no such Modbus register (exception 02).',
    diagnosis: 'The BMS answered with exception code 2: the register range asked does not exist on this model or firmware.',
    fix: 'Check that the right BMS family is selected; report the model and firmware version if it is.'
  },
  MODBUS_ILLEGAL_VALUE: {
    summary: 'The device refused the value written (exception 03).',
    diagnosis: 'The BMS answered with exception code 3: the value or the register count is outside what it accepts.',
    fix: 'Check the setting against the limits in the BMS manual, then retry.'
  },
  MODBUS_DEVICE_FAILURE: {
    summary: 'The device reported an internal failure (Modbus exception 04 or higher).',
    diagnosis: 'The BMS answered with a server-failure or busy exception: it could not carry out the request.',
    fix: 'Wait a few seconds and retry; if it persists, power-cycle the BMS.'
  }
} satisfies Record<ModbusErrorCode, ErrorText>;
