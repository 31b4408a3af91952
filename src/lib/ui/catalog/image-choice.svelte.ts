/**
 * The firmware image chosen for the update, shared by the Firmware, Pre-flight and Update pages, and
 * the "recently used" images kept in IndexedDB (image-cache.ts) so the update also works offline.
 */
import { browser } from '$app/environment';
import { BmsError, toErrorData, type ErrorData } from '$lib/core/errors';
import { imageCache, type CachedImageInfo } from '$lib/platform/web/storage/image-cache';
import type { ImageSummary } from '$lib/platform/web/image-worker/image-summary';
import { trustedKeys } from '../keys/trusted-keys.svelte';
import type { CatalogImage } from './catalog';
import { DownloadError, download, verifyForUpdate, type Expected } from './open-image';

export interface ChosenImage {
  id: string;
  name: string;
  source: 'catalog' | 'file';
  sha256: string;
  summary: ImageSummary;
  signer: { name: string; fingerprint: string };
  bytes: Uint8Array;
}

export type OpenFailure = { id: string } & ({ error: ErrorData } | { offline: true } | { status: number });

class ImageChoice {
  // Raw: the bytes go to the session worker, which cannot clone Svelte proxies.
  current = $state.raw<ChosenImage | undefined>(undefined);
  recent = $state.raw<CachedImageInfo[]>([]);
  /** the id being downloaded or verified */
  opening = $state<string | undefined>(undefined);
  failure = $state.raw<OpenFailure | undefined>(undefined);

  async loadRecent(): Promise<void> {
    if (!browser) return;
    this.recent = await imageCache().list();
  }

  /** Downloads the catalog entry unless an identical copy is cached, verifies it and chooses it. */
  async openCatalogImage(entry: CatalogImage, catalogUrl: string): Promise<void> {
    const expected = { sha256: entry.sha256, imageHash: entry.imageHash };
    await this.#open(entry.id, async () => {
      const cached = await imageCache().get(entry.id);
      const bytes = cached?.sha256 === entry.sha256 ? cached.bytes : await download(new URL(entry.path, catalogUrl).href);
      return { bytes, name: `${entry.model} ${entry.version} (${entry.id})`, source: 'catalog' as const, expected };
    });
  }

  /** A recently used image, straight from IndexedDB: verified again, no network needed. */
  async openCached(id: string): Promise<void> {
    await this.#open(id, async () => {
      const cached = await imageCache().get(id);
      if (!cached) throw new BmsError('INTERNAL_ERROR', `image ${id} is no longer kept in this browser`);
      return { bytes: cached.bytes, name: cached.name, source: cached.source, expected: { sha256: cached.sha256 } };
    });
  }

  /** A file picked on the Firmware page: chosen only if it verifies (its verdict is shown there). */
  async openFile(file: File): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await this.#open(`file:${file.name}`, async () => ({ bytes, name: file.name, source: 'file' as const, expected: {} }));
  }

  async forget(id: string): Promise<void> {
    await imageCache().delete(id);
    if (this.current?.id === id) this.current = undefined;
    await this.loadRecent();
  }

  /** A copy for the session worker, which takes (transfers) the buffer it is given. */
  buffer(): ArrayBuffer | undefined {
    return this.current?.bytes.slice().buffer;
  }

  async #open(id: string, fetchBytes: () => Promise<{ bytes: Uint8Array; name: string; source: ChosenImage['source']; expected: Expected }>): Promise<void> {
    this.opening = id;
    this.failure = undefined;
    try {
      await trustedKeys.load();
      const { bytes, name, source, expected } = await fetchBytes();
      const opened = await verifyForUpdate(bytes, trustedKeys.all, expected);
      // Files are keyed by content: the same firmware picked twice is one entry.
      const key = source === 'file' ? `file:${opened.sha256}` : id;
      const { image, signer } = opened.verified;
      this.current = { id: key, name, source, sha256: opened.sha256, summary: image, signer, bytes };
      await imageCache().put({ id: key, name, source, version: image.version, sha256: opened.sha256, bytes, lastUsedAt: new Date().toISOString() });
      await this.loadRecent();
    } catch (error) {
      this.failure =
        error instanceof DownloadError
          ? error.status === undefined
            ? { id, offline: true }
            : { id, status: error.status }
          : { id, error: toErrorData(error) };
    } finally {
      if (this.opening === id) this.opening = undefined;
    }
  }
}

export const imageChoice = new ImageChoice();
