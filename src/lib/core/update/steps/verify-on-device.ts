import { bytesToHex } from '@noble/hashes/utils.js';
import { fail } from '../../errors';
import { sameBytes } from '../../image/same-bytes';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

/** The device's own hash of the bank it received must be the signed image hash (R08, R14). */
export async function verifyOnDevice(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'verify-on-device' });
  const expected = ctx.verified!.digest;
  const slots = await ctx.session.imageState();
  // MCUboot's serial recovery writes the primary slot itself; an application receives into the other bank.
  const received = ctx.before!.in_bootloader ? slots.find((s) => s.slot === 0) : slots.find((s) => !s.active);
  if (!received || !sameBytes(received.hash, expected)) {
    const found = received ? `${received.version} ${bytesToHex(received.hash)}` : 'no image';
    fail('UPDATE_VERIFY_HASH_MISMATCH', `the inactive bank holds ${found}; the package hash is ${bytesToHex(expected)}`);
  }
  ctx.log('info', text('log.slotHolds', { slot: received.slot, version: received.version, hash: bytesToHex(expected).slice(0, 16) }));
}
