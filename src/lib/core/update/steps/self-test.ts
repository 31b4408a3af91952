/** R18: the new firmware's own self-test (calibration ±0.5 %, temperature sensors, RS485, CAN) must all pass. */
import { fail } from '../../errors';
import { sameBytes } from '../../image/same-bytes';
import type { SelfTestReport } from '../../protocol/smp/groups/bms-group';
import { surviveLoss } from '../device-contact';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

export async function selfTest(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'self-test' });
  if (!ctx.session.reports) {
    ctx.warn('this device reports no self-test: the tool proves only that the new image runs, not that the pack is measured correctly');
    return;
  }
  const report = await surviveLoss(ctx, text('log.why.selfTest'), () => awaitSelfTest(ctx));
  ctx.selfTest = report;
  ctx.emit({ phase: 'self-test', report });
  for (const item of report.items) {
    ctx.log(item.pass ? 'info' : 'error', text('log.selfTestItem', { name: item.name, verdict: text(item.pass ? 'log.ok' : 'log.fail'), value: item.value, limit: item.limit }), item.detail);
  }
  const failed = report.items.filter((i) => !i.pass);
  if (!report.pass || failed.length > 0) {
    fail('UPDATE_SELF_TEST_FAILED', failed.map((i) => `${i.name}: ${i.detail} (${i.value}, limit ${i.limit})`).join('; ') || 'the device reports a failure');
  }
  ctx.log('info', text('log.selfTestOk'));
}

/** Polls until the firmware finished its self-test; the new image must still be the one running. */
async function awaitSelfTest(ctx: UpdateContext): Promise<SelfTestReport> {
  const identity = await ctx.session.identity();
  if (!sameBytes(identity.fw_hash, ctx.verified!.digest)) {
    fail('UPDATE_SELF_TEST_FAILED', `the new firmware reset before its self-test report was read; the device runs ${identity.fw_version} again`);
  }
  const deadline = ctx.now() + ctx.timings.selfTestTimeoutMs;
  const reports = ctx.session.reports!;
  let report = await reports.selfTest();
  while (!report.done) {
    if (ctx.now() >= deadline) fail('UPDATE_SELF_TEST_FAILED', `not finished ${ctx.timings.selfTestTimeoutMs} ms after boot`);
    await ctx.wait(ctx.timings.selfTestPollMs);
    report = await reports.selfTest();
  }
  return report;
}
