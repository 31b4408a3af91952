/**
 * ISO 15765-2 (ISO-TP) protocol control information on classic CAN, normal addressing (bms-can-stm32.md
 * §2): single frame `0L`, first frame `1L LL` (12-bit length, or `10 00` + 32-bit length above 4095
 * bytes, the 2016 escape), consecutive frame `2N` (sequence number 1, 2, … F, 0, …), flow control
 * `3S BS STmin` (S: 0 continue, 1 wait, 2 overflow). Pure functions over one frame's data bytes.
 */
import { fail } from '../../errors';

export const FlowStatus = { continue: 0, wait: 1, overflow: 2 } as const;

export type IsoTpFrame =
  | { type: 'single'; payload: Uint8Array }
  | { type: 'first'; length: number; payload: Uint8Array }
  | { type: 'consecutive'; sequence: number; payload: Uint8Array }
  | { type: 'flow'; status: number; blockSize: number; stMinMs: number };

/** The largest length a 12-bit first frame carries; longer messages use the 32-bit escape. */
export const MAX_SHORT_LENGTH = 0xfff;

/** Fills a frame to 8 bytes with `padding`, or leaves it short when padding is undefined. */
function frame(bytes: number[], payload: Uint8Array, padding: number | undefined): Uint8Array {
  const data = [...bytes, ...payload];
  while (padding !== undefined && data.length < 8) data.push(padding);
  return Uint8Array.from(data);
}

export function encodeSingle(payload: Uint8Array, padding?: number): Uint8Array {
  if (payload.length < 1 || payload.length > 7) fail('ISOTP_FRAME_INVALID', `a single frame carries 1–7 bytes, not ${payload.length}`);
  return frame([payload.length], payload, padding);
}

/** First frame of a `length`-byte message; returns the frame and how many payload bytes it carried. */
export function encodeFirst(length: number, payload: Uint8Array): { data: Uint8Array; carried: number } {
  if (length <= 7) fail('ISOTP_FRAME_INVALID', `${length} bytes fit a single frame`);
  if (length <= MAX_SHORT_LENGTH) {
    return { data: frame([0x10 | (length >> 8), length & 0xff], payload.subarray(0, 6), undefined), carried: 6 };
  }
  if (length > 0xffffffff) fail('ISOTP_FRAME_INVALID', `${length} bytes exceed the 32-bit length`);
  const header = [0x10, 0x00, (length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff];
  return { data: frame(header, payload.subarray(0, 2), undefined), carried: 2 };
}

export function encodeConsecutive(sequence: number, payload: Uint8Array, padding?: number): Uint8Array {
  return frame([0x20 | (sequence & 0x0f)], payload.subarray(0, 7), padding);
}

export function encodeFlowControl(status: number, blockSize: number, stMinMs: number, padding?: number): Uint8Array {
  return frame([0x30 | status, blockSize & 0xff, encodeStMin(stMinMs)], new Uint8Array(0), padding);
}

/** STmin byte: 0–127 ms as is, 100–900 µs as F1–F9. */
export function encodeStMin(ms: number): number {
  if (ms > 0 && ms < 1) return 0xf0 + Math.min(9, Math.max(1, Math.round(ms * 10)));
  return Math.min(0x7f, Math.max(0, Math.round(ms)));
}

/** STmin in ms; reserved values count as the longest, 127 ms, as ISO 15765-2 asks. */
export function decodeStMin(byte: number): number {
  if (byte <= 0x7f) return byte;
  if (byte >= 0xf1 && byte <= 0xf9) return (byte - 0xf0) / 10;
  return 0x7f;
}

export function decodeIsoTp(data: Uint8Array): IsoTpFrame {
  const type = data[0] >> 4;
  const low = data[0] & 0x0f;
  switch (type) {
    case 0: {
      if (low < 1 || low > data.length - 1) fail('ISOTP_FRAME_INVALID', `single frame length ${low} in a ${data.length}-byte frame`);
      return { type: 'single', payload: data.slice(1, 1 + low) };
    }
    case 1: {
      if (data.length < 8) fail('ISOTP_FRAME_INVALID', `first frame of ${data.length} bytes: it must fill the frame`);
      const short = (low << 8) | data[1];
      if (short !== 0) {
        if (short <= 7) fail('ISOTP_FRAME_INVALID', `first frame announcing ${short} bytes`);
        return { type: 'first', length: short, payload: data.slice(2) };
      }
      const length = ((data[2] << 24) | (data[3] << 16) | (data[4] << 8) | data[5]) >>> 0;
      if (length <= MAX_SHORT_LENGTH) fail('ISOTP_FRAME_INVALID', `escaped first frame announcing only ${length} bytes`);
      return { type: 'first', length, payload: data.slice(6) };
    }
    case 2:
      return { type: 'consecutive', sequence: low, payload: data.slice(1) };
    case 3:
      if (low > 2 || data.length < 3) fail('ISOTP_FRAME_INVALID', `flow control status ${low} is reserved`);
      return { type: 'flow', status: low, blockSize: data[1], stMinMs: decodeStMin(data[2]) };
    default:
      return fail('ISOTP_FRAME_INVALID', `frame type ${type} is not ISO-TP`);
  }
}

/** Every frame of a message, flow control aside: what a sender puts on the bus. */
export function segment(payload: Uint8Array, padding?: number): Uint8Array[] {
  if (payload.length <= 7) return [encodeSingle(payload, padding)];
  const first = encodeFirst(payload.length, payload);
  const frames = [first.data];
  for (let offset = first.carried, sequence = 1; offset < payload.length; offset += 7, sequence += 1) {
    frames.push(encodeConsecutive(sequence, payload.subarray(offset, offset + 7), padding));
  }
  return frames;
}
