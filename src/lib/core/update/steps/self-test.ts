/** R18: the new firmware's own self-test (calibration ±0.5 %, temperature sensors, RS485, CAN) must all pass. */
import { fail } from '../../errors';
import type { UpdateContext } from '../update-context';

export async function selfTest(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'self-test' });
  const deadline = ctx.now() + ctx.timings.selfTestTimeoutMs;
  let report = await ctx.session.selfTest();
  while (!report.done) {
    if (ctx.now() >= deadline) fail('UPDATE_SELF_TEST_FAILED', `not finished ${ctx.timings.selfTestTimeoutMs} ms after boot`);
    await ctx.wait(ctx.timings.selfTestPollMs);
    report = await ctx.session.selfTest();
  }
  ctx.selfTest = report;
  ctx.emit({ phase: 'self-test', report });
  for (const item of report.items) {
    ctx.log(item.pass ? 'info' : 'error', `self-test ${item.name}: ${item.pass ? 'pass' : 'FAIL'} (${item.value} / limit ${item.limit}) ${item.detail}`);
  }
  const failed = report.items.filter((i) => !i.pass);
  if (!report.pass || failed.length > 0) {
    fail('UPDATE_SELF_TEST_FAILED', failed.map((i) => `${i.name}: ${i.detail} (${i.value}, limit ${i.limit})`).join('; ') || 'the device reports a failure');
  }
  ctx.log('info', 'self-test OK');
}
