import type { CodeTable } from '../../error-registry';

/** Modbus RTU errors: silence, CRC, and the standard exception responses (Modbus application protocol §7). */
export const MODBUS_CODES = {
  MODBUS_NO_ANSWER: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  MODBUS_CRC: { rootCause: 'hardware', transportLoss: true, lineError: false, userFixable: true },
  MODBUS_FRAME_INVALID: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  MODBUS_ILLEGAL_FUNCTION: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  MODBUS_ILLEGAL_ADDRESS: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  MODBUS_ILLEGAL_VALUE: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  MODBUS_DEVICE_FAILURE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type ModbusErrorCode = keyof typeof MODBUS_CODES;
