/**
 * Daly "BMS Monitor" frames (UART/RS485 at 9600 8N1; maland16/daly-bms-uart README, python-daly-bms;
 * bms-can-stm32.md §1.2). Every frame, both ways, is 13 bytes:
 *   A5 | address | data id | 08 | 8 data bytes | checksum (low byte of the sum of the 12 before it)
 * The host sends address 0x40 on the RS485 port and 0x80 on the UART/Bluetooth port; the BMS answers
 * with 0x01. Some data ids answer with several frames, each starting with its 1-based number.
 */
import { BmsError, fail } from '../../errors';
import type { Decoded } from '../exchange';

export const DALY_START = 0xa5;
export const DALY_FRAME_SIZE = 13;
export const DALY_DATA_SIZE = 8;
export const DalyAddress = { rs485Host: 0x40, uartHost: 0x80, bms: 0x01 } as const;

export interface DalyFrame {
  address: number;
  command: number;
  data: Uint8Array;
}

function sum8(bytes: Uint8Array): number {
  let sum = 0;
  for (const b of bytes) sum += b;
  return sum & 0xff;
}

export function encodeDalyFrame(frame: DalyFrame): Uint8Array {
  if (frame.data.length > DALY_DATA_SIZE) fail('DALY_FRAME_INVALID', `${frame.data.length} data bytes; a Daly frame carries 8`);
  const out = new Uint8Array(DALY_FRAME_SIZE);
  out.set([DALY_START, frame.address, frame.command, DALY_DATA_SIZE]);
  out.set(frame.data, 4);
  out[12] = sum8(out.subarray(0, 12));
  return out;
}

/** One 13-byte frame; throws DALY_CHECKSUM / DALY_FRAME_INVALID. */
export function parseDalyFrame(bytes: Uint8Array): DalyFrame {
  if (bytes.length !== DALY_FRAME_SIZE || bytes[0] !== DALY_START || bytes[3] !== DALY_DATA_SIZE) {
    fail('DALY_FRAME_INVALID', `not a 13-byte Daly frame with 8 data bytes: ${Array.from(bytes.subarray(0, 4), (b) => b.toString(16)).join(' ')}…`);
  }
  const expected = sum8(bytes.subarray(0, 12));
  if (expected !== bytes[12]) fail('DALY_CHECKSUM', `data id 0x${bytes[2].toString(16)}: checksum 0x${bytes[12].toString(16)}, expected 0x${expected.toString(16)}`);
  return { address: bytes[1], command: bytes[2], data: bytes.slice(4, 12) };
}

/** Splits a stream into frames; a corrupted one is reported and decoding resumes after its start byte. */
export function decodeDalyFrames(buffer: Uint8Array): Decoded<DalyFrame> {
  const frames: DalyFrame[] = [];
  const errors: BmsError[] = [];
  let at = 0;
  while (at < buffer.length) {
    if (buffer[at] !== DALY_START) {
      at++;
      continue;
    }
    if (buffer.length - at < DALY_FRAME_SIZE) break;
    try {
      frames.push(parseDalyFrame(buffer.subarray(at, at + DALY_FRAME_SIZE)));
      at += DALY_FRAME_SIZE;
    } catch (error) {
      errors.push(error as BmsError);
      at++;
    }
  }
  return { frames, rest: buffer.slice(at), errors };
}
