import { keyFingerprint } from '../../image/keys';
import { authenticate as openSession } from '../../family/authenticate';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

/** R14: the BMS accepts writes only after the technician's key answered its challenge. */
export async function authenticate(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'authenticate' });
  const granted = await openSession(ctx.session, ctx.signer, ctx.before!.serial);
  ctx.log('info', text('log.sessionGranted', { name: ctx.signer!.name, fingerprint: keyFingerprint(ctx.signer!.publicKey), seconds: granted.idle_timeout_s }));
}
