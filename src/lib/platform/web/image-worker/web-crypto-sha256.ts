/**
 * SHA-256 through WebCrypto (browsers, workers and Node 20 all have `crypto.subtle`). WebCrypto cannot
 * stream, so the chunks are joined first — without a copy when they are consecutive views of one buffer,
 * which is what the image hasher passes. Only in secure contexts (https, localhost): see `hasWebCrypto`.
 */
import { concatBytes } from '@noble/hashes/utils.js';
import type { Sha256 } from '../../../core/image/hash-image';

export const webCryptoSha256: Sha256 = async (chunks) => {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const whole = joinChunks(parts);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', whole as Uint8Array<ArrayBuffer>));
};

/** False on plain http to a LAN address, where browsers hide `crypto.subtle`. */
export function hasWebCrypto(): boolean {
  return typeof globalThis.crypto?.subtle?.digest === 'function';
}

export function joinChunks(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 0) return new Uint8Array(0);
  if (parts.length === 1) return parts[0];
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  if (areConsecutiveViews(parts)) return new Uint8Array(parts[0].buffer, parts[0].byteOffset, total);
  return concatBytes(...parts);
}

function areConsecutiveViews(parts: readonly Uint8Array[]): boolean {
  for (let i = 1; i < parts.length; i++) {
    const previous = parts[i - 1];
    const part = parts[i];
    if (part.buffer !== previous.buffer || part.byteOffset !== previous.byteOffset + previous.byteLength) {
      return false;
    }
  }
  return true;
}
