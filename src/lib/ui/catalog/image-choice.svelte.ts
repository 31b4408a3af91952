/**
 * The firmware image chosen for the update, shared by the Firmware, Pre-flight and Update pages, and
 * the "recently used" images kept in IndexedDB (image-cache.ts) so the update also works offline.
 */
import { browser } from '$app/environment';
import { BmsError, toErrorData, type ErrorData } from '$lib/core/errors';
import { imageCache, type CachedImageInfo } from '$lib/platform/web/storage/image-cache';
import type { ImageSummary, VerifiedSummary } from '$lib/platform/web/image-worker/image-summary';
import { explainWithheld } from '$lib/core/update/trust-scope';
import { describeNext, firmwareCheck } from '../firmware/description.svelte';
import { verdictOf } from '../firmware/verdict';
import { trustedKeys } from '../keys/trusted-keys.svelte';
import type { CatalogImage } from './catalog';
import { DownloadError, download, sha256Hex, verifyForUpdate, type Expected, type OpenedImage } from './open-image';

export interface ChosenImage {
  id: string;
  name: string;
  source: 'catalog' | 'file';
  sha256: string;
  summary: ImageSummary;
  signer: { name: string; fingerprint: string };
  verified: VerifiedSummary;
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
    const name = `${entry.model} ${entry.version} (${entry.id})`;
    await this.#open(entry.id, name, async () => {
      const cached = await imageCache().get(entry.id);
      const bytes = cached?.sha256 === entry.sha256 ? cached.bytes : await download(new URL(entry.path, catalogUrl).href);
      return { bytes, source: 'catalog' as const, expected };
    });
  }

  /** A recently used image, straight from IndexedDB: verified again, no network needed. */
  async openCached(id: string): Promise<void> {
    const name = this.recent.find((image) => image.id === id)?.name ?? id;
    await this.#open(id, name, async () => {
      const cached = await imageCache().get(id);
      if (!cached) throw new BmsError('INTERNAL_ERROR', `image ${id} is no longer kept in this browser`);
      return { bytes: cached.bytes, source: cached.source, expected: { sha256: cached.sha256 } };
    });
  }

  /** A file the Firmware page verified and found trusted (firmware-check.svelte.ts): chosen as it is. */
  async chooseFile(bytes: Uint8Array, name: string, verified: VerifiedSummary): Promise<void> {
    this.failure = undefined;
    await this.#choose({ id: 'file', name, source: 'file', sha256: await sha256Hex(bytes), verified, bytes });
  }

  /** A refused file leaves no image chosen: the page never offers one image while describing another. */
  clear(): void {
    this.current = undefined;
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

  async #open(id: string, name: string, fetchBytes: () => Promise<Fetched>): Promise<void> {
    this.opening = id;
    this.failure = undefined;
    const description = describeNext();
    const previous = firmwareCheck.current;
    description.set({ phase: 'reading', fileName: name });
    try {
      const outcome = await verifyFetched(fetchBytes);
      if (outcome.kind === 'unreachable') {
        // Nothing new was read: the page goes on describing what it described before.
        description.set(previous);
        this.failure = { id, ...outcome.failure };
      } else if (outcome.kind === 'refused') {
        this.failure = { id, error: outcome.error };
        if (!description.isLatest()) return;
        this.current = undefined;
        description.set({ phase: 'done', fileName: name, verdict: verdictOf({ ok: false, error: outcome.error }) });
      } else if (description.isLatest()) {
        const { verified, sha256 } = outcome.opened;
        description.set({ phase: 'done', fileName: name, summary: verified.image, verdict: { kind: 'trusted', verified } });
        await this.#choose({ id, name, source: outcome.source, sha256, verified, bytes: outcome.opened.bytes });
      }
    } finally {
      if (this.opening === id) this.opening = undefined;
    }
  }

  async #choose(image: Omit<ChosenImage, 'summary' | 'signer'>): Promise<void> {
    // Files are keyed by content: the same firmware picked twice is one entry.
    const id = image.source === 'file' ? `file:${image.sha256}` : image.id;
    const { verified } = image;
    this.current = { ...image, id, summary: verified.image, signer: verified.signer };
    const { name, source, sha256, bytes } = image;
    await imageCache().put({ id, name, source, version: verified.image.version, sha256, bytes, lastUsedAt: new Date().toISOString() });
    await this.loadRecent();
  }
}

interface Fetched {
  bytes: Uint8Array;
  source: ChosenImage['source'];
  expected: Expected;
}

type Outcome =
  | { kind: 'chosen'; source: ChosenImage['source']; opened: OpenedImage }
  | { kind: 'refused'; error: ErrorData }
  /** the bytes could not be had at all (no network, HTTP error) */
  | { kind: 'unreachable'; failure: { offline: true } | { status: number } };

/** Fetches and verifies against the keys that apply to the current device (trusted-keys.svelte.ts). */
async function verifyFetched(fetchBytes: () => Promise<Fetched>): Promise<Outcome> {
  let fetched: Fetched;
  try {
    await trustedKeys.load();
    fetched = await fetchBytes();
  } catch (error) {
    if (!(error instanceof DownloadError)) return { kind: 'refused', error: toErrorData(error) };
    return { kind: 'unreachable', failure: error.status === undefined ? { offline: true } : { status: error.status } };
  }
  const scoped = trustedKeys.scoped();
  try {
    return { kind: 'chosen', source: fetched.source, opened: await verifyForUpdate(fetched.bytes, scoped.keys, fetched.expected) };
  } catch (error) {
    return { kind: 'refused', error: await explainWithheld(toErrorData(error), fetched.bytes, scoped.withheld) };
  }
}

export const imageChoice = new ImageChoice();
