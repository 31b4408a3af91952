/**
 * SMP console frames with a unit address, for many of our BMS units on one half-duplex RS485 bus
 * (docs/rs485.md). SMP itself has no address, so the frame carries one:
 *
 *   06 0B  base64( [u16 BE len] [address] [SMP packet] [u16 BE CRC-16/XMODEM of address + packet] )  0A
 *   04 14  base64( …continuation… )                                                                  0A
 *
 * Exactly the SMP console frame (smp_transport.rst) with the address as the first byte of its payload,
 * so the CRC covers it: a damaged address is a bad frame, never another unit's request. The first
 * line's marker is 06 0B (ACK, VT) instead of 06 09: a stock SMP decoder (Zephyr's uart_mcumgr, MCUboot's
 * boot_serial) skips the whole frame as console noise, so a device without the extension on the bus
 * cannot act on another unit's request. The address sits in the first 4 base64 characters, so a unit
 * knows after 3 decoded bytes whether to keep the frame. Address 0 is the broadcast address (as Modbus):
 * every unit acts on it and none answers. A unit answers with its own address, so the host knows who spoke.
 */
import { concatBytes } from '@noble/hashes/utils.js';
import { fail } from '../../errors';
import { encodeSerialFrames, SerialFrameDecoder, type SerialFrameEvent, type SerialFrameOptions } from '../smp/serial-frame';

export const ADDRESSED_FRAME_START = [0x06, 0x0b] as const;
export const BROADCAST_ADDRESS = 0;
/** Unit addresses: 1–247 as Modbus slave ids, so one numbering serves every family on a bank's bus. */
export const MIN_UNIT_ADDRESS = 1;
export const MAX_UNIT_ADDRESS = 247;

export function isUnitAddress(address: number): boolean {
  return Number.isInteger(address) && address >= MIN_UNIT_ADDRESS && address <= MAX_UNIT_ADDRESS;
}

export function encodeAddressedFrame(address: number, packet: Uint8Array, options: Omit<SerialFrameOptions, 'start'> = {}): Uint8Array {
  if (address !== BROADCAST_ADDRESS && !isUnitAddress(address)) fail('RS485_ADDRESS_INVALID', `address ${address} is neither 0 (broadcast) nor 1–247`);
  return encodeSerialFrames(concatBytes(Uint8Array.of(address), packet), { ...options, start: ADDRESSED_FRAME_START });
}

export type AddressedFrameEvent =
  | { type: 'packet'; address: number; packet: Uint8Array }
  | Exclude<SerialFrameEvent, { type: 'packet' }>;

/** Streaming decoder: frames for every address (the caller keeps its own), bad frames and noise. */
export class AddressedFrameDecoder {
  readonly #frames: SerialFrameDecoder;

  constructor(options: { maxLineLength?: number } = {}) {
    this.#frames = new SerialFrameDecoder({ ...options, start: ADDRESSED_FRAME_START });
  }

  push(bytes: Uint8Array): AddressedFrameEvent[] {
    return this.#frames.push(bytes).map((event): AddressedFrameEvent =>
      event.type === 'packet' ? { type: 'packet', address: event.packet[0], packet: event.packet.subarray(1) } : event
    );
  }

  reset(): void {
    this.#frames.reset();
  }
}
