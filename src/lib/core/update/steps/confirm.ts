/**
 * Everything passed: make the new image permanent (until now a reset would revert it, R19), then PROVE
 * it with one more reset: the bootloader must keep the new image, and it raises the stored security
 * counter now, because MCUboot only does so for a confirmed image (R25). A power cut on the way is
 * survived: confirming is idempotent, and a reverted device is caught by the fallback's proof.
 */
import { fail } from '../../errors';
import { sameBytes } from '../../image/same-bytes';
import { renewSession } from './authenticate';
import { surviveLoss } from '../device-contact';
import { resetAndWait } from './test-boot';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

export async function confirm(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'confirm' });
  await surviveLoss(ctx, text('log.why.confirm'), () => confirmAndProve(ctx));
  const after = ctx.after!;
  const counter = ctx.verified!.image.securityCounter ?? 0;
  if (ctx.session.family.reports.securityCounter && after.sec_cnt < counter) ctx.warn(text('log.counterMismatch', { device: after.sec_cnt, image: counter }));
  ctx.log('info', text('log.confirmedKept', { version: after.fw_version, before: ctx.before!.sec_cnt, after: after.sec_cnt }));
}

async function confirmAndProve(ctx: UpdateContext): Promise<void> {
  const digest = ctx.verified!.digest;
  const identity = await ctx.session.identity();
  if (!sameBytes(identity.fw_hash, digest)) {
    fail('UPDATE_CONFIRM_FAILED', `the device runs ${identity.fw_version} again before it could be confirmed`);
  }
  // Every reset (the test boot, a power cut) ended the authenticated session.
  await renewSession(ctx);
  const active = (await ctx.session.confirm()).find((s) => s.active);
  if (!active || !sameBytes(active.hash, digest) || !active.confirmed) {
    fail('UPDATE_CONFIRM_FAILED', `after confirm the running image is ${active ? `${active.version} confirmed=${active.confirmed}` : 'unknown'}`);
  }
  ctx.log('info', text('log.confirmedResetting', { version: active.version }));
  const after = await resetAndWait(ctx, text('log.why.resetConfirm'));
  ctx.after = after;
  for (const e of (await ctx.session.boot?.bootLog()) ?? []) ctx.log('info', text('log.boot', { ms: e.t_ms, phase: e.phase }), e.detail);
  if (after.in_bootloader || !sameBytes(after.fw_hash, digest)) {
    fail('UPDATE_CONFIRM_FAILED', `after a reset the device runs ${after.in_bootloader ? 'its bootloader only' : after.fw_version}, not the confirmed image`);
  }
  ctx.afterConfirmed = true;
}
