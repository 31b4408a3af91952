/**
 * English text of what was read back from the device at the end of a run, and of the verdict built on
 * it (the CLI prints it, the report and the Result page show it); see messages.ts.
 */
export const enVerdict = {
  'readBack.bootloader': 'only its bootloader answers',
  'readBack.identity': '{version} ({hash}…), {state}',
  'readBack.confirmed': 'confirmed',
  'readBack.selfConfirmed': 'confirmed by its own self-test',
  'readBack.onTest': 'on test, not confirmed: its next reset returns to the other bank',
  'readBack.pending': '{state}; {version} is marked for a test boot at its next reset',
  'readBack.previous': '{version} (the firmware it ran before), {state}',
  'readBack.package': '{version} (the new firmware), {state}',
  'readBack.other': '{version}, {state}',
  'readBack.at': '{running}, read back at {at}',
  'readBack.none': 'not read back: the device did not answer, what it runs is not known',
  'readBack.notRead': 'not read (nothing was written)',

  'verdict.runs': 'the device runs {running}',
  'verdict.silent': 'the device did not answer: what it runs is not known',
  'verdict.updated': 'OK: {version} runs and is confirmed',
  'verdict.updatedNotReady': 'OK: {version} runs and is confirmed\nNOT ready for service: see the problem below',
  'verdict.settingsChanged':
    'UPDATED, SETTINGS CHANGED: {runs}, but {count} setting(s) differ from backup {backup}.\nRestore them before the pack returns to service (bms-flasher restore with that backup). Return to service: not yet.',
  'verdict.unfinished': 'NOT FINISHED: {runs}; the procedure stopped before proving the pack fit for service.',
  'verdict.rolledBack': 'ROLLED BACK: {runs}, proven by reading it back.',
  'verdict.blocked': 'BLOCKED before any write: the device is unchanged.',
  'verdict.blockedRuns': 'BLOCKED before any write: the device is unchanged (it runs {running}).',
  'verdict.aborted': 'ABORTED before activation: {runs}.',
  'verdict.stopped': 'STOPPED: {runs}; nothing else was done.',
  'verdict.stoppedBeforeWrite': 'STOPPED before any write: the device is unchanged.',
  'verdict.stoppedBeforeWriteRuns': 'STOPPED before any write: the device is unchanged (it runs {running}).',
  'verdict.failed': 'NOT PROVEN: {runs}. Use recovery before anything else.'
};
