/**
 * The bookkeeping around the steps: the context they share, the timeline of phases with their times
 * and outcomes, the log, and state notifications. run-update.ts decides the order; this runs one phase.
 */
import { toErrorData, type ErrorData } from '../errors';
import { DEFAULT_SAFETY_LIMITS } from './checks/safety-limits';
import type { UpdateContext, UpdateOptions } from './update-context';
import type { LogEntry, PhaseName, PhaseRecord, UpdateState } from './update-state';
import { DEFAULT_TIMINGS } from './update-timings';
import { throwIfCancelled, wait } from '../wait';
import { render, type Text } from '../../i18n/translate';

export type Step = (ctx: UpdateContext) => Promise<void>;

export interface PhaseRunner {
  ctx: UpdateContext;
  timeline: PhaseRecord[];
  log: LogEntry[];
  /** Runs one step as a phase; returns its error as data (never throws). */
  phase(name: PhaseName, step: Step): Promise<ErrorData | undefined>;
  /** From now on nothing can be cancelled: what runs next is what makes a stop safe (fallback, report). */
  uncancellable(): void;
  emit(state: UpdateState): void;
}

export function createPhaseRunner(image: Uint8Array, options: UpdateOptions, kind: UpdateContext['kind']): PhaseRunner {
  const now = options.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const timeline: PhaseRecord[] = [];
  const log: LogEntry[] = [];
  let current: PhaseName = 'connect';
  let warned = false;
  let signal = options.signal;

  const emit = (state: UpdateState) => {
    try {
      options.onState?.(state, timeline.map((p) => ({ ...p })));
    } catch (error) {
      // A failing display must not stop a flash half-way; it is logged, not rethrown.
      addLog('warn', `state listener failed: ${toErrorData(error).detail}`);
    }
  };
  const addLog = (level: LogEntry['level'], message: Text | string, detail?: string) => {
    const english = typeof message === 'string' ? message : render(message, 'en');
    const entry: LogEntry = { at: iso(), level, phase: current, message: detail ? `${english}: ${detail}` : english };
    if (typeof message !== 'string') entry.text = message;
    if (detail) entry.detail = detail;
    log.push(entry);
    options.log?.(entry);
  };

  const ctx: UpdateContext = {
    kind,
    image,
    session: options.session,
    store: options.store,
    trustedKeys: options.trustedKeys,
    withheldKeys: options.withheldKeys ?? [],
    signer: options.technicianKey,
    answers: options.checklist,
    operatorReadings: options.operatorReadings,
    limits: { ...DEFAULT_SAFETY_LIMITS, ...options.limits },
    timings: { ...DEFAULT_TIMINGS, ...options.timings },
    get signal() {
      return signal;
    },
    sha256: options.sha256,
    now,
    iso,
    log: addLog,
    warn(message) {
      warned = true;
      addLog('warn', message);
    },
    emit,
    wait: (ms) => wait(ms, signal),
    checks: [],
    checklist: [],
    pauses: [],
    bootLog: []
  };

  return {
    ctx,
    timeline,
    log,
    emit,
    uncancellable() {
      signal = undefined;
    },
    async phase(name, step) {
      const record: PhaseRecord = { phase: name, startedAt: iso() };
      const start = now();
      timeline.push(record);
      current = name;
      warned = false;
      try {
        throwIfCancelled(signal, name);
        await step(ctx);
        record.outcome = warned ? 'warn' : 'ok';
        return undefined;
      } catch (error) {
        const data = toErrorData(error);
        record.outcome = 'failed';
        addLog('error', `${name} failed: ${data.code} ${data.detail}`);
        return data;
      } finally {
        record.endedAt = iso();
        record.durationMs = now() - start;
      }
    }
  };
}
