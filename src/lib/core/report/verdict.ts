/**
 * The verdict of a run in words (English, for the CLI and the printed report), built only from what
 * the report says was read back from the device at the end.
 */
import type { UpdateReport } from './update-report';

const wrote = (r: UpdateReport) => r.phases.some((p) => p.phase === 'transfer');

/** "1.4.0+0, confirmed by its own self-test" — who confirmed it matters: the tool, or the firmware itself. */
function runningText(r: UpdateReport): string | undefined {
  const after = r.firmwareAfter;
  if (!after) return undefined;
  const which = after.hash === r.firmwareBefore?.hash ? ' (the firmware it ran before)' : after.hash === r.package?.hash ? ' (the new firmware)' : '';
  const weConfirmed = r.phases.some((p) => p.phase === 'confirm' && p.outcome !== 'failed');
  const confirmed = !after.confirmed
    ? 'on test, not confirmed: its next reset returns to the other bank'
    : after.hash === r.package?.hash && !weConfirmed
      ? 'confirmed by its own self-test'
      : 'confirmed';
  const pending = after.pending ? `; ${after.pending} is marked for a test boot at its next reset` : '';
  return `${after.version}${which}, ${confirmed}${pending}`;
}

/** What runs now, as read back at the end, or that it could not be read back. */
export function readBackText(r: UpdateReport): string {
  const running = runningText(r);
  if (!running) return wrote(r) ? 'not read back: the device did not answer, what it runs is not known' : 'not read (nothing was written)';
  return `${running}${r.firmwareAfter?.readAt ? `, read back at ${r.firmwareAfter.readAt}` : ''}`;
}

/** One or two lines a technician acts on. */
export function verdictText(r: UpdateReport): string {
  const running = runningText(r);
  const runs = running ? `the device runs ${running}` : 'the device did not answer: what it runs is not known';
  switch (r.outcome) {
    case 'updated':
      return `OK: ${r.firmwareAfter?.version} runs and is confirmed${r.returnToService ? '' : '\nNOT ready for service: see the problem below'}`;
    case 'settings-changed':
      return `UPDATED, SETTINGS CHANGED: ${runs}, but ${r.configChanges?.length} setting(s) differ from backup ${r.backupId}.\nRestore them before the pack returns to service (bms-flasher restore with that backup). Return to service: not yet.`;
    case 'unfinished':
      return `NOT FINISHED: ${runs}; the procedure stopped before proving the pack fit for service.`;
    case 'rolled-back':
      return `ROLLED BACK: ${runs}, proven by reading it back.`;
    case 'blocked':
      return `BLOCKED before any write: the device is unchanged${running ? ` (it runs ${running})` : ''}.`;
    case 'aborted':
      return `ABORTED before activation: ${runs}.`;
    case 'cancelled':
      return wrote(r) ? `STOPPED: ${runs}; nothing else was done.` : `STOPPED before any write: the device is unchanged${running ? ` (it runs ${running})` : ''}.`;
    case 'failed':
      return `NOT PROVEN: ${runs}. Use recovery before anything else.`;
  }
}
