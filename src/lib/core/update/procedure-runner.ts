/**
 * Runs a procedure's stages in order, then reads the device back and judges the outcome from that
 * reading (read-back.ts), never from the path taken:
 *   before any write  fails → blocked (nothing written)
 *   install           fails → aborted, when the previous image is read back running
 *   acceptance        fails → fallback, then rolled-back when the previous image is read back confirmed
 *   return to service        issues recorded; updated, or settings-changed when settings differ
 *   an operator stop at any point → cancelled: nothing more is done to the device, what runs is read back
 *   no answer after a write, or an unknown image → failed (the tool cannot know; use recovery)
 * It never throws: the final state carries the error as data and the report.
 */
import type { ErrorData } from '../errors';
import { buildReport } from '../report/build-report';
import { outcomeText } from '../report/report-sections';
import type { UpdateReport } from '../report/update-report';
import { describeRunning, judgeOutcome, pendingVersion, readBack, type RunFacts } from './read-back';
import type { UpdateOptions } from './update-context';
import { createPhaseRunner, type Step, type PhaseRunner } from './phase-runner';
import type { FinalState, PhaseName, UpdateOutcome } from './update-state';
import { text } from '../../i18n/translate';

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
  const cancelled = () => options.signal?.aborted === true;
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

  const fallbackBank = run.ctx.session.family.bootloader.fallback === 'swap';
  let stoppedIn: RunFacts['stoppedIn'];
  let byOperator = false;
  let fallbackError: ErrorData | undefined;
  let error = await stage(procedure.beforeWrite);
  if (error) {
    stoppedIn = 'before-write';
    byOperator = cancelled();
  } else if ((error = await stage(procedure.install))) {
    stoppedIn = 'install';
    byOperator = cancelled();
  } else if ((error = await stage(procedure.acceptance))) {
    stoppedIn = 'acceptance';
    byOperator = cancelled();
    // An operator stop after activation leaves the device alone: its own firmware decides (confirms
    // itself or reverts), and the read-back says which. Any other failure goes to the fallback, which
    // is what makes the stop safe, so it cannot be cancelled.
    if (!byOperator && !fallbackBank) {
      // Nothing to fall back to: no reset to revert, no rollback claimed; the read-back says what runs.
      run.ctx.cause = error;
      run.ctx.log('warn', `no fallback bank on this device: nothing can be rolled back; reading back what runs after ${error.code}`);
    } else if (!byOperator && procedure.fallback) {
      run.uncancellable();
      run.ctx.cause = error;
      fallbackError = await run.phase('fallback', procedure.fallback);
    }
  } else {
    for (const [name, step] of procedure.returnToService) {
      const issue = await run.phase(name, step);
      if (issue && cancelled()) {
        [stoppedIn, byOperator, error, failedIn] = ['return-to-service', true, issue, name];
        break;
      }
      if (issue) run.ctx.cause ??= issue;
    }
  }
  run.uncancellable();
  if (byOperator && error && error.code !== 'CANCELLED') {
    error = { code: 'CANCELLED', detail: `stopped by the operator during ${failedIn} (${error.code}: ${error.detail})` };
  }
  const judgement = judgeOutcome({
    stoppedIn,
    cancelled: byOperator,
    readBack: await settle(run, stoppedIn !== 'before-write'),
    configChanged: (run.ctx.configChanges?.length ?? 0) > 0,
    fallbackBank
  });
  if (!fallbackBank && judgement.outcome === 'aborted' && stoppedIn === 'acceptance') {
    run.ctx.log('warn', 'no rollback happened or was needed: the bootloader did not start the new image and the previous firmware still runs, confirmed, as before');
  }
  // The reading outranks the path: "not known" replaces whatever the path believed, and a fallback that
  // could not prove itself matters only when the reading does not prove the previous image either.
  const pathError = judgement.outcome === 'failed' ? (fallbackError ?? error) : error;
  const finalError = judgement.error?.code === 'UPDATE_STATE_UNKNOWN' ? withCause(judgement.error, pathError) : (pathError ?? judgement.error);
  return finish(run, { kind: procedure.kind, startedAt, outcome: judgement.outcome, error: finalError, failedIn: failedIn ?? 'report', tool: options.tool });
}

/** Reads the device back; `after` and its confirmation in the report are this reading and nothing older. */
async function settle(run: PhaseRunner, written: boolean) {
  const { ctx } = run;
  const reading = await readBack(ctx, written);
  ctx.after = reading?.identity;
  ctx.afterConfirmed = reading?.confirmed;
  ctx.readBackAt = reading?.at;
  ctx.pendingAfter = reading && pendingVersion(reading);
  if (reading) ctx.log('info', text('log.readBack', { running: describeRunning(reading) }));
  else if (written) ctx.log('error', text('log.readBackSilent'));
  return reading;
}

const withCause = (error: ErrorData, cause: ErrorData | undefined): ErrorData =>
  cause ? { ...error, detail: `${error.detail} (the run had stopped on ${cause.code}: ${cause.detail})` } : error;

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
  const done = end.outcome === 'updated' || end.outcome === 'settings-changed' || end.outcome === 'rolled-back';
  const issue = end.outcome === 'updated' || end.outcome === 'settings-changed' ? (ctx.cause ?? settingsIssue(ctx)) : end.error;
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
    ctx.log('info', text('log.report', { id: report.id, outcome: outcomeText(end.outcome) }));
    report = build();
    await ctx.store.reports.save(report);
  });
  // Not saved: the returned copy says why, so the UI can still show and export it.
  if (saveError) report = build();
  const final: FinalState = done
    ? { phase: 'done', outcome: end.outcome as Extract<FinalState, { phase: 'done' }>['outcome'], report, cause: issue }
    : { phase: 'failed', outcome: end.outcome as Extract<FinalState, { phase: 'failed' }>['outcome'], failedIn: end.failedIn, error: end.error!, report };
  run.emit(final);
  return final;
}

/** The settings the update changed, as the issue that keeps the pack from returning to service. */
function settingsIssue(ctx: PhaseRunner['ctx']): ErrorData | undefined {
  const changes = ctx.configChanges ?? [];
  if (changes.length === 0) return undefined;
  return { code: 'UPDATE_CONFIG_RESET', detail: `${changes.length} setting(s) differ from backup ${ctx.backup?.id}: ${changes.map((c) => c.key).join(', ')}` };
}
