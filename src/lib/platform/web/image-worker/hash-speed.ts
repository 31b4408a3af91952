/**
 * Measures SHA-256 hashers on the same bytes, fed the way the image hasher feeds them (64 KiB views).
 * Shared by the in-app measurement (Help page, inside the worker) and `npm run bench` (Node).
 */
import { chunksOf, type Sha256 } from '../../../core/image/hash-image';

export interface HashSpeed {
  method: string;
  bytes: number;
  /** Median wall time of the timed runs, in milliseconds. */
  ms: number;
  /** Megabytes (10^6 bytes) per second. */
  mbPerSecond: number;
}

/** Deterministic, incompressible-looking test bytes (xorshift32), so every run hashes the same input. */
export function testBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

export async function timeMedian(run: () => Promise<unknown>, runs: number): Promise<number> {
  await run(); // warm-up: JIT and, for WebCrypto, the first-call setup
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function measureSha256(
  hashers: Record<string, Sha256>,
  sizes: readonly number[],
  runs = 5
): Promise<HashSpeed[]> {
  const results: HashSpeed[] = [];
  for (const bytes of sizes) {
    const data = testBytes(bytes);
    for (const [method, sha256] of Object.entries(hashers)) {
      const ms = await timeMedian(() => sha256(chunksOf(data)), runs);
      results.push({ method, bytes, ms, mbPerSecond: bytes / 1e6 / (ms / 1000) });
    }
  }
  return results;
}
