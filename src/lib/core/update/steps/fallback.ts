/**
 * R19: after any failure once the new image was activated, the device must run its previous firmware
 * again, and the tool PROVES it: version and hash read back equal those from before the update, and
 * that image is confirmed. An unconfirmed new image is reverted by a reset (MCUboot test swap).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { fail, isBmsError } from '../../errors';
import { sameBytes } from '../../image/same-bytes';
import { renewSession } from './authenticate';
import { lostInTransit, reachDevice } from '../device-contact';
import { resetAndWait } from './test-boot';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

export async function fallback(ctx: UpdateContext): Promise<void> {
  const before = ctx.before!;
  ctx.emit({ phase: 'fallback', cause: ctx.cause! });
  ctx.log('warn', text('log.returning', { version: before.fw_version, code: ctx.cause!.code }));
  let identity = await reachDevice(ctx, text('log.why.fallback'));
  for (let attempt = 1; attempt <= 3 && ctx.verified && sameBytes(identity.fw_hash, ctx.verified.digest); attempt++) {
    const active = (await ctx.session.imageState()).find((s) => s.active);
    if (active?.confirmed) fail('UPDATE_FALLBACK_UNPROVEN', 'the new image is already confirmed, so the bootloader will not revert it');
    ctx.log('info', text('log.revertReset'));
    try {
      // A reset is a protected write, and the session may have ended with the test boot.
      await renewSession(ctx);
      identity = await resetAndWait(ctx, text('log.why.resetBack'));
      for (const e of (await ctx.session.boot?.bootLog()) ?? []) ctx.log('info', text('log.revertBoot', { ms: e.t_ms, phase: e.phase }), e.detail);
    } catch (error) {
      // Firmware whose own self-test failed resets itself to revert: if that reset lands between our
      // authentication and our reset, the session it ended refuses ours; if it lands during the
      // authentication, that goes unanswered. Either way, look at the device again.
      const selfReset = isBmsError(error) && (error.code === 'SMP_ACCESS_DENIED' || lostInTransit(error));
      if (attempt >= 3 || !selfReset) throw error;
      ctx.log('info', text('log.resetMeanwhile'));
      identity = await reachDevice(ctx, text('log.why.fallback'));
    }
  }
  ctx.after = identity;
  const running = `${identity.fw_version} ${bytesToHex(identity.fw_hash)}`;
  const expected = `${before.fw_version} ${bytesToHex(before.fw_hash)}`;
  if (identity.in_bootloader || identity.fw_version !== before.fw_version || !sameBytes(identity.fw_hash, before.fw_hash)) {
    fail('UPDATE_FALLBACK_UNPROVEN', `running ${identity.in_bootloader ? 'the bootloader only' : running}, expected ${expected}`);
  }
  const slots = await ctx.session.imageState();
  const active = slots.find((s) => s.active);
  if (!active?.confirmed) fail('UPDATE_FALLBACK_UNPROVEN', `${running} runs but is not confirmed`);
  // A test mark the device took but never acted on (its answer or our reset lost) boots the new image
  // at the next reset: the device is not back where it was.
  const armed = slots.find((s) => !s.active && s.pending);
  if (armed) fail('UPDATE_FALLBACK_UNPROVEN', `${running} runs, but ${armed.version} is still marked for a test boot at the next reset`);
  ctx.afterConfirmed = true;
  ctx.log('info', text('log.fallbackProven', { version: running }));
}
