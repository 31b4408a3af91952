/** MCUboot image_version: u8 major, u8 minor, u16 revision, u32 build (imgtool version.py grammar). */
import { fail } from '../errors';
import type { ImageVersion } from './image-types';

export const VERSION_SIZE = 8;

// Same grammar as imgtool: maj[.min[.rev[+build]]], decimal without leading zeros.
const VERSION_RE = /^(0|[1-9]\d*)(?:\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*)(?:\+(0|[1-9]\d*))?)?)?$/;
const LIMITS: Array<[keyof ImageVersion, number]> = [
  ['major', 0xff],
  ['minor', 0xff],
  ['revision', 0xffff],
  ['build', 0xffffffff]
];

export function parseVersion(text: string): ImageVersion {
  const match = VERSION_RE.exec(text.trim());
  if (!match) fail('IMAGE_VERSION_INVALID', `"${text}" is not maj.min.rev+build (later parts optional)`);
  const version: ImageVersion = {
    major: Number(match[1]),
    minor: Number(match[2] ?? 0),
    revision: Number(match[3] ?? 0),
    build: Number(match[4] ?? 0)
  };
  checkVersion(version, `"${text}"`);
  return version;
}

/** Fields must fit their image_version widths; DataView would silently wrap them otherwise. */
export function checkVersion(version: ImageVersion, what = formatVersion(version)): void {
  for (const [field, max] of LIMITS) {
    const value = version[field];
    if (!Number.isInteger(value) || value < 0 || value > max) {
      fail('IMAGE_VERSION_INVALID', `${field} ${value} in ${what} is not an integer from 0 to ${max}`);
    }
  }
}

export function formatVersion(v: ImageVersion): string {
  return `${v.major}.${v.minor}.${v.revision}+${v.build}`;
}

/**
 * Negative, zero or positive like a sort comparator. The build number counts last (MCUboot compares it
 * only with MCUBOOT_VERSION_CMP_USE_BUILD_NUMBER; including it never reorders major.minor.revision).
 */
export function compareVersions(a: ImageVersion, b: ImageVersion): number {
  return a.major - b.major || a.minor - b.minor || a.revision - b.revision || a.build - b.build;
}

export function encodeVersion(v: ImageVersion): Uint8Array {
  checkVersion(v);
  const bytes = new Uint8Array(VERSION_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, v.major);
  view.setUint8(1, v.minor);
  view.setUint16(2, v.revision, true);
  view.setUint32(4, v.build, true);
  return bytes;
}

/** Reads 8 bytes at `offset`; the caller guarantees they exist. */
export function decodeVersion(bytes: Uint8Array, offset = 0): ImageVersion {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, VERSION_SIZE);
  return {
    major: view.getUint8(0),
    minor: view.getUint8(1),
    revision: view.getUint16(2, true),
    build: view.getUint32(4, true)
  };
}
