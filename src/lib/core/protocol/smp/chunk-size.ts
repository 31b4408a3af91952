/**
 * The largest upload data length whose request fits the device's receive buffer. MCUboot serial
 * recovery base64-decodes the whole frame — u16 length, SMP packet, u16 CRC — into one buffer of
 * buf_size bytes (boot_serial.c, boot_serial_in_dec), so on a serial link the packet plus 4 must fit.
 * The size is computed by encoding, not estimated, so CBOR head widths are exact.
 */
import { encodeCbor } from './cbor';
import { uploadBody, type UploadChunk } from './groups/image-group';
import type { SmpFraming } from './smp-client-types';
import { SMP_HEADER_SIZE } from './smp-packet';

/** Frame bytes around the packet that share the device buffer on a serial link: length prefix and CRC. */
export const SERIAL_FRAME_OVERHEAD = 4;

/** Bytes besides the packet in the device buffer: none for raw (BLE) packets, whose only bound is buf_size. */
export function framingOverhead(framing: SmpFraming): number {
  return framing === 'raw' ? 0 : SERIAL_FRAME_OVERHEAD;
}

export interface ChunkSizeInput {
  bufSize: number;
  /** every field of the request except `data`; use the largest `off` the upload will send */
  fields: Omit<UploadChunk, 'data'>;
  /** data lengths are rounded down to a multiple of this (flash write alignment), default 1 */
  alignment?: number;
  overhead?: number;
}

export function packetSize(chunk: UploadChunk): number {
  return SMP_HEADER_SIZE + encodeCbor(uploadBody(chunk)).length;
}

/** Returns 0 when not even one aligned byte fits. */
export function maxChunkData(input: ChunkSizeInput): number {
  const limit = input.bufSize - (input.overhead ?? SERIAL_FRAME_OVERHEAD);
  const fits = (n: number) => packetSize({ ...input.fields, data: new Uint8Array(n) }) <= limit;
  if (!fits(0)) return 0;
  // Size grows with n (never shrinks), so binary search finds the exact largest fit.
  let low = 0;
  let high = Math.max(0, limit);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  const alignment = Math.max(1, Math.floor(input.alignment ?? 1));
  return low - (low % alignment);
}
