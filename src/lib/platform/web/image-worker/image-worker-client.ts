/**
 * The page's side of the image worker. Image buffers are transferred, not copied: after a call the
 * caller's ArrayBuffer is detached (byteLength 0), so pass a copy if you still need the bytes.
 */
import * as Comlink from 'comlink';
import type { Result } from '../../../core/errors';
import type { TrustedKey } from '../../../core/image/keys';
import type { HashSpeed } from './hash-speed';
import type { HashProgress, ImageService } from './image-service';
import type { ImageSummary, VerifiedSummary } from './image-summary';
import { crashGuard } from '../session/worker-guard';

export interface ImageWorker {
  inspectImage(buffer: ArrayBuffer): Promise<Result<ImageSummary>>;
  verifyImage(buffer: ArrayBuffer, trustedKeys: readonly TrustedKey[], onProgress?: HashProgress): Promise<Result<VerifiedSummary>>;
  measureSha256(sizes: number[]): Promise<HashSpeed[]>;
  terminate(): void;
}

export function startImageWorker(): ImageWorker {
  const worker = new Worker(new URL('./image-worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<ImageService>(worker);
  const guard = crashGuard(worker, 'image');
  return {
    inspectImage: (buffer) => guard<Result<ImageSummary>>(remote.inspectImage(Comlink.transfer(buffer, [buffer]))),
    verifyImage: (buffer, trustedKeys, onProgress) =>
      guard<Result<VerifiedSummary>>(
        remote.verifyImage(
          Comlink.transfer(buffer, [buffer]),
          // Plain copies: UI state may hold Svelte proxies, which cannot be structured-cloned.
          trustedKeys.map((key) => ({ name: key.name, publicKey: key.publicKey })),
          onProgress && Comlink.proxy(onProgress)
        )
      ),
    measureSha256: (sizes) => guard(remote.measureSha256(sizes)),
    terminate: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    }
  };
}

let shared: ImageWorker | undefined;

/** One worker for the whole app, started on first use (never during prerendering). */
export function imageWorker(): ImageWorker {
  return (shared ??= startImageWorker());
}
