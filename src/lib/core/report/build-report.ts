/** Turns what the procedure learned into the audit record (R27). Pure: the caller stores it. */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ErrorData } from '../errors';
import { formatVersion } from '../image/version';
import { describeSigner } from '../family/technician-signer';
import type { UpdateContext } from '../update/update-context';
import type { LogEntry, PhaseRecord, UpdateOutcome } from '../update/update-state';
import { REPORT_FORMAT, type UpdateReport } from './update-report';

export interface ReportFrame {
  kind: UpdateReport['kind'];
  tool: string;
  startedAt: string;
  finishedAt: string;
  phases: readonly PhaseRecord[];
  log: readonly LogEntry[];
  outcome: UpdateOutcome;
  error?: ErrorData;
}

export function buildReport(ctx: UpdateContext, frame: ReportFrame): UpdateReport {
  const { before, after, verified } = ctx;
  const image = verified?.image;
  const selfTestOk = ctx.selfTest?.pass === true;
  return {
    format: REPORT_FORMAT,
    id: `${before?.serial ?? 'unknown-device'}@${frame.startedAt}`,
    kind: frame.kind,
    operator: ctx.answers?.operator ?? ctx.signer?.name ?? 'unknown',
    tool: frame.tool,
    startedAt: frame.startedAt,
    finishedAt: frame.finishedAt,
    link: { ...ctx.session.link },
    device: before && {
      model: before.model,
      serial: before.serial,
      hwRev: before.hw_rev,
      blVersion: before.bl_version,
      securityCounterBefore: before.sec_cnt,
      securityCounterAfter: after?.sec_cnt
    },
    firmwareBefore: before && { version: before.fw_version, hash: bytesToHex(before.fw_hash) },
    package: image && {
      version: formatVersion(image.header.version),
      hash: bytesToHex(verified.digest),
      securityCounter: image.securityCounter ?? 0,
      safetyCritical: image.metadata.safetyCritical,
      hwRevisions: image.metadata.hwRevisions ?? [],
      sizeBytes: ctx.image.length,
      signer: { name: verified.signer.name, fingerprint: verified.signer.fingerprint }
    },
    firmwareAfter: after && { version: after.fw_version, hash: bytesToHex(after.fw_hash), confirmed: ctx.afterConfirmed, readAt: ctx.readBackAt, pending: ctx.pendingAfter },
    technician: ctx.signer && describeSigner(ctx.signer),
    checks: [...ctx.checks],
    checklist: [...ctx.checklist],
    checklistAt: ctx.answers?.at,
    pauses: [...ctx.pauses],
    backupId: ctx.backup?.id,
    bootLog: [...ctx.bootLog],
    selfTest: ctx.selfTest,
    balanceTest: ctx.balanceTest,
    configChanges: ctx.configChanges,
    phases: frame.phases.map((p) => ({ ...p })),
    log: [...frame.log],
    outcome: frame.outcome,
    error: frame.error,
    returnToService: frame.outcome === 'updated' && selfTestOk && ctx.balanceTest?.pass === true
  };
}
