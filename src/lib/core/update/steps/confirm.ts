import { fail } from '../../errors';
import { sameBytes } from '../../image/same-bytes';
import { authenticate } from '../authenticate';
import type { UpdateContext } from '../update-context';

/** Everything passed: make the new image permanent. Until now a reset would have reverted it (R19). */
export async function confirm(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'confirm' });
  // The reset into the new image ended the authenticated session.
  await authenticate(ctx.session, ctx.signer, ctx.before!.serial);
  const slots = await ctx.session.confirm();
  const active = slots.find((s) => s.active);
  if (!active || !sameBytes(active.hash, ctx.verified!.digest) || !active.confirmed) {
    fail('UPDATE_CONFIRM_FAILED', `after confirm the running image is ${active ? `${active.version} confirmed=${active.confirmed}` : 'unknown'}`);
  }
  ctx.afterConfirmed = true;
  ctx.after = await ctx.session.identity();
  ctx.log('info', `OK: ${ctx.after.fw_version} confirmed; security counter ${ctx.before!.sec_cnt} → ${ctx.after.sec_cnt}`);
}
