import { keyFingerprint } from '../../image/keys';
import { authenticate as openSession } from '../../family/authenticate';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

/**
 * R14: the BMS accepts writes only after the technician's key answered its challenge. A device without
 * such a session was acknowledged by the operator in the checklist; the log and the report say so.
 */
export async function authenticate(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'authenticate' });
  if (!ctx.session.auth) {
    ctx.warn(`no authenticated maintenance session on ${ctx.session.family.label}: writing on the acknowledgement of ${ctx.answers?.operator ?? 'the operator'}`);
    return;
  }
  const granted = await openSession(ctx.session, ctx.signer, ctx.before!.serial);
  ctx.log('info', text('log.sessionGranted', { name: ctx.signer!.name, fingerprint: keyFingerprint(ctx.signer!.publicKey), seconds: granted.idle_timeout_s }));
}

/** After a reset (which ends a session) and before a protected write: a new session where the device has them. */
export async function renewSession(ctx: UpdateContext, serial = ctx.before!.serial): Promise<void> {
  if (ctx.session.auth) await openSession(ctx.session, ctx.signer, serial);
}
