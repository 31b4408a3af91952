import type { CodeTable } from '../../error-registry';

/** RS485 bus errors: unit addresses, the broadcast transfer and bank campaigns (docs/rs485.md). */
export const RS485_CODES = {
  RS485_ADDRESS_INVALID: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true },
  RS485_BROADCAST_INCOMPLETE: { rootCause: 'hardware', transportLoss: false, lineError: false, userFixable: true },
  RS485_CAMPAIGN_MISMATCH: { rootCause: 'procedure', transportLoss: false, lineError: false, userFixable: true }
} as const satisfies CodeTable;

export type Rs485ErrorCode = keyof typeof RS485_CODES;
