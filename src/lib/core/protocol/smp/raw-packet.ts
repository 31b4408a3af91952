/**
 * SMP over BLE GATT (smp-mcuboot.md §2.5): no framing at all. A packet is split across writes and
 * notifications and the receiver reassembles it from the 8-byte header's length field. GATT delivers
 * bytes intact and in order, so a bad header means we lost step (e.g. a notification dropped by a
 * reconnect): skip bytes until something that reads as a header, and report what was skipped.
 */
import { concatBytes } from '@noble/hashes/utils.js';
import { fail } from '../../errors';
import type { ErrorCode } from '../../errors';
import { SMP_HEADER_SIZE } from './smp-packet';

/** The header's u16 length field caps a packet at this size. */
export const MAX_RAW_PACKET = SMP_HEADER_SIZE + 0xffff;

export type RawPacketErrorCode = Extract<ErrorCode, 'SMP_RAW_HEADER_INVALID' | 'SMP_RAW_PACKET_TOO_LONG'>;

export type RawPacketEvent =
  | { type: 'packet'; packet: Uint8Array }
  | { type: 'bad-frame'; code: RawPacketErrorCode; detail: string };

export interface RawPacketOptions {
  /** Largest packet accepted, header included (a device's buf_size); longer ones are skipped whole. */
  maxPacketSize?: number;
}

/** Splits one packet into pieces of at most `size` bytes (one ATT write or notification each). */
export function splitPacket(packet: Uint8Array, size: number): Uint8Array[] {
  if (!Number.isInteger(size) || size < 1) fail('INTERNAL_ERROR', `piece size ${size} must be a positive integer`);
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < packet.length; at += size) pieces.push(packet.slice(at, at + size));
  return pieces;
}

/** Reserved bits clear, version 0 or 1, op 0..3: the only byte 0 values an SMP header can have. */
function plausibleFirstByte(byte: number): boolean {
  return (byte & 0xe0) === 0 && ((byte >> 3) & 0x03) <= 1 && (byte & 0x07) <= 3;
}

/** Streaming reassembler: feed it each notification (or write) as it comes, at any split. */
export class RawPacketReassembler {
  readonly #maxPacketSize: number;
  #buffer: Uint8Array = new Uint8Array(0);
  /** bytes of an oversized packet still to discard */
  #skip = 0;

  constructor(options: RawPacketOptions = {}) {
    this.#maxPacketSize = Math.min(options.maxPacketSize ?? MAX_RAW_PACKET, MAX_RAW_PACKET);
  }

  push(bytes: Uint8Array): RawPacketEvent[] {
    const events: RawPacketEvent[] = [];
    let data = bytes;
    if (this.#skip > 0) {
      const dropped = Math.min(this.#skip, data.length);
      this.#skip -= dropped;
      data = data.subarray(dropped);
    }
    this.#buffer = this.#buffer.length === 0 ? data : concatBytes(this.#buffer, data);
    let garbage = 0;
    for (;;) {
      if (this.#buffer.length > 0 && !plausibleFirstByte(this.#buffer[0])) {
        garbage++;
        this.#buffer = this.#buffer.subarray(1);
        continue;
      }
      if (garbage > 0) {
        events.push({ type: 'bad-frame', code: 'SMP_RAW_HEADER_INVALID', detail: `skipped ${garbage} bytes that do not start an SMP header` });
        garbage = 0;
      }
      if (this.#buffer.length < SMP_HEADER_SIZE) break;
      const size = SMP_HEADER_SIZE + ((this.#buffer[2] << 8) | this.#buffer[3]);
      if (size > this.#maxPacketSize) {
        events.push({ type: 'bad-frame', code: 'SMP_RAW_PACKET_TOO_LONG', detail: `packet of ${size} bytes exceeds the ${this.#maxPacketSize}-byte limit` });
        const dropped = Math.min(size, this.#buffer.length);
        this.#skip = size - dropped;
        this.#buffer = this.#buffer.subarray(dropped);
        if (this.#skip > 0) break;
        continue;
      }
      if (this.#buffer.length < size) break;
      events.push({ type: 'packet', packet: this.#buffer.slice(0, size) });
      this.#buffer = this.#buffer.subarray(size);
    }
    // Keep our own copy: the caller may reuse its buffer.
    this.#buffer = this.#buffer.slice();
    return events;
  }

  /** Drops any partial packet (after a reconnect, or when a request timed out). */
  reset(): void {
    this.#buffer = new Uint8Array(0);
    this.#skip = 0;
  }
}

