/**
 * THE safe update procedure (GitHub issue 5), as named phases run in order:
 *
 *   before any write   connect → identify → preflight → checklist → authenticate → backup   (fail: blocked)
 *   install            transfer → verify-on-device                                          (fail: aborted)
 *   acceptance         test-boot → self-test → confirm                     (fail: fallback → rolled-back)
 *   return to service  balance-check, config-check                 (issues recorded, update stays done)
 *   always             report
 *
 * It never throws: the final state carries the outcome, the error as data and the report, so it
 * crosses a worker boundary intact. See docs/update-procedure.md.
 */
import { buildReport } from '../report/build-report';
import type { ErrorData } from '../errors';
import type { UpdateOptions } from './update-context';
import { createRun, type Step, type UpdateRun } from './update-run';
import type { FinalState, PhaseName, UpdateOutcome } from './update-state';
import { authenticate } from './steps/authenticate';
import { backup } from './steps/backup';
import { balanceCheck } from './steps/balance-check';
import { checklist } from './steps/checklist';
import { configCheck } from './steps/config-check';
import { confirm } from './steps/confirm';
import { connect } from './steps/connect';
import { fallback } from './steps/fallback';
import { identify } from './steps/identify';
import { preflight } from './steps/preflight';
import { selfTest } from './steps/self-test';
import { testBoot } from './steps/test-boot';
import { transfer } from './steps/transfer';
import { verifyOnDevice } from './steps/verify-on-device';

type Stage = ReadonlyArray<readonly [PhaseName, Step]>;

const BEFORE_WRITE: Stage = [
  ['connect', connect],
  ['identify', identify],
  ['preflight', preflight],
  ['checklist', checklist],
  ['authenticate', authenticate],
  ['backup', backup]
];
const INSTALL: Stage = [
  ['transfer', transfer],
  ['verify-on-device', verifyOnDevice]
];
const ACCEPTANCE: Stage = [
  ['test-boot', testBoot],
  ['self-test', selfTest],
  ['confirm', confirm]
];
const RETURN_TO_SERVICE: Stage = [
  ['balance-check', balanceCheck],
  ['config-check', configCheck]
];

export async function runUpdate(image: Uint8Array, options: UpdateOptions): Promise<FinalState> {
  const run = createRun(image, options);
  const startedAt = run.ctx.iso();
  let failedIn: PhaseName | undefined;
  const stage = async (steps: Stage): Promise<ErrorData | undefined> => {
    for (const [name, step] of steps) {
      const error = await run.phase(name, step);
      if (error) {
        failedIn ??= name;
        return error;
      }
    }
    return undefined;
  };

  let outcome: UpdateOutcome;
  let error = await stage(BEFORE_WRITE);
  if (error) {
    outcome = 'blocked';
  } else if ((error = await stage(INSTALL))) {
    outcome = 'aborted';
    await noteWhatRuns(run);
  } else if ((error = await stage(ACCEPTANCE))) {
    run.uncancellable();
    run.ctx.cause = error;
    const fallbackError = await run.phase('fallback', fallback);
    outcome = fallbackError ? 'failed' : 'rolled-back';
    error = fallbackError ?? error;
  } else {
    outcome = 'updated';
    for (const [name, step] of RETURN_TO_SERVICE) {
      const issue = await run.phase(name, step);
      if (issue) run.ctx.cause ??= issue;
    }
  }
  return finish(run, { startedAt, outcome, error, failedIn: failedIn ?? 'report', tool: options.tool });
}

/** After an abort the new image was never activated; record what runs, without waiting on a lost device. */
async function noteWhatRuns(run: UpdateRun): Promise<void> {
  try {
    run.ctx.after = await run.ctx.session.identity();
    run.ctx.log('info', `the device still runs ${run.ctx.after.fw_version}; the new image was not activated`);
  } catch {
    run.ctx.log('warn', 'the device does not answer; the new image was not activated, so it boots its previous firmware');
  }
}

async function finish(
  run: UpdateRun,
  end: { startedAt: string; outcome: UpdateOutcome; error?: ErrorData; failedIn: PhaseName; tool?: string }
): Promise<FinalState> {
  run.uncancellable();
  const { ctx } = run;
  const issue = end.outcome === 'updated' ? ctx.cause : end.error;
  const build = () =>
    buildReport(ctx, {
      kind: 'update',
      tool: end.tool ?? 'bms-flasher',
      startedAt: end.startedAt,
      finishedAt: ctx.iso(),
      phases: run.timeline.filter((p) => p.phase !== 'report'),
      log: run.log,
      outcome: end.outcome,
      error: issue
    });
  let report = build();
  const saveError = await run.phase('report', async () => {
    ctx.emit({ phase: 'report' });
    ctx.log('info', `report ${report.id}: ${end.outcome}`);
    report = build();
    await ctx.store.reports.save(report);
  });
  // Not saved: the returned copy says why, so the UI can still show and export it.
  if (saveError) report = build();
  const final: FinalState =
    end.outcome === 'updated' || end.outcome === 'rolled-back'
      ? { phase: 'done', outcome: end.outcome, report, cause: issue }
      : { phase: 'failed', outcome: end.outcome, failedIn: end.failedIn, error: end.error!, report };
  run.emit(final);
  return final;
}
