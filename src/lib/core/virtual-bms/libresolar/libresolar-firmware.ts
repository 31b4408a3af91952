/**
 * Firmware images for the virtual LibreSolar BMS: MCUboot images signed with our signer. The firmware
 * reports `cFirmwareVersion` as `git describe` does ("v23.1-94-g9ff895e"); the simulator derives it
 * from the image header it really runs: major.minor, then the revision (commits since the tag) and the
 * build number as the abbreviated commit hash. A payload may carry the BMSSIM:BOOT_LOOP marker of the
 * virtual BMS's test firmware (firmware-behaviour.ts): it crashes before it starts its ThingSet server.
 */
import type { ImageVersion } from '../../image/image-types';
import { signImage } from '../../image/sign-image';
import { parseVersion } from '../../image/version';
import { makeTestFirmwarePayload, type FirmwareBehaviour } from '../firmware-behaviour';
import { DEFAULT_SLOT_SIZE, WRITE_ALIGN } from '../flash/flash-layout';
import { VENDOR_TEST_SECRET_KEY } from '../../image/test-keys';

/** The firmware of the reference lines: v23.1-94-g9ff895e. */
export const FACTORY_VERSION = '23.1.94+167741790';

export function describeVersion(v: ImageVersion): string {
  if (v.revision === 0 && v.build === 0) return `v${v.major}.${v.minor}`;
  return `v${v.major}.${v.minor}-${v.revision}-g${v.build.toString(16).padStart(7, '0')}`;
}

export interface LibreSolarFirmwareOptions {
  /** "23.1.94+167741790" */
  version: string;
  /** default: the virtual vendor test key; null: hash only, no signature */
  signingKey?: Uint8Array | null;
  behaviour?: Partial<Pick<FirmwareBehaviour, 'bootLoop'>>;
  /** payload bytes (default 8192) */
  size?: number;
  slotSize?: number;
}

export function makeLibreSolarFirmware(options: LibreSolarFirmwareOptions): Uint8Array {
  const version = parseVersion(options.version);
  const payload = makeTestFirmwarePayload(`libresolar ${options.version}`, options.behaviour, options.size ?? 8192);
  return signImage(payload, options.signingKey === undefined ? VENDOR_TEST_SECRET_KEY : options.signingKey, {
    version,
    securityCounter: 1,
    headerSize: 0x200,
    slotSize: options.slotSize ?? DEFAULT_SLOT_SIZE,
    align: WRITE_ALIGN
  });
}
