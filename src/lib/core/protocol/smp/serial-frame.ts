/**
 * SMP over a serial console (smp_transport.rst, MCUboot boot_serial.c). A packet travels as
 * base64([u16 BE total_len][SMP packet][u16 BE CRC-16/XMODEM of the packet]), total_len = packet + 2,
 * cut into lines of at most `lineLength` bytes counting the 2-byte marker and the newline:
 * the first line starts with 06 09, continuation lines with 04 14, each ends with 0a.
 * Real devices print log text on the same UART, so the decoder treats anything outside a frame as noise.
 */
import { concatBytes } from '@noble/hashes/utils.js';
import { fail } from '../../errors';
import type { ErrorCode } from '../../errors';
import { base64Decode, base64Encode, isBase64Char } from './base64';
import { crc16Xmodem } from './crc16';
import { SMP_HEADER_SIZE } from './smp-packet';

export const SERIAL_LINE_LENGTH = 127;
/** The first line's marker of an SMP console frame. */
export const SMP_FRAME_START = [0x06, 0x09] as const;
const CONTINUE = [0x04, 0x14] as const;
const NEWLINE = 0x0a;
const CR = 0x0d;

/** Raw bytes that fit on one line: base64 in whole 4-char groups so each line decodes on its own. */
export function rawBytesPerLine(lineLength: number): number {
  const chars = Math.floor((lineLength - 3) / 4) * 4;
  if (!Number.isInteger(lineLength) || chars < 4) fail('SMP_PACKET_INVALID', `line length ${lineLength} is below 7`);
  return (chars / 4) * 3;
}

export interface SerialFrameOptions {
  /** Longest line including marker and newline; 127 is the SMP standard (smp_transport.rst). */
  lineLength?: number;
  /** first-line marker; another one keeps the frames away from stock SMP decoders (docs/rs485.md) */
  start?: readonly [number, number];
}

export function encodeSerialFrames(packet: Uint8Array, options: SerialFrameOptions = {}): Uint8Array {
  const perLine = rawBytesPerLine(options.lineLength ?? SERIAL_LINE_LENGTH);
  const total = packet.length + 2;
  if (total > 0xffff) fail('SMP_PACKET_INVALID', `packet of ${packet.length} bytes is too long for a serial frame`);
  const crc = crc16Xmodem(packet);
  const raw = new Uint8Array(total + 2);
  raw[0] = total >> 8;
  raw[1] = total & 0xff;
  raw.set(packet, 2);
  raw[raw.length - 2] = crc >> 8;
  raw[raw.length - 1] = crc & 0xff;
  const lines: Uint8Array[] = [];
  for (let at = 0; at < raw.length; at += perLine) {
    const text = base64Encode(raw.subarray(at, at + perLine));
    const line = new Uint8Array(text.length + 3);
    line.set(at === 0 ? (options.start ?? SMP_FRAME_START) : CONTINUE, 0);
    line.set(text, 2);
    line[line.length - 1] = NEWLINE;
    lines.push(line);
  }
  return concatBytes(...lines);
}

export type SerialFrameErrorCode = Extract<
  ErrorCode,
  'SMP_FRAME_CRC_MISMATCH' | 'SMP_FRAME_BAD_BASE64' | 'SMP_FRAME_LENGTH_MISMATCH' | 'SMP_FRAME_LINE_TOO_LONG' | 'SMP_FRAME_TRUNCATED'
>;

export type SerialFrameEvent =
  | { type: 'packet'; packet: Uint8Array }
  | { type: 'bad-frame'; code: SerialFrameErrorCode; detail: string }
  /** Bytes outside any frame, e.g. the device's log lines: worth showing in the session log. */
  | { type: 'noise'; bytes: Uint8Array };

export interface SerialFrameDecoderOptions {
  /** Longest accepted line (marker + base64 + newline). Devices may raise it above 127, so be generous. */
  maxLineLength?: number;
  /** first-line marker to look for (default 06 09) */
  start?: readonly [number, number];
}

type State = 'idle' | 'between-lines' | 'line';

/** Streaming decoder: feed it whatever each read returned, at any split, and collect the events. */
export class SerialFrameDecoder {
  private readonly maxLineLength: number;
  private readonly start: readonly [number, number];
  private state: State = 'idle';
  /** first byte of a possible marker, held until the next byte tells whether it is one */
  private pendingMarker = 0;
  private line: number[] = [];
  private lineCorrupt = false;
  /** base64 characters left over from a line whose length was not a multiple of 4 */
  private carry: number[] = [];
  private raw: number[] = [];
  private noise: number[] = [];
  private events: SerialFrameEvent[] = [];

  constructor(options: SerialFrameDecoderOptions = {}) {
    this.maxLineLength = options.maxLineLength ?? 8192;
    this.start = options.start ?? SMP_FRAME_START;
  }

  push(bytes: Uint8Array): SerialFrameEvent[] {
    for (const byte of bytes) this.step(byte);
    this.flushNoise();
    const out = this.events;
    this.events = [];
    return out;
  }

  /** Drops any partial frame (e.g. after a timeout, or when the port is reopened). */
  reset(): void {
    this.state = 'idle';
    this.pendingMarker = 0;
    this.dropFrame();
    this.noise = [];
  }

  private step(byte: number): void {
    if (this.pendingMarker !== 0) {
      const first = this.pendingMarker;
      this.pendingMarker = 0;
      if (first === this.start[0] && byte === this.start[1]) return this.startFrame();
      if (first === CONTINUE[0] && byte === CONTINUE[1] && this.state === 'between-lines') return this.startLine();
      // Not a marker after all: the held byte was noise, or garbage inside a line.
      if (this.state === 'line') this.lineCorrupt = true;
      else this.noise.push(first);
    }
    if (byte === this.start[0] || (byte === CONTINUE[0] && this.state === 'between-lines')) {
      this.pendingMarker = byte;
      return;
    }
    if (this.state !== 'line') {
      this.noise.push(byte);
      return;
    }
    if (byte === NEWLINE) return this.endLine();
    if (byte === CR) return;
    if (!isBase64Char(byte)) this.lineCorrupt = true;
    this.line.push(byte);
    if (this.line.length + 3 > this.maxLineLength) {
      this.badFrame('SMP_FRAME_LINE_TOO_LONG', `line exceeds ${this.maxLineLength} bytes without a newline`);
    }
  }

  private startFrame(): void {
    if (this.state !== 'idle') {
      this.badFrame('SMP_FRAME_TRUNCATED', `frame cut off after ${this.raw.length} decoded bytes by a new frame start`);
    }
    this.flushNoise();
    this.startLine();
  }

  private startLine(): void {
    this.state = 'line';
    this.line = [];
    this.lineCorrupt = false;
  }

  private endLine(): void {
    if (this.lineCorrupt) return this.badFrame('SMP_FRAME_BAD_BASE64', 'line contains characters outside base64');
    const text = this.carry.concat(this.line);
    const whole = text.length - (text.length % 4);
    const decoded = base64Decode(Uint8Array.from(text.slice(0, whole)));
    if (!decoded) return this.badFrame('SMP_FRAME_BAD_BASE64', 'line is not valid base64 (misplaced padding)');
    this.carry = text.slice(whole);
    for (const b of decoded) this.raw.push(b);
    this.state = 'between-lines';
    this.line = [];
    if (this.raw.length < 2) return;
    const total = (this.raw[0] << 8) | this.raw[1];
    const have = this.raw.length - 2;
    if (total < SMP_HEADER_SIZE + 2) {
      return this.badFrame('SMP_FRAME_LENGTH_MISMATCH', `frame announces ${total} bytes, less than a header and CRC`);
    }
    if (have > total || (have === total && this.carry.length > 0)) {
      return this.badFrame('SMP_FRAME_LENGTH_MISMATCH', `frame announces ${total} bytes but carries ${have}`);
    }
    if (have < total) return;
    const body = Uint8Array.from(this.raw.slice(2));
    const crcRest = crc16Xmodem(body);
    if (crcRest !== 0) {
      const sent = (body[body.length - 2] << 8) | body[body.length - 1];
      const computed = crc16Xmodem(body.subarray(0, body.length - 2));
      return this.badFrame(
        'SMP_FRAME_CRC_MISMATCH',
        `CRC 0x${sent.toString(16).padStart(4, '0')} received, 0x${computed.toString(16).padStart(4, '0')} computed`
      );
    }
    this.events.push({ type: 'packet', packet: body.slice(0, body.length - 2) });
    this.state = 'idle';
    this.dropFrame();
  }

  private badFrame(code: SerialFrameErrorCode, detail: string): void {
    this.flushNoise();
    this.events.push({ type: 'bad-frame', code, detail });
    this.state = 'idle';
    this.dropFrame();
  }

  private dropFrame(): void {
    this.line = [];
    this.lineCorrupt = false;
    this.carry = [];
    this.raw = [];
  }

  private flushNoise(): void {
    if (this.noise.length === 0) return;
    this.events.push({ type: 'noise', bytes: Uint8Array.from(this.noise) });
    this.noise = [];
  }
}
