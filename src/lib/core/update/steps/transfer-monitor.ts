/**
 * Watching the pack during the transfer (R01–R03). Telemetry is judged every monitorIntervalMs with the
 * pre-flight checks while chunks flow. Out of the band, the transfer is held: the upload is stopped,
 * which leaves the device with whole acknowledged chunks only (a safe point), and the pack is watched
 * until all is back in range, then the upload resumes from the device's offset. Held longer than
 * pauseTimeoutMs, the transfer stops cleanly: nothing was activated, the running firmware is untouched.
 */
import { fail, isBmsError, toErrorData } from '../../errors';
import type { BmsTelemetry } from '../../protocol/smp/groups/bms-group';
import { checkText, type CheckResult } from '../checks/check-result';
import { checkSoc, checkSupplyDrift, checkTemperature } from '../checks/environment-checks';
import type { UpdateContext } from '../update-context';
import type { TransferPause } from '../update-state';
import { wait } from '../../wait';
import { text } from '../../../i18n/translate';

export function outOfBand(ctx: UpdateContext, t: BmsTelemetry): CheckResult[] {
  const checks = [checkSoc(t, ctx.limits), checkTemperature(t, ctx.limits)];
  if (ctx.supplyBaselineMv) checks.push(checkSupplyDrift(t.supply_mv, ctx.supplyBaselineMv, ctx.limits));
  return checks.filter((c) => c.status === 'fail');
}

const describe = (checks: CheckResult[]) => checks.map((c) => `${c.id} ${checkText(c, 'en').measured}`).join(', ');

/**
 * Samples until `stop` aborts; resolves with the failing checks the first time the pack leaves the band.
 * A reading lost to the link is skipped: the upload meets the same loss and handles it.
 */
export async function watchConditions(ctx: UpdateContext, stop: AbortSignal): Promise<CheckResult[] | undefined> {
  for (;;) {
    try {
      await wait(ctx.timings.monitorIntervalMs, stop);
    } catch {
      return undefined;
    }
    try {
      const bad = outOfBand(ctx, await ctx.session.battery!.telemetry());
      if (stop.aborted) return undefined;
      if (bad.length > 0) return bad;
    } catch (error) {
      if (stop.aborted) return undefined;
      ctx.log('warn', text('log.telemetryFailed', { code: toErrorData(error).code }));
    }
  }
}

/** The transfer is stopped: wait for the pack to return to the band, or give up after pauseTimeoutMs. */
export async function holdUntilSafe(
  ctx: UpdateContext,
  first: CheckResult[],
  offset: number,
  onPause: (pause: TransferPause | undefined) => void
): Promise<void> {
  const pause: TransferPause = { checks: first, since: ctx.iso() };
  const started = ctx.now();
  ctx.pauses.push(pause);
  ctx.warn(text('log.transferHeld', { offset, checks: describe(first) }));
  onPause(pause);
  let bad = first;
  while (bad.length > 0) {
    const heldMs = ctx.now() - started;
    if (heldMs >= ctx.timings.pauseTimeoutMs) {
      fail(
        bad[0].code!,
        `${describe(bad)} (limit ${checkText(bad[0], 'en').threshold}) during the transfer; held ${Math.round(heldMs / 1000)} s at byte ` +
          `${offset} without returning to the band, so the transfer stopped before anything was activated`
      );
    }
    await ctx.wait(ctx.timings.pausePollMs);
    try {
      bad = outOfBand(ctx, await ctx.session.battery!.telemetry());
    } catch (error) {
      if (!isBmsError(error) || error.code === 'CANCELLED') throw error;
      ctx.log('warn', text('log.telemetryHeld', { code: error.code }));
    }
  }
  ctx.log('info', text('log.backInBand', { seconds: Math.round((ctx.now() - started) / 1000), offset }));
  onPause(undefined);
}
