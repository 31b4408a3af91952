/**
 * What the image worker offers: a thin facade over core/image. Every method returns a `Result`, because
 * Comlink turns a thrown BmsError into a bare Error and its `code` would be lost on the way back.
 */
import { toResult, type Result } from '../../../core/errors';
import { nobleSha256, type Sha256 } from '../../../core/image/hash-image';
import type { TrustedKey } from '../../../core/image/keys';
import { parseImage } from '../../../core/image/parse-image';
import { verifyImage } from '../../../core/image/verify-image';
import { withProgress } from './hash-progress';
import { measureSha256, type HashSpeed } from './hash-speed';
import { summarizeImage, summarizeVerified, type ImageSummary, type VerifiedSummary } from './image-summary';
import { hasWebCrypto, webCryptoSha256 } from './web-crypto-sha256';

export type HashProgress = (hashedBytes: number, totalBytes: number) => void;

/** At most this many progress reports per image: each one is a message to the page. */
const PROGRESS_STEPS = 50;

/**
 * WebCrypto is several times faster than @noble/hashes in Chromium and Node (docs/benchmarks.md), but
 * browsers hide it outside secure contexts (plain http on a LAN address); noble is the fallback there.
 */
export function preferredSha256(): { name: 'webcrypto' | 'noble'; sha256: Sha256 } {
  return hasWebCrypto() ? { name: 'webcrypto', sha256: webCryptoSha256 } : { name: 'noble', sha256: nobleSha256 };
}

export const imageService = {
  inspectImage(buffer: ArrayBuffer): Promise<Result<ImageSummary>> {
    return toResult(() => summarizeImage(parseImage(new Uint8Array(buffer)), buffer.byteLength));
  },

  verifyImage(
    buffer: ArrayBuffer,
    trustedKeys: TrustedKey[],
    onProgress?: HashProgress
  ): Promise<Result<VerifiedSummary>> {
    return toResult(async () => {
      const bytes = new Uint8Array(buffer);
      let sha256 = preferredSha256().sha256;
      if (onProgress) {
        // Parsing is cheap next to hashing; it gives the total the progress is measured against.
        const total = parseImage(bytes).hashedLength;
        const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
        let reported = 0;
        sha256 = withProgress(sha256, (hashed) => {
          if (hashed - reported < step && hashed < total) return;
          reported = hashed;
          void onProgress(hashed, total);
        });
      }
      const verified = await verifyImage(bytes, trustedKeys, { sha256 });
      return summarizeVerified(verified, buffer.byteLength);
    });
  },

  /** SHA-256 speed of each available method in this context, for the Help page and the benchmark. */
  measureSha256(sizes: number[]): Promise<HashSpeed[]> {
    const hashers: Record<string, Sha256> = { noble: nobleSha256 };
    if (hasWebCrypto()) hashers.webcrypto = webCryptoSha256;
    return measureSha256(hashers, sizes);
  }
};

export type ImageService = typeof imageService;
