/**
 * Opens the authenticated session (R14) with the simulator's published TEST technician key, as the
 * integration tests of the SMP client do before any write.
 */
import { TECHNICIAN_TEST_PUBLIC_KEY, TECHNICIAN_TEST_SECRET_KEY } from '../../../image/test-keys';
import { ed25519Sign } from '../../../image/ed25519';
import { authChallenge, authRespond, identity } from '../groups/bms-client';
import { authMessage } from '../groups/bms-group';
import type { SmpClient } from '../smp-client';

export async function authenticateTestTechnician(client: SmpClient): Promise<void> {
  const { serial } = await identity(client);
  const challenge = await authChallenge(client);
  // The challenge must be bound to the device we identified, or the signature proves nothing about it.
  if (challenge.serial !== serial) throw new Error(`challenge for ${challenge.serial}, device is ${serial}`);
  await authRespond(client, {
    pubkey: TECHNICIAN_TEST_PUBLIC_KEY,
    sig: ed25519Sign(authMessage(challenge.nonce, challenge.serial), TECHNICIAN_TEST_SECRET_KEY)
  });
}
