/**
 * Classic CAN frames as typed values, shared by the SLCAN driver, ISO-TP, the family protocols and the
 * virtual bus. Classic CAN only: 0–8 data bytes (CAN FD is not used by the BMS families we support).
 */
import { fail, type BmsError } from '../../errors';

export interface CanFrame {
  /** 11-bit (standard) or 29-bit (extended) identifier. */
  id: number;
  extended: boolean;
  /** A remote frame requests data: it carries a DLC but no bytes. */
  remote: boolean;
  /** Data bytes (empty for a remote frame). */
  data: Uint8Array;
  /** Data length code; equals data.length except for remote frames. */
  dlc: number;
}

export const MAX_STANDARD_ID = 0x7ff;
export const MAX_EXTENDED_ID = 0x1fffffff;

export function dataFrame(id: number, data: ArrayLike<number>, extended = false): CanFrame {
  return checkFrame({ id, extended, remote: false, data: Uint8Array.from(data), dlc: data.length });
}

export function remoteFrame(id: number, dlc: number, extended = false): CanFrame {
  return checkFrame({ id, extended, remote: true, data: new Uint8Array(0), dlc });
}

export function checkFrame(frame: CanFrame): CanFrame {
  const max = frame.extended ? MAX_EXTENDED_ID : MAX_STANDARD_ID;
  if (!Number.isInteger(frame.id) || frame.id < 0 || frame.id > max) {
    fail('CAN_FRAME_INVALID', `identifier 0x${frame.id.toString(16)} is out of range for a ${frame.extended ? '29' : '11'}-bit frame`);
  }
  if (frame.dlc < 0 || frame.dlc > 8 || (!frame.remote && frame.data.length !== frame.dlc)) {
    fail('CAN_FRAME_INVALID', `${frame.data.length} data bytes with DLC ${frame.dlc}: classic CAN carries 0 to 8`);
  }
  return frame;
}

/**
 * Bits a frame occupies on the wire, worst-case bit stuffing included (one stuff bit per 4 bits of the
 * stuffed region after the first 5), plus the 3-bit interframe space: what bounds a bus's throughput.
 * Standard data frame: 44 + 8n fixed bits (SOF..EOF), of which 34 + 8n are stuffed; extended: 64 / 54.
 */
export function frameBits(frame: Pick<CanFrame, 'extended' | 'remote' | 'dlc'>): number {
  const payloadBits = frame.remote ? 0 : frame.dlc * 8;
  const fixed = frame.extended ? 64 : 44;
  const stuffed = (frame.extended ? 54 : 34) + payloadBits;
  return fixed + payloadBits + Math.floor((stuffed - 1) / 4) + 3;
}

/** The bit rates SLCAN adapters select with S0–S8 (Lawicel; S7 is 800 kbit/s there). */
export const CAN_BITRATES = [10_000, 20_000, 50_000, 100_000, 125_000, 250_000, 500_000, 800_000, 1_000_000] as const;

/** A CAN interface as protocols see it: frames out, frames in, and the error that ended it. */
export interface CanChannel {
  readonly bitrate: number;
  send(frame: CanFrame): Promise<void>;
  /** Every received frame, in order; `onEnd` once when the channel stops (unplug, bus-off, close). */
  subscribe(onFrame: (frame: CanFrame) => void, onEnd?: (error: BmsError) => void): () => void;
}

export function describeFrame(frame: CanFrame): string {
  const id = frame.id.toString(16).toUpperCase().padStart(frame.extended ? 8 : 3, '0');
  if (frame.remote) return `${id} R [${frame.dlc}]`;
  return `${id} [${frame.dlc}] ${Array.from(frame.data, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')}`;
}
