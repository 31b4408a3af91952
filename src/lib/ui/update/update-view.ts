/**
 * What the Update page draws from the procedure's states, as pure data: the phases with their times
 * and outcomes, the transfer numbers, the R17 reboot sequence, and whether this is a moment where the
 * battery must not be unplugged or where a stop is safe.
 */
import type { BootEvent } from '../../core/protocol/smp/groups/bms-group';
import type { MessageKey } from '../../i18n/translate';
import { PHASES, type PhaseName, type PhaseRecord, type UpdateState } from '../../core/update/update-state';

export const PHASE_LABEL: Record<PhaseName, MessageKey> = {
  connect: 'update.phase.connect',
  identify: 'update.phase.identify',
  preflight: 'update.phase.preflight',
  checklist: 'update.phase.checklist',
  authenticate: 'update.phase.authenticate',
  backup: 'update.phase.backup',
  transfer: 'update.phase.transfer',
  'verify-on-device': 'update.phase.verifyOnDevice',
  'test-boot': 'update.phase.testBoot',
  'self-test': 'update.phase.selfTest',
  confirm: 'update.phase.confirm',
  fallback: 'update.phase.fallback',
  'balance-check': 'update.phase.balanceCheck',
  'config-check': 'update.phase.configCheck',
  report: 'update.phase.report'
};

export type PhaseStatus = 'pending' | 'running' | 'ok' | 'warn' | 'failed';

export interface PhaseRow {
  phase: PhaseName;
  status: PhaseStatus;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
}

/** Phases that only run when something went wrong, shown only once they started. */
const ON_FAILURE: ReadonlySet<PhaseName> = new Set(['fallback']);

/** Every phase of the procedure in order: those in the timeline as recorded, the rest still pending. */
export function phaseRows(timeline: readonly PhaseRecord[], finished: boolean): PhaseRow[] {
  const byPhase = new Map(timeline.map((record) => [record.phase, record]));
  return PHASES.filter((phase) => byPhase.has(phase) || !ON_FAILURE.has(phase)).flatMap((phase): PhaseRow[] => {
    const record = byPhase.get(phase);
    if (!record) return finished ? [] : [{ phase, status: 'pending' }];
    const status: PhaseStatus = record.outcome ?? (finished ? 'failed' : 'running');
    return [{ phase, status, startedAt: record.startedAt, endedAt: record.endedAt, durationMs: record.durationMs }];
  });
}

export interface TransferView {
  sent: number;
  total: number;
  /** 0–100, one decimal */
  percent: number;
  bytesPerSecond: number;
  /** seconds left at the current rate; undefined until a rate is known */
  etaSeconds?: number;
  /** how many times the transfer recovered from a lost link (R16) */
  restarts: number;
  /** held (pack out of band) or waiting for a lost device: no time left can be promised */
  held: boolean;
}

export function transferView(state: Extract<UpdateState, { phase: 'transfer' }>): TransferView {
  const { sent, total, bytesPerSecond, restarts } = state;
  const percent = total > 0 ? Math.floor((sent / total) * 1000) / 10 : 0;
  const held = state.paused !== undefined || state.lost !== undefined;
  const etaSeconds = !held && bytesPerSecond > 0 ? Math.ceil((total - sent) / bytesPerSecond) : undefined;
  return { sent, total, percent, bytesPerSecond, etaSeconds, restarts, held };
}

/** R17: the three steps the tool shows after the reset into the new firmware, in this order. */
export const REBOOT_STEPS = ['protections_off', 'firmware_loaded', 'protections_on'] as const;
export type RebootStep = (typeof REBOOT_STEPS)[number];

export interface RebootStepView {
  step: RebootStep;
  /** device time since its reset, when the boot log reported the step */
  atMs?: number;
  /** seen in order after the previous steps */
  done: boolean;
}

export function rebootSequence(events: readonly BootEvent[]): RebootStepView[] {
  let from = 0;
  return REBOOT_STEPS.map((step) => {
    const index = events.findIndex((e, i) => i >= from && e.phase === step);
    if (index < 0) return { step, done: false };
    from = index + 1;
    return { step, atMs: events[index].t_ms, done: true };
  });
}

/** The procedure's phases from `first` to `last`, both included, in their order. */
function phaseSpan(first: PhaseName, last: PhaseName): ReadonlySet<UpdateState['phase']> {
  return new Set(PHASES.slice(PHASES.indexOf(first), PHASES.indexOf(last) + 1));
}

/** From the first flash write until the device proved which firmware runs: cutting power now is the risk. */
const CRITICAL = phaseSpan('transfer', 'fallback');

export function mustNotUnplug(phase: UpdateState['phase']): boolean {
  return CRITICAL.has(phase);
}

/**
 * A stop is offered at every phase but the fallback (which is what makes a failure safe) and the report.
 * Before activation it leaves the running firmware untouched (the upload stops at an acknowledged chunk);
 * after it, the device is left alone and what it runs is read back.
 */
const CANCELLABLE = new Set<UpdateState['phase']>([...phaseSpan('connect', 'config-check')].filter((p) => p !== 'fallback'));
const ACTIVATED = phaseSpan('test-boot', 'config-check');

export function canCancel(phase: UpdateState['phase']): boolean {
  return CANCELLABLE.has(phase);
}

/** Whether a stop now leaves a new image in place (on test or confirmed) rather than the old one untouched. */
export function stopLeavesNewImage(phase: UpdateState['phase']): boolean {
  return ACTIVATED.has(phase);
}
