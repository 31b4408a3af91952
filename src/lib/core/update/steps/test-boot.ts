/**
 * R17: the new image is marked for ONE test boot and the device resets into it. The tool shows the
 * reboot sequence (protections off → firmware loaded → protections on) and requires it; a device that
 * came back on its old image tells, through its boot log, whether it looped, refused the image, or ran
 * it and reverted (a failed self-test).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { fail, toErrorData } from '../../errors';
import { sameBytes } from '../../image/same-bytes';
import { ProtectionFlag, type BmsIdentity, type BootEvent } from '../../protocol/smp/groups/bms-group';
import { lostInTransit, waitForDevice } from '../device-contact';
import type { UpdateContext } from '../update-context';
import { text, type Text } from '../../../i18n/translate';

const SEQUENCE = ['protections_off', 'firmware_loaded', 'protections_on'] as const;

export async function testBoot(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'test-boot', events: [] });
  await markForTest(ctx, ctx.verified!.digest);
  ctx.log('info', text('log.testBootMarked'));
  await inspectBoot(ctx, await resetAndWait(ctx, text('log.why.resetIntoNew')));
}

/**
 * Writes the test mark. On a noisy line the mark can be written and only its answer lost: giving up
 * then would leave a test boot of the new image armed for the next reset, behind a fallback that
 * believes nothing was activated. The image state says which it was.
 */
async function markForTest(ctx: UpdateContext, hash: Uint8Array): Promise<void> {
  try {
    await ctx.session.testImage(hash);
  } catch (error) {
    const slots = await ctx.session.imageState().catch(() => undefined);
    if (!slots?.some((s) => s.pending && sameBytes(s.hash, hash))) throw error;
    ctx.log('warn', `the answer to the test mark was lost (${toErrorData(error).code}); the image state shows the mark written`);
  }
}

/** Asks for a reset and waits for the device to answer from its new boot. */
export async function resetAndWait(ctx: UpdateContext, why: Text): Promise<BmsIdentity> {
  try {
    await ctx.session.reset();
  } catch (error) {
    // The device may reset before its answer leaves the UART: that is the reset we asked for.
    if (!lostInTransit(error)) throw error;
  }
  return waitForDevice(ctx, why);
}

/** The boot just made must run the new image, through the whole protections sequence. */
export async function inspectBoot(ctx: UpdateContext, identity: BmsIdentity): Promise<void> {
  const hash = ctx.verified!.digest;
  ctx.after = identity;
  const events = (await ctx.session.boot?.bootLog()) ?? [];
  ctx.bootLog = events;
  ctx.emit({ phase: 'test-boot', events });
  for (const e of events) ctx.log('info', text('log.boot', { ms: e.t_ms, phase: e.phase }), e.detail);

  if (identity.in_bootloader || !sameBytes(identity.fw_hash, hash)) {
    const running = identity.in_bootloader ? 'only the bootloader' : `${identity.fw_version} ${bytesToHex(identity.fw_hash).slice(0, 16)}…`;
    const said = (phase: string) => events.find((e) => e.phase === phase);
    const loop = said('boot_loop');
    if (loop) fail('UPDATE_BOOT_LOOP', `${loop.detail}; the device now runs ${running}`);
    const rejected = said('image_rejected');
    if (rejected) fail('UPDATE_IMAGE_NOT_BOOTED', `${rejected.detail}; the device runs ${running}`);
    // It ran, then reset without confirming itself, which is what a firmware does when its self-test fails.
    const revert = said('revert');
    if (revert) fail('UPDATE_SELF_TEST_FAILED', `the new firmware reset before confirming itself (${revert.detail}); the device runs ${running}`);
    fail('UPDATE_IMAGE_NOT_BOOTED', `the new image did not start; the device runs ${running}`);
  }
  // R17's sequence is read from the boot log and the protections from the telemetry; a family without them says so.
  if (!ctx.session.boot || !ctx.session.battery) {
    ctx.warn(`${identity.fw_version} is running; this device reports no boot sequence or protections, so only the running image is proven`);
    return;
  }
  requireSequence(events);
  const telemetry = await ctx.session.battery.telemetry();
  if (telemetry.protections & ProtectionFlag.protectionsSuspended) {
    fail('UPDATE_PROTECTIONS_NOT_RESTORED', 'the telemetry still reports the protections suspended after boot');
  }
  ctx.log('info', text('log.protectionsBack', { version: identity.fw_version }));
}

function requireSequence(events: BootEvent[]): void {
  const at = SEQUENCE.map((phase) => events.findIndex((e) => e.phase === phase));
  const missing = SEQUENCE.filter((_, i) => at[i] < 0);
  if (missing.length > 0) fail('UPDATE_PROTECTIONS_NOT_RESTORED', `the boot log lacks ${missing.join(', ')}`);
  if (!(at[0] < at[1] && at[1] < at[2])) {
    fail('UPDATE_PROTECTIONS_NOT_RESTORED', `boot phases out of order: ${events.map((e) => e.phase).join(' → ')}`);
  }
}
