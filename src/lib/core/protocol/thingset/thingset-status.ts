/**
 * ThingSet status codes (spec "Status codes", CoAP-like classes): 0x8X success, 0xAX request errors,
 * 0xCX device errors. Text mode writes them as `:XX`, binary mode as the first byte of a response.
 */
import { fail, type ErrorCode } from '../../errors';

export const STATUS = {
  CREATED: 0x81,
  DELETED: 0x82,
  VALID: 0x83,
  CHANGED: 0x84,
  CONTENT: 0x85,
  BAD_REQUEST: 0xa0,
  UNAUTHORIZED: 0xa1,
  FORBIDDEN: 0xa3,
  NOT_FOUND: 0xa4,
  METHOD_NOT_ALLOWED: 0xa5,
  REQUEST_INCOMPLETE: 0xa8,
  CONFLICT: 0xa9,
  REQUEST_TOO_LARGE: 0xad,
  UNSUPPORTED_FORMAT: 0xaf,
  INTERNAL_SERVER_ERROR: 0xc0,
  NOT_IMPLEMENTED: 0xc1,
  GATEWAY_TIMEOUT: 0xc2,
  NOT_A_GATEWAY: 0xc3
} as const;

const NAMES: Record<number, string> = {
  0x81: 'created',
  0x82: 'deleted',
  0x83: 'valid',
  0x84: 'changed',
  0x85: 'content',
  0xa0: 'bad request',
  0xa1: 'unauthorized',
  0xa3: 'forbidden',
  0xa4: 'not found',
  0xa5: 'method not allowed',
  0xa8: 'request incomplete',
  0xa9: 'conflict',
  0xad: 'request too large',
  0xaf: 'unsupported format',
  0xc0: 'internal server error',
  0xc1: 'not implemented',
  0xc2: 'gateway timeout',
  0xc3: 'not a gateway'
};

const CODES: Record<number, ErrorCode> = {
  0xa0: 'THINGSET_BAD_REQUEST',
  0xa1: 'THINGSET_UNAUTHORIZED',
  0xa3: 'THINGSET_FORBIDDEN',
  0xa4: 'THINGSET_NOT_FOUND',
  0xad: 'THINGSET_REQUEST_TOO_LARGE'
};

export function isSuccess(status: number): boolean {
  return status >= 0x80 && status < 0xa0;
}

export function statusHex(status: number): string {
  return status.toString(16).toUpperCase().padStart(2, '0');
}

/** Throws the typed error of an error status; `message` is the device's own text, if any. */
export function failOnStatus(status: number, what: string, message?: string): void {
  if (isSuccess(status)) return;
  const name = NAMES[status] ?? 'unknown status';
  const said = message ? `: ${message}` : '';
  fail(CODES[status] ?? 'THINGSET_STATUS_ERROR', `${what} answered ${statusHex(status)} (${name})${said}`);
}
