/**
 * The pre-flight on its own, for the app's Pre-flight page: the procedure's own identify and pre-flight
 * steps on a run that is never finished (same checks, nothing written or saved), the checklist this
 * device needs (with the unauthenticated acknowledgement where it has no session), and what its family
 * can and cannot check. runUpdate runs the same steps; the app and the CLI cannot drift apart.
 */
import type { ErrorData } from '../errors';
import { describeFamily, type DeviceIdentity, type FamilyDescription } from '../family/device-session';
import { worstStatus, type CheckResult, type CheckStatus } from './checks/check-result';
import { checklistItems, reviewChecklist, type ChecklistItemId, type ChecklistRecord } from './checklist';
import { createPhaseRunner } from './phase-runner';
import { identify } from './steps/identify';
import { preflight } from './steps/preflight';
import type { UpdateOptions } from './update-context';

export interface PreflightReport {
  /** undefined when the device could not even be identified (then `blocking` says why) */
  identity?: DeviceIdentity;
  checks: CheckResult[];
  /** worst status over `checks` ('fail' when `blocking` is set) */
  status: CheckStatus;
  /** the error that would block the update, as runUpdate would report it */
  blocking?: ErrorData;
  checklist: ChecklistRecord[];
  /** checklist items not confirmed yet (R04, R05; R14's acknowledgement on a device without a session) */
  missing: ChecklistItemId[];
  /** the device's family: what the tool can check on it and what it cannot */
  family: FamilyDescription;
}

export async function runPreflight(image: Uint8Array, options: UpdateOptions): Promise<PreflightReport> {
  const run = createPhaseRunner(image, options, 'update');
  const blocking = (await run.phase('identify', identify)) ?? (await run.phase('preflight', preflight));
  const { checks, before } = run.ctx;
  const { records, missing } = reviewChecklist(options.checklist, checklistItems({ auth: options.session.auth !== undefined }));
  return {
    identity: before,
    checks,
    status: blocking ? 'fail' : worstStatus(checks),
    blocking,
    checklist: records,
    missing,
    family: describeFamily(options.session)
  };
}
