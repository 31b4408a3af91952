/**
 * Strict standard base64 (RFC 4648 §4, with `=` padding) for SMP serial frames. Written here because core
 * code may not use Node's Buffer, and atob() accepts sloppy input we want to report as a bad frame.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENCODE = new TextEncoder().encode(ALPHABET);
const DECODE = (() => {
  const table = new Int16Array(256).fill(-1);
  ENCODE.forEach((code, index) => (table[code] = index));
  return table;
})();
const PAD = 0x3d;

/** Encodes to base64 as ASCII bytes (what goes on the wire). */
export function base64Encode(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = ENCODE[(n >> 18) & 63];
    out[o++] = ENCODE[(n >> 12) & 63];
    out[o++] = i + 1 < bytes.length ? ENCODE[(n >> 6) & 63] : PAD;
    out[o++] = i + 2 < bytes.length ? ENCODE[n & 63] : PAD;
  }
  return out;
}

/** Decodes ASCII base64 whose length is a multiple of 4; returns undefined on any invalid character. */
export function base64Decode(chars: Uint8Array): Uint8Array | undefined {
  if (chars.length % 4 !== 0) return undefined;
  const pad = chars.length === 0 ? 0 : (chars[chars.length - 1] === PAD ? 1 : 0) + (chars[chars.length - 2] === PAD ? 1 : 0);
  const out = new Uint8Array((chars.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < chars.length; i += 4) {
    const last = i + 4 === chars.length;
    const a = DECODE[chars[i]];
    const b = DECODE[chars[i + 1]];
    const c = last && pad === 2 ? 0 : DECODE[chars[i + 2]];
    const d = last && pad >= 1 ? 0 : DECODE[chars[i + 3]];
    if ((a | b | c | d) < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}

export function isBase64Char(byte: number): boolean {
  return DECODE[byte] >= 0 || byte === PAD;
}
