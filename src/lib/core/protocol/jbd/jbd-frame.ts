/**
 * The JBD / Xiaoxiang / Overkill "general protocol" frames (Jiabaida Software Board Universal Protocol,
 * and the bms-tools JBD register map; bms-can-stm32.md §1.1), UART/RS485 at 9600 8N1.
 *
 *   request:  DD | A5 read, 5A write | register | length | data… | checksum hi lo | 77
 *   response: DD | register | status (00 OK, 80 error) | length | data… | checksum hi lo | 77
 *
 * The checksum is 0x10000 − Σ(bytes) over register+length+data in a request and over
 * status+length+data in a response: the start byte, A5/5A and a response's register are not summed.
 */
import { BmsError, fail } from '../../errors';
import type { Decoded } from '../exchange';

export const JBD_START = 0xdd;
export const JBD_END = 0x77;
export const JBD_READ = 0xa5;
export const JBD_WRITE = 0x5a;
export const JBD_STATUS_OK = 0x00;

export interface JbdRequest {
  op: 'read' | 'write';
  register: number;
  data: Uint8Array;
}

export interface JbdResponse {
  register: number;
  /** 0x00 OK; 0x80 (or 0x01 in some documents) refused */
  status: number;
  data: Uint8Array;
}

/** 0x10000 − Σ bytes, as a 16-bit value. */
export function jbdChecksum(bytes: Uint8Array): number {
  let sum = 0;
  for (const b of bytes) sum += b;
  return (0x10000 - (sum & 0xffff)) & 0xffff;
}

function frame(first: number, second: number, length: number, data: Uint8Array, summed: Uint8Array): Uint8Array {
  if (data.length > 0xff) fail('JBD_FRAME_INVALID', `${data.length} data bytes do not fit a JBD frame (255 at most)`);
  const out = new Uint8Array(data.length + 7);
  out.set([JBD_START, first, second, length]);
  out.set(data, 4);
  const sum = jbdChecksum(summed);
  out.set([sum >> 8, sum & 0xff, JBD_END], data.length + 4);
  return out;
}

export function encodeJbdRequest(request: JbdRequest): Uint8Array {
  const { register, data } = request;
  const summed = Uint8Array.of(register, data.length, ...data);
  return frame(request.op === 'read' ? JBD_READ : JBD_WRITE, register, data.length, data, summed);
}

export function encodeJbdResponse(response: JbdResponse): Uint8Array {
  const { register, status, data } = response;
  return frame(register, status, data.length, data, Uint8Array.of(status, data.length, ...data));
}

/**
 * Splits a byte stream into frames of one direction. Bytes before a start byte are line noise and
 * skipped; a frame with a bad checksum or end byte is dropped and reported as JBD_CHECKSUM /
 * JBD_FRAME_INVALID, and decoding resumes after its start byte.
 */
function decodeStream<F>(buffer: Uint8Array, parse: (bytes: Uint8Array) => F): Decoded<F> {
  const frames: F[] = [];
  const errors: BmsError[] = [];
  let at = 0;
  while (at < buffer.length) {
    if (buffer[at] !== JBD_START) {
      at++;
      continue;
    }
    if (buffer.length - at < 4) break;
    const total = buffer[at + 3] + 7;
    if (buffer.length - at < total) break;
    try {
      frames.push(parse(buffer.subarray(at, at + total)));
      at += total;
    } catch (error) {
      errors.push(error as BmsError);
      at++;
    }
  }
  return { frames, rest: buffer.slice(at), errors };
}

function checkFrame(bytes: Uint8Array, summedFrom: number): Uint8Array {
  const length = bytes[3];
  if (bytes.length !== length + 7 || bytes[0] !== JBD_START) fail('JBD_FRAME_INVALID', `not a JBD frame of ${length} data bytes (${bytes.length} bytes)`);
  if (bytes[bytes.length - 1] !== JBD_END) fail('JBD_FRAME_INVALID', `end byte 0x${bytes[bytes.length - 1].toString(16)} instead of 0x77`);
  const expected = jbdChecksum(bytes.subarray(summedFrom, 4 + length));
  const found = (bytes[4 + length] << 8) | bytes[5 + length];
  if (expected !== found) fail('JBD_CHECKSUM', `checksum 0x${hex16(found)}, expected 0x${hex16(expected)}`);
  return bytes.slice(4, 4 + length);
}

/** One whole response frame; throws JBD_CHECKSUM / JBD_FRAME_INVALID. */
export function parseJbdResponse(bytes: Uint8Array): JbdResponse {
  const data = checkFrame(bytes, 2);
  return { register: bytes[1], status: bytes[2], data };
}

/** One whole request frame (the device side); throws JBD_CHECKSUM / JBD_FRAME_INVALID. */
export function parseJbdRequest(bytes: Uint8Array): JbdRequest {
  const data = checkFrame(bytes, 2);
  const op = bytes[1] === JBD_READ ? 'read' : bytes[1] === JBD_WRITE ? 'write' : undefined;
  if (!op) fail('JBD_FRAME_INVALID', `command byte 0x${bytes[1].toString(16)} is neither read (A5) nor write (5A)`);
  return { op, register: bytes[2], data };
}

export const decodeJbdResponses = (buffer: Uint8Array): Decoded<JbdResponse> => decodeStream(buffer, parseJbdResponse);
export const decodeJbdRequests = (buffer: Uint8Array): Decoded<JbdRequest> => decodeStream(buffer, parseJbdRequest);

function hex16(value: number): string {
  return value.toString(16).padStart(4, '0');
}
