/**
 * A model of one direction of an 8N1 UART line (start bit 0, 8 data bits LSB first, stop bit 1, idle
 * high): what the receiver gets when the sender's bytes cross a noisy line or a baud-rate mismatch.
 * Pure functions over bytes, used by the paced link.
 */

/** 8N1: 1 start + 8 data + 1 stop bit per byte. */
export const BITS_PER_BYTE = 10;

/** What a receiver got from one burst of back-to-back bytes. */
export interface UartBurst {
  /** Bytes whose stop bit was sampled high, in arrival order. Bytes with a framing error are not in it. */
  bytes: Uint8Array;
  /** When the receiver had each byte of `bytes`, in sender bit times from the start of the burst. */
  endBits: Float64Array;
  /** Bytes the receiver dropped because their stop bit was low (framing errors). */
  framingErrors: number;
  /** When the receiver saw each framing error, in sender bit times from the start of the burst. */
  framingErrorBits: number[];
}

/** The burst a receiver at the same rate gets: every byte, each complete after its stop bit. */
export function cleanBurst(bytes: Uint8Array): UartBurst {
  const endBits = new Float64Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) endBits[i] = (i + 1) * BITS_PER_BYTE;
  return { bytes, endBits, framingErrors: 0, framingErrorBits: [] };
}

/**
 * Flips each data bit with probability `rate`, independently (a binary symmetric channel). Draws the gap
 * to the next flipped bit from a geometric distribution, so a clean megabyte costs a few random numbers.
 */
export function flipBits(
  bytes: Uint8Array,
  rate: number,
  random: () => number
): { bytes: Uint8Array; flipped: number } {
  if (rate <= 0 || bytes.length === 0) return { bytes, flipped: 0 };
  const out = bytes.slice();
  const totalBits = out.length * 8;
  const gap = () => (rate >= 1 ? 0 : Math.floor(Math.log(1 - random()) / Math.log(1 - rate)));
  let flipped = 0;
  for (let bit = gap(); bit < totalBits; bit += 1 + gap()) {
    out[bit >> 3] ^= 1 << (bit & 7);
    flipped += 1;
  }
  return { bytes: out, flipped };
}

/**
 * What a UART at `rxBaud` decodes from `bytes` sent back-to-back at `txBaud`: it waits for a falling
 * edge, samples the middle of the start bit (a high level there is a glitch, not a start), then the
 * middle of each data bit and of the stop bit at its own rate. With different rates the result is the
 * plausible garbage and framing errors real hardware shows. Single mid-bit sampling stands in for the
 * 16× oversampling and majority vote of real UARTs.
 */
export function resampleUart(bytes: Uint8Array, txBaud: number, rxBaud: number): UartBurst {
  const lengthBits = bytes.length * BITS_PER_BYTE;
  // Line level at sender bit time t: idle high outside the burst, then start, data LSB first, stop.
  const level = (t: number): number => {
    if (t < 0 || t >= lengthBits) return 1;
    const bit = Math.floor(t) % BITS_PER_BYTE;
    if (bit === 0) return 0;
    if (bit === 9) return 1;
    return (bytes[Math.floor(t / BITS_PER_BYTE)] >> (bit - 1)) & 1;
  };
  const rxBit = txBaud / rxBaud; // one receiver bit, in sender bit times
  const out: number[] = [];
  const endBits: number[] = [];
  const framingErrorBits: number[] = [];
  let t = 0;
  for (;;) {
    // Levels only change on whole sender bits, so the next falling edge is on an integer bit time.
    let edge = Math.ceil(t);
    while (edge < lengthBits && !(level(edge - 1) === 1 && level(edge) === 0)) edge += 1;
    if (edge >= lengthBits) break;
    if (level(edge + rxBit / 2) !== 0) {
      t = edge + rxBit / 2;
      continue;
    }
    let value = 0;
    for (let k = 0; k < 8; k += 1) value |= level(edge + rxBit * (1.5 + k)) << k;
    const stopAt = edge + rxBit * 9.5;
    if (level(stopAt) === 1) {
      out.push(value);
      endBits.push(stopAt);
    } else framingErrorBits.push(stopAt);
    t = stopAt;
  }
  return {
    bytes: Uint8Array.from(out),
    endBits: Float64Array.from(endBits),
    framingErrors: framingErrorBits.length,
    framingErrorBits
  };
}
