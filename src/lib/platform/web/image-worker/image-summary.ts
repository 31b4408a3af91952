/**
 * What the UI shows about an image, as plain data: hex strings instead of views into the image buffer,
 * so answering from the worker copies a few hundred bytes, not the whole image again.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ParsedImage } from '../../../core/image/image-types';
import type { VerifiedImage } from '../../../core/image/verify-image';
import { formatVersion } from '../../../core/image/version';

export interface ImageSummary {
  version: string;
  fileSize: number;
  imageSize: number;
  headerSize: number;
  loadAddress: number;
  securityCounter?: number;
  imageHash?: string;
  keyHash?: string;
  signed: boolean;
  model?: string;
  hwRevisions?: string[];
  minBootloader?: string;
  safetyCritical: boolean;
}

export interface VerifiedSummary {
  image: ImageSummary;
  /** SHA-256 computed over the hashed region (equals the image hash when verification passed). */
  digest: string;
  signer: { name: string; fingerprint: string; keyHash: string };
}

export function summarizeImage(image: ParsedImage, fileSize: number): ImageSummary {
  const { header, metadata } = image;
  return {
    version: formatVersion(header.version),
    fileSize,
    imageSize: header.imgSize,
    headerSize: header.hdrSize,
    loadAddress: header.loadAddr,
    securityCounter: image.securityCounter,
    imageHash: image.imageHash && bytesToHex(image.imageHash),
    keyHash: image.keyHash && bytesToHex(image.keyHash),
    signed: image.signature !== undefined,
    model: metadata.model,
    hwRevisions: metadata.hwRevisions && [...metadata.hwRevisions],
    minBootloader: metadata.minBootloader && formatVersion(metadata.minBootloader),
    safetyCritical: metadata.safetyCritical
  };
}

export function summarizeVerified(verified: VerifiedImage, fileSize: number): VerifiedSummary {
  return {
    image: summarizeImage(verified.image, fileSize),
    digest: bytesToHex(verified.digest),
    signer: {
      name: verified.signer.name,
      fingerprint: verified.signer.fingerprint,
      keyHash: bytesToHex(verified.signer.keyHash)
    }
  };
}
