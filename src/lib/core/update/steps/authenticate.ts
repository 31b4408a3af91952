import { keyFingerprint } from '../../image/keys';
import { authenticate as openSession } from '../../family/authenticate';
import type { UpdateContext } from '../update-context';

/** R14: the BMS accepts writes only after the technician's key answered its challenge. */
export async function authenticate(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'authenticate' });
  const granted = await openSession(ctx.session, ctx.signer, ctx.before!.serial);
  ctx.log('info', `session granted to ${ctx.signer!.name} (${keyFingerprint(ctx.signer!.publicKey)}), idle timeout ${granted.idle_timeout_s} s`);
}
