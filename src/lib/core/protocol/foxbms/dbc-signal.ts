/**
 * Signals as a DBC file describes them (`SG_ name : start|length@order sign (factor,offset)`), read
 * from and written into an 8-byte CAN payload. Motorola (@0) signals give the start bit of their most
 * significant bit in the DBC's sawtooth numbering (bit 7 of byte 0 is 7, bit 0 of byte 1 is 8); Intel
 * (@1) signals give their least significant bit and run upwards. Values up to 32 bits.
 */
export interface DbcSignal {
  start: number;
  length: number;
  order: 'motorola' | 'intel';
  signed?: boolean;
  factor?: number;
  offset?: number;
}

/** Payload bit positions of the signal, most significant first. */
function bitPositions(signal: DbcSignal): number[] {
  const positions: number[] = [];
  if (signal.order === 'intel') {
    for (let i = signal.length - 1; i >= 0; i -= 1) positions.push(signal.start + i);
    return positions;
  }
  let position = signal.start;
  for (let i = 0; i < signal.length; i += 1) {
    positions.push(position);
    position = position % 8 === 0 ? position + 15 : position - 1;
  }
  return positions;
}

/** The raw (unscaled) value. */
export function readRaw(data: Uint8Array, signal: DbcSignal): number {
  let raw = 0;
  for (const position of bitPositions(signal)) raw = raw * 2 + ((data[position >> 3] >> (position & 7)) & 1);
  if (signal.signed && raw >= 2 ** (signal.length - 1)) raw -= 2 ** signal.length;
  return raw;
}

/** The physical value: raw × factor + offset. */
export function readSignal(data: Uint8Array, signal: DbcSignal): number {
  return readRaw(data, signal) * (signal.factor ?? 1) + (signal.offset ?? 0);
}

/** Writes a physical value (rounded to the signal's resolution, clamped to its raw range). */
export function writeSignal(data: Uint8Array, signal: DbcSignal, value: number): void {
  const min = signal.signed ? -(2 ** (signal.length - 1)) : 0;
  const max = signal.signed ? 2 ** (signal.length - 1) - 1 : 2 ** signal.length - 1;
  let raw = Math.min(max, Math.max(min, Math.round((value - (signal.offset ?? 0)) / (signal.factor ?? 1))));
  if (raw < 0) raw += 2 ** signal.length;
  const positions = bitPositions(signal);
  for (let i = positions.length - 1; i >= 0; i -= 1) {
    const position = positions[i];
    const bit = raw % 2;
    raw = Math.floor(raw / 2);
    if (bit) data[position >> 3] |= 1 << (position & 7);
    else data[position >> 3] &= ~(1 << (position & 7));
  }
}
