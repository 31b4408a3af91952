import { fail } from '../../errors';
import { renewSession } from './authenticate';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

/** R20: before the pack returns to service, every bleed resistor must be seen pulling its cell down. */
export async function balanceCheck(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'balance-check' });
  const reports = ctx.session.reports;
  if (!reports) {
    // Not skipped in silence: without the test the report cannot say the pack is fit for service.
    ctx.warn('this device has no balance test: check cell balancing by other means before the pack returns to service');
    return;
  }
  // The test drives the bleed resistors: a protected write, and the last reset ended the session.
  await renewSession(ctx);
  const report = await reports.balanceTest();
  ctx.balanceTest = report;
  ctx.emit({ phase: 'balance-check', report });
  for (const c of report.cells) {
    ctx.log(c.ok ? 'info' : 'error', text('log.balanceCell', { cell: c.index + 1, before: c.before_mv, after: c.after_mv, verdict: text(c.ok ? 'log.ok' : 'log.fail') }));
  }
  const bad = report.cells.filter((c) => !c.ok);
  if (!report.pass || bad.length > 0) {
    fail('UPDATE_BALANCE_TEST_FAILED', bad.length ? `cells ${bad.map((c) => c.index + 1).join(', ')} did not balance` : 'the device reports a failure');
  }
  ctx.log('info', text('log.balanceOk', { cells: report.cells.length }));
}
