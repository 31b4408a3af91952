import type { Sha256 } from '../../../core/image/hash-image';

/** Wraps a hasher so `report(bytesSoFar)` runs as each chunk is consumed (progress for large images). */
export function withProgress(sha256: Sha256, report: (hashedBytes: number) => void): Sha256 {
  return (chunks) => sha256(counted(chunks, report));
}

async function* counted(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  report: (hashedBytes: number) => void
): AsyncGenerator<Uint8Array> {
  let hashed = 0;
  for await (const chunk of chunks) {
    hashed += chunk.byteLength;
    report(hashed);
    yield chunk;
  }
}
