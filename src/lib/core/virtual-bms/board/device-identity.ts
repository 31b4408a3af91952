/** Who the virtual BMS is: fixed at the factory, reported by the BMS identity command. */
import { fail } from '../../errors';
import type { ImageVersion } from '../../image/image-types';
import { parseVersion } from '../../image/version';

export interface DeviceIdentity {
  model: string;
  serial: string;
  hwRev: string;
  bootloaderVersion: ImageVersion;
}

export const DEFAULT_IDENTITY: DeviceIdentity = {
  model: 'VBMS-16S',
  serial: 'VB2400001',
  hwRev: 'B',
  bootloaderVersion: { major: 2, minor: 1, revision: 0, build: 0 }
};

const TEXT = /^[\x21-\x7e][\x20-\x7e]{0,31}$/;

export function resolveIdentity(options: Partial<Omit<DeviceIdentity, 'bootloaderVersion'>> & { bootloaderVersion?: string }): DeviceIdentity {
  const identity: DeviceIdentity = {
    model: options.model ?? DEFAULT_IDENTITY.model,
    serial: options.serial ?? DEFAULT_IDENTITY.serial,
    hwRev: options.hwRev ?? DEFAULT_IDENTITY.hwRev,
    bootloaderVersion: options.bootloaderVersion ? parseVersion(options.bootloaderVersion) : DEFAULT_IDENTITY.bootloaderVersion
  };
  for (const key of ['model', 'serial', 'hwRev'] as const) {
    if (!TEXT.test(identity[key])) fail('DEVICE_OPTION_INVALID', `${key} "${identity[key]}" must be 1 to 32 printable characters`);
  }
  return identity;
}

/** "major.minor.revision", as BmsIdentity.bl_version. */
export function formatBootloaderVersion(v: ImageVersion): string {
  return `${v.major}.${v.minor}.${v.revision}`;
}
