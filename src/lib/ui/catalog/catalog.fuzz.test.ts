/**
 * R08 R11 robustness of the firmware catalog the Firmware page fetches: any JSON, any text, entries with
 * any field of any type end in a catalog of well-formed entries or IMAGE_CATALOG_INVALID; listing what
 * was accepted never crashes; no accepted entry points outside the catalog's own folder.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectTypedRejection, fuzzOptions } from '$lib/testing/fuzz';
import { CATALOG_FORMAT, catalogForDevice, parseCatalog, parseCatalogJson, type CatalogImage } from './catalog';

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const entry: fc.Arbitrary<CatalogImage> = fc.record({
  id: fc.string(),
  model: fc.string(),
  hwRevisions: fc.array(fc.string(), { maxLength: 3 }),
  version: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(65535)).map(([a, b, c]) => `${a}.${b}.${c}`),
  securityCounter: fc.integer(),
  safetyCritical: fc.boolean(),
  releasedAt: fc.string(),
  releaseNotes: fc.record({ en: fc.string(), fr: fc.string() }),
  path: fc.oneof(fc.string(), fc.constantFrom('a.bin', '/etc/passwd', '//evil.example/a.bin', 'https://evil.example/a.bin', 'data:,x', '\\\\host\\a')),
  size: fc.integer(),
  sha256: hex64,
  imageHash: hex64,
  kind: fc.constantFrom('release', 'test'),
  resetsSettings: fc.boolean()
});
/** A well-formed entry with some fields replaced by any JSON value or removed. */
const damaged = fc.tuple(entry, fc.dictionary(fc.constantFrom('id', 'model', 'hwRevisions', 'releasedAt', 'releaseNotes', 'path', 'size', 'sha256', 'name', 'toString'), fc.jsonValue(), { maxKeys: 3 }), fc.boolean()).map(
  ([e, changes, remove]) => {
    const out: Record<string, unknown> = { ...e, ...changes };
    if (remove) for (const key of Object.keys(changes)) delete out[key];
    return out;
  }
);
const catalog = fc.record({ format: fc.oneof(fc.constant(CATALOG_FORMAT), fc.jsonValue()), name: fc.jsonValue(), images: fc.oneof(fc.array(fc.oneof(damaged, fc.jsonValue()), { maxLength: 5 }), fc.jsonValue()) });

function check(parsed: ReturnType<typeof parseCatalog> | undefined): void {
  if (!parsed) return;
  expect(typeof parsed.name).toBe('string');
  for (const image of parsed.images) expect(image.path).not.toMatch(/^([a-z][a-z0-9+.-]*:|[/\\])|\.\./i);
  const lists = catalogForDevice(parsed, { model: 'BMS-48V', hwRev: 'B' });
  expect(lists.releases.length + lists.tests.length + lists.others.length).toBe(parsed.images.length);
}

describe('R08 R11 fuzz: firmware catalog', () => {
  it('any JSON value or catalog-shaped object with damaged entries: a catalog that lists safely, or IMAGE_CATALOG_INVALID', () => {
    fc.assert(
      fc.property(fc.oneof(catalog, fc.jsonValue()), (value) => check(expectTypedRejection(() => parseCatalog(value), 'IMAGE_CATALOG_INVALID'))),
      fuzzOptions(500, 0xca7)
    );
  });

  it('any text served as the catalog, including truncated JSON: the same', () => {
    fc.assert(
      fc.property(catalog, fc.nat(), fc.string({ maxLength: 40 }), (value, cut, text) => {
        const json = JSON.stringify(value);
        check(expectTypedRejection(() => parseCatalogJson(json.slice(0, cut % (json.length + 1))), 'IMAGE_CATALOG_INVALID'));
        check(expectTypedRejection(() => parseCatalogJson(text), 'IMAGE_CATALOG_INVALID'));
      }),
      fuzzOptions(300, 0xca7)
    );
  });

  it('keeps well-formed entries whole', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 4 }), (images) => {
        const kept = parseCatalogJson(JSON.stringify({ format: CATALOG_FORMAT, name: 'x', images })).images;
        expect(kept).toEqual(images.filter((e) => !/^([a-z][a-z0-9+.-]*:|[/\\])|\.\./i.test(e.path)));
      }),
      fuzzOptions(200, 0xca7)
    );
  });

  it('regression: a catalog whose name is an object with a "toString" member, or an entry without releasedAt, is handled', () => {
    expect(parseCatalog({ format: CATALOG_FORMAT, name: { toString: 1 }, images: [] }).name).toBe('');
    const base = fc.sample(entry, { numRuns: 1, seed: 1 })[0];
    const { releasedAt: _omitted, ...undated } = { ...base, path: 'a.bin' };
    const parsed = parseCatalog({ format: CATALOG_FORMAT, images: [undated, { ...base, path: 'a.bin' }] });
    expect(parsed.images).toHaveLength(1);
    expect(() => catalogForDevice(parsed, {})).not.toThrow();
  });
});
