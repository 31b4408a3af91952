/** Image group (1): state read/test/confirm, upload, erase, slot info (smp_group_1.rst). */
import type { CborMap } from '../cbor';
import { LONG_TIMEOUT_MS, type SmpClient } from '../smp-client';
import { ImageCommand, SmpGroup } from '../smp-ids';
import { maybe, need, needMaps } from './body-fields';
import type { CallOptions } from './os-group';

export interface ImageSlotState {
  /** image number (multi-image devices); 0 when the device leaves it out */
  image: number;
  slot: number;
  version: string;
  /** the SHA256 TLV image hash (not the SHA of the file) */
  hash?: Uint8Array;
  bootable: boolean;
  pending: boolean;
  confirmed: boolean;
  active: boolean;
  permanent: boolean;
}

export interface ImageState {
  images: ImageSlotState[];
  splitStatus?: number;
}

function parseState(body: CborMap, what: string): ImageState {
  const images = needMaps(body, 'images', what).map((entry) => ({
    image: maybe(entry, 'image', 'number', what) ?? 0,
    slot: need(entry, 'slot', 'number', what),
    version: need(entry, 'version', 'string', what),
    hash: maybe(entry, 'hash', 'bytes', what),
    bootable: maybe(entry, 'bootable', 'boolean', what) ?? false,
    pending: maybe(entry, 'pending', 'boolean', what) ?? false,
    confirmed: maybe(entry, 'confirmed', 'boolean', what) ?? false,
    active: maybe(entry, 'active', 'boolean', what) ?? false,
    permanent: maybe(entry, 'permanent', 'boolean', what) ?? false
  }));
  const splitStatus = maybe(body, 'splitStatus', 'number', what);
  return splitStatus === undefined ? { images } : { images, splitStatus };
}

export async function readImageState(client: SmpClient, options: CallOptions = {}): Promise<ImageState> {
  const body = await client.request({ op: 'read', group: SmpGroup.image, command: ImageCommand.state, ...options });
  return parseState(body, 'image state');
}

/** Marks the image with this hash for test: it boots once and reverts unless confirmed. */
export async function testImage(client: SmpClient, hash: Uint8Array, options: CallOptions = {}): Promise<ImageState> {
  return writeState(client, { hash, confirm: false }, options);
}

/** Confirms the running image (no hash) or the image with `hash` permanently. */
export async function confirmImage(client: SmpClient, hash?: Uint8Array, options: CallOptions = {}): Promise<ImageState> {
  return writeState(client, hash ? { hash, confirm: true } : { confirm: true }, options);
}

async function writeState(client: SmpClient, body: CborMap, options: CallOptions): Promise<ImageState> {
  const response = await client.request({
    op: 'write',
    group: SmpGroup.image,
    command: ImageCommand.state,
    body,
    // Setting the same state twice leaves the device as setting it once.
    idempotent: true,
    ...options
  });
  return parseState(response, 'image state write');
}

/** Erases a slot (default: the device's, i.e. 1). Synchronous on the device and slow, hence the long timeout. */
export async function eraseSlot(client: SmpClient, slot?: number, options: CallOptions = {}): Promise<void> {
  await client.request({
    op: 'write',
    group: SmpGroup.image,
    command: ImageCommand.erase,
    body: slot === undefined ? {} : { slot },
    idempotent: true,
    retries: 1,
    timeoutMs: LONG_TIMEOUT_MS,
    ...options
  });
}

export interface SlotInfo {
  images: {
    image: number;
    slots: { slot: number; size: number; uploadImageId?: number }[];
    maxImageSize?: number;
  }[];
}

export async function slotInfo(client: SmpClient, options: CallOptions = {}): Promise<SlotInfo> {
  const what = 'image slot info';
  const body = await client.request({ op: 'read', group: SmpGroup.image, command: ImageCommand.slotInfo, ...options });
  return {
    images: needMaps(body, 'images', what).map((entry) => {
      const slots = needMaps(entry, 'slots', what).map((slot) => {
        const uploadImageId = maybe(slot, 'upload_image_id', 'number', what);
        const base = { slot: need(slot, 'slot', 'number', what), size: need(slot, 'size', 'number', what) };
        return uploadImageId === undefined ? base : { ...base, uploadImageId };
      });
      const maxImageSize = maybe(entry, 'max_image_size', 'number', what);
      const base = { image: need(entry, 'image', 'number', what), slots };
      return maxImageSize === undefined ? base : { ...base, maxImageSize };
    })
  };
}

export interface UploadChunk {
  off: number;
  data: Uint8Array;
  /** first chunk only (off 0): total length, SHA-256 of the whole file, image number, upgrade-only */
  len?: number;
  sha?: Uint8Array;
  image?: number;
  upgrade?: boolean;
}

export interface UploadAnswer {
  /** the next offset the device expects */
  off: number;
  /** sent only by devices built with CONFIG_IMG_ENABLE_IMAGE_CHECK */
  match?: boolean;
}

/** The request body, fields in a fixed order; the optional ones only when given. */
export function uploadBody(chunk: UploadChunk): CborMap {
  const body: CborMap = {};
  if (chunk.image !== undefined) body.image = chunk.image;
  if (chunk.len !== undefined) body.len = chunk.len;
  body.off = chunk.off;
  if (chunk.sha !== undefined) body.sha = chunk.sha;
  if (chunk.upgrade !== undefined) body.upgrade = chunk.upgrade;
  body.data = chunk.data;
  return body;
}

/**
 * Sends one upload chunk. Resending is safe: every chunk carries its offset, and the device answers a
 * chunk it does not expect with the offset it does expect instead of writing it.
 */
export async function uploadChunk(client: SmpClient, chunk: UploadChunk, options: CallOptions = {}): Promise<UploadAnswer> {
  const body = await client.request({
    op: 'write',
    group: SmpGroup.image,
    command: ImageCommand.upload,
    body: uploadBody(chunk),
    idempotent: true,
    ...options
  });
  const off = need(body, 'off', 'number', 'image upload');
  const match = maybe(body, 'match', 'boolean', 'image upload');
  return match === undefined ? { off } : { off, match };
}
