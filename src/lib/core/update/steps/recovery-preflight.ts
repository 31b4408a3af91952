/**
 * R22 pre-flight, with only the bootloader answering: the package must be authentic and made for this
 * hardware, not less secure than the device (R25: equal counters allowed, so the last stable version of
 * the same security level can come back), and sent over a cable. The pack cannot be measured.
 */
import { fail, toErrorData } from '../../errors';
import { verifyImage } from '../../image/verify-image';
import { checkLine, checkText, type CheckResult } from '../checks/check-result';
import { text } from '../../../i18n/translate';
import { checkLink, checkRecoveryLink, unmeasuredInBootloader } from '../checks/device-checks';
import { checkAntiRollback, checkCompatibility, checkPackage } from '../checks/package-checks';
import { explainWithheld } from '../trust-scope';
import type { UpdateContext } from '../update-context';

export async function recoveryPreflight(ctx: UpdateContext): Promise<void> {
  const add = (...checks: CheckResult[]) => {
    ctx.checks.push(...checks);
    ctx.emit({ phase: 'preflight', checks: [...ctx.checks] });
  };
  try {
    ctx.verified = await verifyImage(ctx.image, ctx.trustedKeys, { sha256: ctx.sha256 });
    add(checkPackage({ verified: ctx.verified }));
    add(checkCompatibility(ctx.verified.image, ctx.before!), checkAntiRollback(ctx.verified.image, ctx.before!));
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    add(checkPackage({ error: await explainWithheld(toErrorData(error), ctx.image, ctx.withheldKeys) }));
  }
  add(checkRecoveryLink(ctx.session.link));
  try {
    add(checkLink(await ctx.session.linkTest()));
  } catch (error) {
    const { code, detail } = toErrorData(error);
    add({ id: 'link', requirement: 'R06', status: 'fail', measured: text('check.noReading'), reason: text('check.failedReading', { detail }), code });
  }
  add(...unmeasuredInBootloader());
  for (const c of ctx.checks) ctx.log(c.status === 'pass' ? 'info' : c.status === 'warn' ? 'warn' : 'error', checkLine(c));
  const failed = ctx.checks.find((c) => c.status === 'fail');
  if (failed) {
    const t = checkText(failed, 'en');
    fail(failed.code ?? 'INTERNAL_ERROR', `${t.reason} Measured ${t.measured}; limit ${t.threshold}.`);
  }
  ctx.warn(text('log.recoveryPreflight'));
}
