import { describe, expect, it } from 'vitest';
import type { RecordStore } from '../../../core/backup/record-store';
import { MAX_CACHED_IMAGES, createImageCache, type CachedImage } from './image-cache';

/** Keeps values as they are, like IndexedDB's structured clone (the JSON memory store would drop bytes). */
function cloningStore(): RecordStore & { raw: Map<string, unknown> } {
  const raw = new Map<string, unknown>();
  return {
    raw,
    put: async (id, value) => void raw.set(id, structuredClone(value)),
    get: async (id) => structuredClone(raw.get(id)),
    values: async () => [...raw.values()].map((v) => structuredClone(v)),
    delete: async (id) => void raw.delete(id)
  };
}

const image = (n: number): CachedImage => ({
  id: `img-${n}`,
  name: `image ${n}`,
  source: 'catalog',
  version: `1.${n}.0+0`,
  sha256: n.toString(16).padStart(64, '0'),
  bytes: new Uint8Array([n, n, n]),
  lastUsedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString()
});

describe('image cache', () => {
  it('R09 keeps images with their bytes, most recently used first, and lists them without the bytes', async () => {
    const cache = createImageCache(cloningStore());
    await cache.put(image(1));
    await cache.put(image(3));
    await cache.put(image(2));
    expect((await cache.list()).map((i) => i.id)).toEqual(['img-3', 'img-2', 'img-1']);
    expect(await cache.list()).not.toContainEqual(expect.objectContaining({ bytes: expect.anything() }));
    expect((await cache.get('img-2'))?.bytes).toEqual(new Uint8Array([2, 2, 2]));
    await cache.put({ ...image(1), lastUsedAt: '2026-02-01T00:00:00.000Z' });
    expect((await cache.list())[0].id).toBe('img-1');
    await cache.delete('img-1');
    expect(await cache.get('img-1')).toBeUndefined();
  });

  it(`forgets the least recently used beyond ${MAX_CACHED_IMAGES} images and ignores damaged records`, async () => {
    const store = cloningStore();
    const cache = createImageCache(store);
    for (let n = 0; n < MAX_CACHED_IMAGES + 2; n++) await cache.put(image(n));
    const ids = (await cache.list()).map((i) => i.id);
    expect(ids).toHaveLength(MAX_CACHED_IMAGES);
    expect(ids).not.toContain('img-0');
    expect(ids).not.toContain('img-1');
    store.raw.set('junk', { id: 'junk', bytes: 'not bytes' });
    expect(await cache.get('junk')).toBeUndefined();
    expect((await cache.list()).map((i) => i.id)).not.toContain('junk');
  });
});
