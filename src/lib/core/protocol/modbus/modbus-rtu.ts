/**
 * Modbus RTU frames (Modbus application protocol V1.1b3, serial line V1.02): slave id | function | data
 * | CRC-16 low, high. RTU frames are delimited by 3.5 character times of silence, which a Link does not
 * show, so the decoders find each frame's end from its function code and byte count instead, and
 * resynchronise byte by byte when the CRC fails.
 */
import { BmsError, type ErrorCode } from '../../errors';
import type { Decoded } from '../exchange';
import { crcMatches, withCrc } from './modbus-crc';

export const ModbusFunction = {
  readHolding: 0x03,
  readInput: 0x04,
  writeSingle: 0x06,
  writeMultiple: 0x10
} as const;

/** Standard exception codes (application protocol §7). */
export const ModbusException = {
  illegalFunction: 0x01,
  illegalAddress: 0x02,
  illegalValue: 0x03,
  deviceFailure: 0x04
} as const;

/** What a master sends. */
export type ModbusRequest =
  | { slave: number; function: 0x03 | 0x04; address: number; count: number }
  | { slave: number; function: 0x06; address: number; value: number }
  | { slave: number; function: 0x10; address: number; values: number[] }
  | { slave: number; function: number; raw: Uint8Array };

/** What a slave answers. */
export type ModbusResponse =
  | { slave: number; function: 0x03 | 0x04; registers: number[] }
  | { slave: number; function: 0x06; address: number; value: number }
  | { slave: number; function: 0x10; address: number; count: number }
  | { slave: number; function: number; exception: number };

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] << 8) | bytes[at + 1];
}

function words(values: readonly number[]): number[] {
  return values.flatMap((v) => [(v >> 8) & 0xff, v & 0xff]);
}

export function encodeModbusRequest(request: ModbusRequest): Uint8Array {
  const head = [request.slave, request.function];
  if ('raw' in request) return withCrc(Uint8Array.of(...head, ...request.raw));
  if ('count' in request) return withCrc(Uint8Array.of(...head, ...words([request.address, request.count])));
  if ('value' in request) return withCrc(Uint8Array.of(...head, ...words([request.address, request.value])));
  const { address, values } = request;
  return withCrc(Uint8Array.of(...head, ...words([address, values.length]), values.length * 2, ...words(values)));
}

export function encodeModbusResponse(response: ModbusResponse): Uint8Array {
  const { slave } = response;
  if ('exception' in response) return withCrc(Uint8Array.of(slave, response.function | 0x80, response.exception));
  if ('registers' in response) return withCrc(Uint8Array.of(slave, response.function, response.registers.length * 2, ...words(response.registers)));
  if ('value' in response) return withCrc(Uint8Array.of(slave, response.function, ...words([response.address, response.value])));
  return withCrc(Uint8Array.of(slave, response.function, ...words([response.address, response.count])));
}

/** Length of the response frame starting at `at`, or undefined when not yet known / not a response. */
function responseLength(buffer: Uint8Array, at: number): number | undefined | 'unknown' {
  if (buffer.length - at < 2) return undefined;
  const fn = buffer[at + 1];
  if (fn & 0x80) return 5;
  if (fn === 0x03 || fn === 0x04) return buffer.length - at < 3 ? undefined : 5 + buffer[at + 2];
  if (fn === 0x06 || fn === 0x10) return 8;
  return 'unknown';
}

/** Length of the request frame starting at `at`; functions without a count are taken as 8 bytes. */
function requestLength(buffer: Uint8Array, at: number): number | undefined {
  if (buffer.length - at < 2) return undefined;
  if (buffer[at + 1] === 0x10) return buffer.length - at < 7 ? undefined : 9 + buffer[at + 6];
  return 8;
}

function parseResponse(frame: Uint8Array): ModbusResponse {
  const slave = frame[0];
  const fn = frame[1];
  if (fn & 0x80) return { slave, function: fn & 0x7f, exception: frame[2] };
  if (fn === 0x03 || fn === 0x04) {
    return { slave, function: fn, registers: Array.from({ length: frame[2] / 2 }, (_, i) => u16(frame, 3 + 2 * i)) };
  }
  if (fn === 0x06) return { slave, function: fn, address: u16(frame, 2), value: u16(frame, 4) };
  return { slave, function: 0x10, address: u16(frame, 2), count: u16(frame, 4) };
}

function parseRequest(frame: Uint8Array): ModbusRequest {
  const slave = frame[0];
  const fn = frame[1];
  if (fn === 0x03 || fn === 0x04) return { slave, function: fn, address: u16(frame, 2), count: u16(frame, 4) };
  if (fn === 0x06) return { slave, function: fn, address: u16(frame, 2), value: u16(frame, 4) };
  if (fn === 0x10) {
    // Quantity 1…123 and byte count = 2 × quantity (application protocol §6.12); a frame that disagrees
    // stays raw so the slave answers exception 03 instead of reading values past the frame's end.
    const count = u16(frame, 4);
    if (count < 1 || count > 123 || frame[6] !== 2 * count) return { slave, function: fn, raw: frame.slice(2, -2) };
    return { slave, function: fn, address: u16(frame, 2), values: Array.from({ length: count }, (_, i) => u16(frame, 7 + 2 * i)) };
  }
  return { slave, function: fn, raw: frame.slice(2, -2) };
}

function decodeStream<F>(buffer: Uint8Array, lengthAt: (b: Uint8Array, at: number) => number | undefined | 'unknown', parse: (f: Uint8Array) => F): Decoded<F> {
  const frames: F[] = [];
  const errors: BmsError[] = [];
  let at = 0;
  while (at < buffer.length) {
    const length = lengthAt(buffer, at);
    if (length === 'unknown') {
      at++;
      continue;
    }
    if (length === undefined || buffer.length - at < length) break;
    const frame = buffer.subarray(at, at + length);
    if (crcMatches(frame)) {
      frames.push(parse(frame));
      at += length;
    } else {
      errors.push(new BmsError('MODBUS_CRC', `CRC mismatch on ${length} bytes from slave ${frame[0]}, function 0x${frame[1].toString(16)}`));
      at++;
    }
  }
  return { frames, rest: buffer.slice(at), errors };
}

export const decodeModbusResponses = (buffer: Uint8Array): Decoded<ModbusResponse> => decodeStream(buffer, responseLength, parseResponse);
export const decodeModbusRequests = (buffer: Uint8Array): Decoded<ModbusRequest> => decodeStream(buffer, requestLength, parseRequest);

const EXCEPTION_CODES: Record<number, ErrorCode> = {
  [ModbusException.illegalFunction]: 'MODBUS_ILLEGAL_FUNCTION',
  [ModbusException.illegalAddress]: 'MODBUS_ILLEGAL_ADDRESS',
  [ModbusException.illegalValue]: 'MODBUS_ILLEGAL_VALUE'
};

/** The typed error of an exception response. */
export function exceptionError(response: { slave: number; function: number; exception: number }, what: string): BmsError {
  const code = EXCEPTION_CODES[response.exception] ?? 'MODBUS_DEVICE_FAILURE';
  return new BmsError(code, `${what}: slave ${response.slave} answered exception 0x${response.exception.toString(16).padStart(2, '0')}`);
}
