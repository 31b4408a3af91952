/** SHA-256 over image bytes, fed in chunks so large images never need a second copy. */
import { sha256 } from '@noble/hashes/sha2.js';

export type Sha256 = (chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) => Promise<Uint8Array>;

export const HASH_CHUNK_SIZE = 64 * 1024;

export const nobleSha256: Sha256 = async (chunks) => {
  const hash = sha256.create();
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest();
};

/** Views (no copies) of [0, end) in `size`-byte chunks. */
export function* chunksOf(bytes: Uint8Array, end = bytes.length, size = HASH_CHUNK_SIZE): Generator<Uint8Array> {
  for (let at = 0; at < end; at += size) yield bytes.subarray(at, Math.min(at + size, end));
}

/** The MCUboot image hash: SHA-256 of header, payload and protected TLVs, i.e. bytes [0, hashedLength). */
export function hashImageRegion(bytes: Uint8Array, hashedLength: number, sha: Sha256 = nobleSha256): Promise<Uint8Array> {
  return sha(chunksOf(bytes, hashedLength));
}
