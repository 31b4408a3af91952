/**
 * Every way a command can end, as a documented exit status (README "Command line", docs/update-procedure.md).
 * `flash` maps its outcome, which the procedure judged from what it read back from the device; an
 * operator stop maps to the shell's usual 128 + signal number.
 */
import { BmsError } from '../src/lib/core/errors';
import type { FinalState } from '../src/lib/core/update/update-state';

export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  blocked: 3,
  aborted: 4,
  rolledBack: 5,
  notProven: 6,
  settingsChanged: 7,
  notFitForService: 8,
  interrupted: 130,
  terminated: 143
} as const;

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** One line per status, for `--help` and the docs. */
export const EXIT_TABLE = `Exit status:
  0    success; for flash: updated, the new firmware runs, confirmed, and the pack is fit for service
  1    other errors (a file, a key, the port could not be opened)
  2    usage: an unknown command or option, a missing argument
  flash only, its outcome as read back from the device at the end:
  3    blocked before any write: the device is unchanged
  4    aborted before activation: the previous firmware was read back, still running
  5    rolled back: the previous firmware was read back running and confirmed
  6    not proven: the device did not answer after a write, or runs an unexpected image; use recovery
  7    updated, settings changed: restore them before the pack returns to service
  8    updated, not fit for service: a check after the confirmation failed or did not run
  130  stopped by Ctrl-C (SIGINT); 143 stopped by SIGTERM (any command; flash then says what the
       device runs, read back after the stop)`;

export function flashExitStatus(final: FinalState, stoppedBy: StopSignal | undefined): number {
  switch (final.outcome) {
    case 'updated':
      return final.report.returnToService ? EXIT.ok : EXIT.notFitForService;
    case 'settings-changed':
      return EXIT.settingsChanged;
    case 'unfinished':
      return EXIT.notFitForService;
    case 'rolled-back':
      return EXIT.rolledBack;
    case 'blocked':
      return EXIT.blocked;
    case 'aborted':
      return EXIT.aborted;
    case 'cancelled':
      return interruptedStatus(stoppedBy ?? 'SIGINT');
    case 'failed':
      return EXIT.notProven;
  }
}

/** The reason a command's signal carries when Ctrl-C (SIGINT) or SIGTERM stopped it. */
export class Interrupted extends BmsError {
  readonly by: StopSignal;
  constructor(by: StopSignal) {
    super('CANCELLED', `stopped by ${by === 'SIGINT' ? 'Ctrl-C (SIGINT)' : 'SIGTERM'}`);
    this.by = by;
  }
}

/** Which signal stopped the command, when one did (deps.signal aborting counts as Ctrl-C). */
export function stoppedBy(signal: AbortSignal): StopSignal | undefined {
  if (!signal.aborted) return undefined;
  return signal.reason instanceof Interrupted ? signal.reason.by : 'SIGINT';
}

/** The status of a command stopped by a signal. */
export function interruptedStatus(by: StopSignal): number {
  return by === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}
