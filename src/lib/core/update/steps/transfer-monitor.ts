/**
 * Watching the pack during the transfer (R01–R03): between chunks, at most every monitorIntervalMs, the
 * telemetry is judged with the pre-flight checks. Out of the band, the transfer is held at that safe
 * point (the device has a whole chunk or nothing), resumes when all is back in range, and stops cleanly
 * after pauseTimeoutMs; nothing has been activated at that point, so the running firmware is untouched.
 */
import { fail } from '../../errors';
import type { BmsTelemetry } from '../../smp/groups/bms-group';
import type { CheckResult } from '../checks/check-result';
import { checkSoc, checkSupplyDrift, checkTemperature } from '../checks/environment-checks';
import type { UpdateContext } from '../update-context';
import type { TransferPause } from '../update-state';
import { throwIfCancelled } from '../wait';

export function outOfBand(ctx: UpdateContext, t: BmsTelemetry): CheckResult[] {
  const checks = [checkSoc(t, ctx.limits), checkTemperature(t, ctx.limits)];
  if (ctx.supplyBaselineMv) checks.push(checkSupplyDrift(t.supply_mv, ctx.supplyBaselineMv, ctx.limits));
  return checks.filter((c) => c.status === 'fail');
}

const describe = (checks: CheckResult[]) => checks.map((c) => `${c.id} ${c.measured}`).join(', ');

/** The upload's beforeChunk hook; `onPause` tells the step to redraw (pause, or undefined on resume). */
export function transferMonitor(ctx: UpdateContext, onPause: (pause: TransferPause | undefined) => void) {
  let lastSample = -Infinity;
  return async (offset: number): Promise<void> => {
    throwIfCancelled(ctx.signal, 'the transfer');
    if (ctx.now() - lastSample < ctx.timings.monitorIntervalMs) return;
    lastSample = ctx.now();
    let bad = outOfBand(ctx, await ctx.session.telemetry());
    if (bad.length === 0) return;

    const pause: TransferPause = { checks: bad, since: ctx.iso() };
    const started = ctx.now();
    ctx.pauses.push(pause);
    ctx.warn(`transfer held at byte ${offset}: ${describe(bad)} outside the safe band`);
    onPause(pause);
    while (bad.length > 0) {
      const heldMs = ctx.now() - started;
      if (heldMs >= ctx.timings.pauseTimeoutMs) {
        fail(
          bad[0].code!,
          `${describe(bad)} (limit ${bad[0].threshold}) during the transfer; held ${Math.round(heldMs / 1000)} s at byte ` +
            `${offset} without returning to the band, so the transfer stopped before anything was activated`
        );
      }
      await ctx.wait(ctx.timings.pausePollMs);
      bad = outOfBand(ctx, await ctx.session.telemetry());
    }
    lastSample = ctx.now();
    ctx.log('info', `back in the safe band after ${Math.round((ctx.now() - started) / 1000)} s: resuming at byte ${offset}`);
    onPause(undefined);
  };
}
