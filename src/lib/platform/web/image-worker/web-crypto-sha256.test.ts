import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { chunksOf } from '../../../core/image/hash-image';
import { testBytes } from './hash-speed';
import { joinChunks, webCryptoSha256 } from './web-crypto-sha256';
import { withProgress } from './hash-progress';

describe('webCryptoSha256', () => {
  it('matches @noble/hashes over chunked input, including an uneven tail', async () => {
    const data = testBytes(200_001);
    expect(await webCryptoSha256(chunksOf(data))).toEqual(sha256(data));
    expect(await webCryptoSha256([])).toEqual(sha256(new Uint8Array(0)));
  });

  it('hashes consecutive views in place and copies scattered chunks', () => {
    const data = testBytes(1000);
    const views = [...chunksOf(data, data.length, 300)];
    const joined = joinChunks(views);
    expect(joined.buffer).toBe(data.buffer);
    expect(joined).toEqual(data);
    const scattered = [data.slice(0, 10), data.slice(10, 20)];
    expect(joinChunks(scattered)).toEqual(data.subarray(0, 20));
  });
});

describe('withProgress', () => {
  it('reports the running byte count and keeps the digest', async () => {
    const data = testBytes(150_000);
    const seen: number[] = [];
    const digest = await withProgress(webCryptoSha256, (n) => seen.push(n))(chunksOf(data));
    expect(digest).toEqual(sha256(data));
    expect(seen).toEqual([65_536, 131_072, 150_000]);
  });
});
