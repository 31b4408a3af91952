/**
 * Every measured condition before any byte is written (R01–R03, R06–R08, R10, R11, R13, R25). All
 * checks run, so the operator sees everything to fix at once; any failure blocks the update.
 */
import { fail, toErrorData } from '../../errors';
import { verifyImage } from '../../image/verify-image';
import { checkLine, checkText, type CheckId, type CheckResult } from '../checks/check-result';
import { text } from '../../../i18n/translate';
import { checkBanks, checkBootloader, checkLink } from '../checks/device-checks';
import { checkOperatorReadings, unmeasuredSupply } from '../checks/operator-readings';
import { checkSoc, checkSupply, checkTemperature, supplyStats } from '../checks/environment-checks';
import { checkAntiRollback, checkCompatibility, checkInterface, checkPackage } from '../checks/package-checks';
import { explainWithheld } from '../trust-scope';
import type { UpdateContext } from '../update-context';

export async function preflight(ctx: UpdateContext): Promise<void> {
  const add = (...checks: CheckResult[]) => {
    ctx.checks.push(...checks);
    ctx.emit({ phase: 'preflight', checks: [...ctx.checks] });
  };
  /** A reading that fails to come back is itself a failed check, with the link error's code. */
  const measure = async (id: CheckId, requirement: string, run: () => Promise<CheckResult[]>) => {
    try {
      add(...(await run()));
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      const { code, detail } = toErrorData(error);
      add({ id, requirement, status: 'fail', measured: text('check.noReading'), reason: text('check.failedReading', { detail }), code });
    }
  };
  const device = ctx.before!;
  add();

  try {
    ctx.verified = await verifyImage(ctx.image, ctx.trustedKeys, { sha256: ctx.sha256 });
    add(checkPackage({ verified: ctx.verified }));
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    // An unauthenticated package's metadata is not interpreted (compatibility, counter, safety flag).
    add(checkPackage({ error: await explainWithheld(toErrorData(error), ctx.image, ctx.withheldKeys) }));
  }
  if (ctx.verified) {
    const image = ctx.verified.image;
    add(checkCompatibility(image, device, ctx.session.family.reports), checkAntiRollback(image, device), checkInterface(image, ctx.session.link));
  }
  add(checkBanks(ctx.slotsBefore ?? []), checkBootloader(ctx.session.family));
  await measure('link', 'R06', async () => [checkLink(await ctx.session.linkTest())]);
  const battery = ctx.session.battery;
  if (!battery) {
    // Nothing measured is skipped: the operator's readings face the same limits, the supply is said unmeasurable.
    add(...checkOperatorReadings(ctx.operatorReadings, ctx.limits), unmeasuredSupply());
  } else {
    await measure('soc', 'R01 R02', async () => {
      const t = await battery.telemetry();
      return [checkSoc(t, ctx.limits), checkTemperature(t, ctx.limits)];
    });
    await measure('supply', 'R03', async () => {
      const readings: number[] = [];
      for (let i = 0; i < ctx.limits.supplySamples; i++) {
        if (i > 0) await ctx.wait(ctx.limits.supplySampleIntervalMs);
        readings.push((await battery.telemetry()).supply_mv);
      }
      ctx.supplyBaselineMv = supplyStats(readings).meanMv;
      return [checkSupply(readings, ctx.limits)];
    });
  }

  for (const check of ctx.checks) {
    ctx.log(check.status === 'pass' ? 'info' : check.status === 'warn' ? 'warn' : 'error', checkLine(check));
  }
  const failed = ctx.checks.filter((c) => c.status === 'fail');
  if (failed.length > 0) {
    const first = failed[0];
    const others = failed.length > 1 ? ` (also failed: ${failed.slice(1).map((c) => c.id).join(', ')})` : '';
    const t = checkText(first, 'en');
    fail(first.code ?? 'INTERNAL_ERROR', `${t.reason} Measured ${t.measured}; limit ${t.threshold}.${others}`);
  }
  if (ctx.checks.some((c) => c.status === 'warn')) ctx.warn(text('log.preflightWarnings'));
}
