/**
 * Making an image fit to be chosen for an update: the file's SHA-256 against what the catalog lists,
 * then the image worker's full verification (hash over the image, Ed25519 signature by a trusted key,
 * R08 R11), then the image hash against the catalog again. The same path serves a download, a file from
 * disk and a copy taken out of the IndexedDB cache, so a cached image is never trusted blindly.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { BmsError } from '$lib/core/errors';
import type { TrustedKey } from '$lib/core/image/keys';
import { preferredSha256 } from '$lib/platform/web/image-worker/image-service';
import type { VerifiedSummary } from '$lib/platform/web/image-worker/image-summary';
import { imageWorker } from '$lib/platform/web/image-worker/image-worker-client';

export interface Expected {
  /** hex SHA-256 of the whole file */
  sha256?: string;
  /** hex MCUboot image hash */
  imageHash?: string;
}

export interface OpenedImage {
  bytes: Uint8Array;
  sha256: string;
  verified: VerifiedSummary;
}

/** Rejects with a BmsError (IMAGE_HASH_MISMATCH, or the verification's own code). */
export async function verifyForUpdate(bytes: Uint8Array, trustedKeys: readonly TrustedKey[], expected: Expected = {}): Promise<OpenedImage> {
  const sha256 = await sha256Hex(bytes);
  if (expected.sha256 && sha256 !== expected.sha256) {
    throw new BmsError('IMAGE_HASH_MISMATCH', `the file's SHA-256 is ${sha256}, the catalog lists ${expected.sha256}`);
  }
  // The worker takes the buffer it is given (transfer): it gets a copy, the caller keeps `bytes`.
  const result = await imageWorker().verifyImage(bytes.slice().buffer, trustedKeys);
  if (!result.ok) throw new BmsError(result.error.code, result.error.detail);
  if (expected.imageHash && result.value.digest !== expected.imageHash) {
    throw new BmsError('IMAGE_HASH_MISMATCH', `the image hash is ${result.value.digest}, the catalog lists ${expected.imageHash}`);
  }
  return { bytes, sha256, verified: result.value };
}

/** Hex SHA-256 of a whole file (WebCrypto when the browser has it). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return bytesToHex(await preferredSha256().sha256([bytes]));
}

export class DownloadError extends Error {
  constructor(readonly status?: number) {
    super(status === undefined ? 'network error' : `HTTP ${status}`);
  }
}

export async function download(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new DownloadError();
  }
  if (!response.ok) throw new DownloadError(response.status);
  return new Uint8Array(await response.arrayBuffer());
}
