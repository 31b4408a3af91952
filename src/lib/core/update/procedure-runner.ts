/**
 * Runs a procedure's stages in order and turns what happened into an outcome and a saved report:
 *   before any write  fails → blocked
 *   install           fails → aborted (nothing activated)
 *   acceptance        fails → fallback (proven: rolled-back; not proven or no fallback: failed)
 *   return to service        issues recorded; the outcome stays updated
 * It never throws: the final state carries the error as data and the report.
 */
import { toErrorData, type ErrorData } from '../errors';
import { sameBytes } from '../image/same-bytes';
import { buildReport } from '../report/build-report';
import type { UpdateReport } from '../report/update-report';
import type { UpdateOptions } from './update-context';
import { createPhaseRunner, type Step, type PhaseRunner } from './phase-runner';
import type { FinalState, PhaseName, UpdateOutcome } from './update-state';

export type Stage = ReadonlyArray<readonly [PhaseName, Step]>;

export interface Procedure {
  kind: UpdateReport['kind'];
  beforeWrite: Stage;
  install: Stage;
  acceptance: Stage;
  /** brings the previous image back after a failed acceptance; none when there is nothing to return to */
  fallback?: Step;
  returnToService: Stage;
}

export async function runProcedure(procedure: Procedure, image: Uint8Array, options: UpdateOptions): Promise<FinalState> {
  const run = createPhaseRunner(image, options, procedure.kind);
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
  let error = await stage(procedure.beforeWrite);
  if (error) {
    outcome = 'blocked';
  } else if ((error = await stage(procedure.install))) {
    outcome = 'aborted';
    await noteWhatRuns(run);
  } else if ((error = await stage(procedure.acceptance))) {
    // From here a stop is made safe by the fallback itself, so it cannot be cancelled.
    run.uncancellable();
    run.ctx.cause = error;
    if (run.ctx.session.family.bootloader.fallback !== 'swap') {
      // No fallback bank: nothing can be rolled back, so nothing is claimed; what runs is read and said.
      outcome = await withoutFallback(run);
    } else {
      const fallbackError = procedure.fallback ? await run.phase('fallback', procedure.fallback) : error;
      outcome = procedure.fallback && !fallbackError ? 'rolled-back' : 'failed';
      error = fallbackError ?? error;
    }
  } else {
    outcome = 'updated';
    for (const [name, step] of procedure.returnToService) {
      const issue = await run.phase(name, step);
      if (issue) run.ctx.cause ??= issue;
    }
  }
  return finish(run, { kind: procedure.kind, startedAt, outcome, error, failedIn: failedIn ?? 'report', tool: options.tool });
}

/** After an abort the new image was never activated; record what runs, without waiting on a lost device. */
async function noteWhatRuns(run: PhaseRunner): Promise<void> {
  try {
    run.ctx.after = await run.ctx.session.identity();
    run.ctx.log('info', `the device runs ${run.ctx.after.in_bootloader ? 'its bootloader' : run.ctx.after.fw_version}; the new image was not activated`);
  } catch {
    run.ctx.log('warn', 'the device does not answer; the new image was not activated');
  }
}

/**
 * A family without a fallback bank failed its acceptance: the previous firmware still running and confirmed
 * means the new image never started (aborted, nothing activated); anything else is not a known state.
 */
async function withoutFallback(run: PhaseRunner): Promise<UpdateOutcome> {
  const { ctx } = run;
  try {
    const identity = await ctx.session.identity();
    const active = (await ctx.session.imageState()).find((s) => s.active);
    ctx.after = identity;
    ctx.afterConfirmed = active?.confirmed;
    if (ctx.before && !identity.in_bootloader && sameBytes(identity.fw_hash, ctx.before.fw_hash) && active?.confirmed) {
      ctx.log('warn', `no rollback happened or was needed: the bootloader did not start the new image and ${identity.fw_version} still runs, confirmed, as before`);
      return 'aborted';
    }
    ctx.log('error', `this device has no fallback bank and now runs ${identity.in_bootloader ? 'only its bootloader' : `${identity.fw_version}${active?.confirmed ? '' : ' unconfirmed'}`}`);
  } catch (error) {
    ctx.log('error', `this device has no fallback bank and does not answer: ${toErrorData(error).code}`);
  }
  return 'failed';
}

interface Ending {
  kind: UpdateReport['kind'];
  startedAt: string;
  outcome: UpdateOutcome;
  error?: ErrorData;
  failedIn: PhaseName;
  tool?: string;
}

async function finish(run: PhaseRunner, end: Ending): Promise<FinalState> {
  run.uncancellable();
  const { ctx } = run;
  const issue = end.outcome === 'updated' ? ctx.cause : end.error;
  const build = () =>
    buildReport(ctx, {
      kind: end.kind,
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
