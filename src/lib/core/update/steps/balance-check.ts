import { fail } from '../../errors';
import { authenticate } from '../../family/authenticate';
import type { UpdateContext } from '../update-context';
import { text } from '../../../i18n/translate';

/** R20: before the pack returns to service, every bleed resistor must be seen pulling its cell down. */
export async function balanceCheck(ctx: UpdateContext): Promise<void> {
  ctx.emit({ phase: 'balance-check' });
  // The test drives the bleed resistors: a protected write, and the last reset ended the session.
  await authenticate(ctx.session, ctx.signer, ctx.before!.serial);
  const report = await ctx.session.balanceTest();
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
