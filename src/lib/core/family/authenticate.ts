/**
 * The authenticated session (R14): the BMS issues a one-time nonce bound to its serial, the technician
 * signs authMessage(nonce, serial), the BMS checks the key is enrolled. Sessions end on reset, so every
 * write after a reboot authenticates again.
 */
import { fail } from '../errors';
import { keyFingerprint } from '../image/keys';
import { authMessage, type AuthGranted } from '../protocol/smp/groups/bms-group';
import type { FamilySession } from './device-session';
import type { TechnicianSigner } from './technician-signer';

export async function authenticate(
  session: FamilySession,
  signer: TechnicianSigner | undefined,
  serial: string
): Promise<AuthGranted> {
  const auth = session.auth;
  if (!auth) fail('FAMILY_NOT_SUPPORTED', `${session.family.label} has no authenticated maintenance session`);
  if (!signer) fail('UPDATE_TECHNICIAN_KEY_MISSING', 'no technician key was given');
  const challenge = await auth.authChallenge();
  if (challenge.serial !== serial) {
    fail('UPDATE_DEVICE_CHANGED', `the challenge is bound to serial ${challenge.serial}, expected ${serial}`);
  }
  const sig = await signer.sign(authMessage(challenge.nonce, challenge.serial));
  try {
    return await auth.authRespond({ pubkey: signer.publicKey, sig });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'UPDATE_AUTH_REJECTED') {
      fail('UPDATE_AUTH_REJECTED', `key ${signer.name} (${keyFingerprint(signer.publicKey)}) refused by ${serial}`, error);
    }
    throw error;
  }
}
