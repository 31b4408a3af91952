/**
 * Firmware images the user opened, kept in IndexedDB so an update can run later without network (a
 * technician downloads at the office and flashes in a basement). Bytes are stored as they were verified;
 * whoever takes one out verifies it again before use, so a damaged record can never reach a device.
 * Only the most recently used images are kept: firmware can be megabytes and browser storage is finite.
 */
import type { RecordStore } from '../../../core/backup/record-store';
import { idbRecordStore } from './idb-store';

export const MAX_CACHED_IMAGES = 8;

export interface CachedImage {
  /** catalog id, or "file:<sha256>" for a file picked from disk */
  id: string;
  /** what the user recognises: the catalog title or the file name */
  name: string;
  source: 'catalog' | 'file';
  version: string;
  /** hex SHA-256 of the whole file */
  sha256: string;
  bytes: Uint8Array;
  /** ISO 8601 */
  lastUsedAt: string;
}

/** A list entry without the bytes. */
export type CachedImageInfo = Omit<CachedImage, 'bytes'>;

export interface ImageCache {
  put(image: CachedImage): Promise<void>;
  get(id: string): Promise<CachedImage | undefined>;
  /** most recently used first */
  list(): Promise<CachedImageInfo[]>;
  delete(id: string): Promise<void>;
}

function isCachedImage(value: unknown): value is CachedImage {
  const v = value as Partial<CachedImage> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    (v.source === 'catalog' || v.source === 'file') &&
    typeof v.version === 'string' &&
    typeof v.sha256 === 'string' &&
    v.bytes instanceof Uint8Array &&
    typeof v.lastUsedAt === 'string'
  );
}

/** Over any store that keeps Uint8Arrays (IndexedDB's structured clone does; JSON would not). */
export function createImageCache(records: RecordStore): ImageCache {
  const all = async () => (await records.values()).filter(isCachedImage).sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt));
  return {
    async put(image) {
      await records.put(image.id, image);
      const stale = (await all()).slice(MAX_CACHED_IMAGES);
      for (const old of stale) await records.delete(old.id);
    },
    async get(id) {
      const value = await records.get(id);
      return isCachedImage(value) ? value : undefined;
    },
    async list() {
      return (await all()).map(({ bytes: _bytes, ...info }) => info);
    },
    delete: (id) => records.delete(id)
  };
}

let shared: ImageCache | undefined;

/** The app's cache, opened on first use (never during prerendering). */
export function imageCache(): ImageCache {
  return (shared ??= createImageCache(idbRecordStore('bms-flasher-images')));
}
