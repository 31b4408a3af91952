/**
 * The firmware catalog: one static JSON file (static/firmware/catalog.json) listing signed images per
 * BMS model and hardware revision, like an ESP Web Tools manifest. It is only a table of contents: every
 * image is still checked byte for byte (file SHA-256, image hash, signature) before it is offered for
 * an update, so a tampered catalog can at worst point at an image that then fails verification.
 */
import { compareVersions, parseVersion } from '../../core/image/version';
import { fail } from '$lib/core/errors';

export const CATALOG_FORMAT = 'bms-flasher/firmware-catalog/v1';

export interface CatalogText {
  en: string;
  fr: string;
}

export interface CatalogImage {
  /** stable id, also the image cache key */
  id: string;
  model: string;
  /** hardware revisions the image declares in its signed metadata (R07) */
  hwRevisions: string[];
  /** MCUboot version "major.minor.revision+build" */
  version: string;
  securityCounter: number;
  safetyCritical: boolean;
  minBootloader?: string;
  /** a release for the field, or a test / fault-demonstration build (listed apart, never recommended) */
  kind: 'release' | 'test';
  /** the settings return to their defaults at first start: a restore is needed before return to service */
  resetsSettings: boolean;
  /** ISO date of the release */
  releasedAt: string;
  releaseNotes: CatalogText;
  /** relative to the catalog file */
  path: string;
  size: number;
  /** hex SHA-256 of the whole file */
  sha256: string;
  /** hex MCUboot image hash (the SHA256 TLV the device reports once installed) */
  imageHash: string;
}

export interface FirmwareCatalog {
  format: typeof CATALOG_FORMAT;
  name: string;
  images: CatalogImage[];
}

const HEX64 = /^[0-9a-f]{64}$/;
/** "https:", "//host", "/abs": an image path must stay beside the catalog, on the app's own origin. */
const LEAVES_CATALOG = /^([a-z][a-z0-9+.-]*:|[/\\])/i;

/** Structural check of a fetched catalog (IMAGE_CATALOG_INVALID); an entry that is malformed is dropped, not trusted. */
export function parseCatalog(value: unknown): FirmwareCatalog {
  const v = value as Partial<FirmwareCatalog> | null;
  if (typeof v !== 'object' || v === null || v.format !== CATALOG_FORMAT || !Array.isArray(v.images)) {
    fail('IMAGE_CATALOG_INVALID', `not a firmware catalog (format ${JSON.stringify(v?.format)})`);
  }
  // Older catalogs have no kind / resetsSettings: their images count as plain releases.
  const images = v.images.filter(isCatalogImage).map((e) => ({ ...e, kind: e.kind === 'test' ? 'test' : 'release', resetsSettings: e.resetsSettings === true }) as const);
  // A non-text name is dropped: String() on a parsed object with a "toString" member would throw.
  return { format: CATALOG_FORMAT, name: typeof v.name === 'string' ? v.name : '', images };
}

/** The catalog file's text, parsed and checked; IMAGE_CATALOG_INVALID when it is not JSON. */
export function parseCatalogJson(text: string): FirmwareCatalog {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail('IMAGE_CATALOG_INVALID', `not JSON: ${(error as Error).message}`);
  }
  return parseCatalog(value);
}

/** Versions are sorted and compared with the device's: an entry whose version does not parse is dropped. */
function isVersion(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  try {
    parseVersion(text);
    return true;
  } catch {
    return false;
  }
}

function isCatalogImage(value: unknown): value is CatalogImage {
  const e = value as Partial<CatalogImage> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    typeof e.model === 'string' &&
    Array.isArray(e.hwRevisions) &&
    e.hwRevisions.every((r) => typeof r === 'string') &&
    isVersion(e.version) &&
    Number.isInteger(e.securityCounter) &&
    typeof e.safetyCritical === 'boolean' &&
    typeof e.path === 'string' &&
    !e.path.includes('..') &&
    !LEAVES_CATALOG.test(e.path) &&
    typeof e.releasedAt === 'string' &&
    (e.minBootloader === undefined || isVersion(e.minBootloader)) &&
    Number.isInteger(e.size) &&
    HEX64.test(e.sha256 ?? '') &&
    HEX64.test(e.imageHash ?? '') &&
    typeof e.releaseNotes?.en === 'string' &&
    typeof e.releaseNotes?.fr === 'string'
  );
}

export interface DeviceFilter {
  model?: string;
  hwRev?: string;
  /** the device's bootloader "major.minor.revision", when known */
  bootloader?: string;
}

/** What a technician must know before choosing an image (shown as a badge; choosing needs a confirmation). */
export type Caveat =
  | { kind: 'resets-settings' }
  | { kind: 'needs-bootloader'; required: string; installed: string };

export function caveatsOf(image: CatalogImage, device: DeviceFilter): Caveat[] {
  const caveats: Caveat[] = [];
  if (image.resetsSettings) caveats.push({ kind: 'resets-settings' });
  if (image.minBootloader && device.bootloader && compareVersions(parseVersion(device.bootloader), parseVersion(image.minBootloader)) < 0) {
    caveats.push({ kind: 'needs-bootloader', required: image.minBootloader, installed: device.bootloader });
  }
  return caveats;
}

export interface CatalogLists {
  /** releases made for this device, in the order to pick them */
  releases: CatalogImage[];
  /** test and fault-demonstration builds for this device, newest first */
  tests: CatalogImage[];
  /** images for other models or hardware revisions */
  others: CatalogImage[];
}

const byVersion = (a: CatalogImage, b: CatalogImage) =>
  compareVersions(parseVersion(b.version), parseVersion(a.version)) || b.releasedAt.localeCompare(a.releasedAt) || a.id.localeCompare(b.id);

/**
 * The catalog in the order a technician should pick from: releases without caveat first (latest
 * version first), then releases that reset the settings or need a newer bootloader, each group by
 * version; test builds apart. With no device known every image is "for this device"; images for other
 * hardware stay listable so a wrong choice can still be shown being refused (R07).
 */
export function catalogForDevice(catalog: FirmwareCatalog, device: DeviceFilter): CatalogLists {
  const fits = (image: CatalogImage) =>
    (device.model === undefined || image.model === device.model) &&
    (device.hwRev === undefined || image.hwRevisions.includes(device.hwRev));
  const sorted = [...catalog.images].sort(byVersion);
  const mine = sorted.filter(fits);
  const releases = mine.filter((image) => image.kind === 'release');
  const plain = releases.filter((image) => caveatsOf(image, device).length === 0);
  return {
    releases: [...plain, ...releases.filter((image) => !plain.includes(image))],
    tests: mine.filter((image) => image.kind === 'test'),
    others: sorted.filter((image) => !fits(image))
  };
}
