/**
 * Which SMP server answers, from one cheap read: our BMS group (64) identity. Our firmware answers it
 * (also in its bootloader's recovery); a stock mcumgr server (Zephyr smp_svr, nRF Connect SDK, Mynewt)
 * has no such group and answers rc 8 MGMT_ERR_ENOTSUP (device-families.md §1). Anything else — no
 * answer at all, a broken frame — is the caller's to judge (another protocol may be on the line), so
 * it is thrown as it came.
 */
import { isBmsError } from '../../errors';
import { identity } from './groups/bms-client';
import type { BmsIdentity } from './groups/bms-group';
import type { CallOptions } from './groups/os-group';
import type { SmpClient } from './smp-client';

export type SmpFamilyProbe =
  /** group 64 answered: our BMS firmware (or its bootloader, `identity.in_bootloader`) */
  | { family: 'bms'; identity: BmsIdentity }
  /** group 64 answered rc 8: a stock MCUboot + mcumgr device */
  | { family: 'mcumgr' };

export async function probeSmpFamily(client: SmpClient, options: CallOptions = {}): Promise<SmpFamilyProbe> {
  try {
    return { family: 'bms', identity: await identity(client, options) };
  } catch (error) {
    if (isBmsError(error) && error.code === 'SMP_NOT_SUPPORTED') return { family: 'mcumgr' };
    throw error;
  }
}
