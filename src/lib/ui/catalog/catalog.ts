/**
 * The firmware catalog: one static JSON file (static/firmware/catalog.json) listing signed images per
 * BMS model and hardware revision, like an ESP Web Tools manifest. It is only a table of contents: every
 * image is still checked byte for byte (file SHA-256, image hash, signature) before it is offered for
 * an update, so a tampered catalog can at worst point at an image that then fails verification.
 */
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
  // A non-text name is dropped: String() on a parsed object with a "toString" member would throw.
  return { format: CATALOG_FORMAT, name: typeof v.name === 'string' ? v.name : '', images: v.images.filter(isCatalogImage) };
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

function isCatalogImage(value: unknown): value is CatalogImage {
  const e = value as Partial<CatalogImage> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    typeof e.model === 'string' &&
    Array.isArray(e.hwRevisions) &&
    e.hwRevisions.every((r) => typeof r === 'string') &&
    typeof e.version === 'string' &&
    Number.isInteger(e.securityCounter) &&
    typeof e.safetyCritical === 'boolean' &&
    typeof e.path === 'string' &&
    !e.path.includes('..') &&
    !LEAVES_CATALOG.test(e.path) &&
    typeof e.releasedAt === 'string' &&
    (e.minBootloader === undefined || typeof e.minBootloader === 'string') &&
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
}

const newestFirst = (a: CatalogImage, b: CatalogImage) => b.releasedAt.localeCompare(a.releasedAt) || a.id.localeCompare(b.id);

/**
 * The images made for this device and the others, newest first. With no device known every image is
 * "for this device"; the others stay listable so a wrong choice can still be shown being refused (R07).
 */
export function catalogForDevice(catalog: FirmwareCatalog, device: DeviceFilter): { forDevice: CatalogImage[]; others: CatalogImage[] } {
  const fits = (image: CatalogImage) =>
    (device.model === undefined || image.model === device.model) &&
    (device.hwRev === undefined || image.hwRevisions.includes(device.hwRev));
  const sorted = [...catalog.images].sort(newestFirst);
  return { forDevice: sorted.filter(fits), others: sorted.filter((image) => !fits(image)) };
}
