/**
 * What the tool can check on a device and what it cannot, as a list of abilities the Device page and
 * `bms-flasher info` put in plain words (the words live with each front end: the UI catalogs in en and
 * fr, the CLI's English). One list, so both say the same thing about the same device.
 */
import type { FamilyDescription } from './device-session';

export type AbilityId = 'battery' | 'config' | 'auth' | 'self-test' | 'boot-log' | 'fallback' | 'signature';

export interface Ability {
  id: AbilityId;
  can: boolean;
}

export function familyAbilities(family: FamilyDescription): Ability[] {
  const { bootloader } = family.profile;
  return [
    { id: 'battery', can: family.battery },
    { id: 'config', can: family.config !== undefined },
    { id: 'auth', can: family.auth },
    { id: 'self-test', can: family.selfTest },
    { id: 'boot-log', can: family.bootLog },
    { id: 'fallback', can: bootloader.fallback === 'swap' },
    { id: 'signature', can: bootloader.checksSignature }
  ];
}
