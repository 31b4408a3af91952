/**
 * What the Pre-flight page shows, as pure data: one row per check with what to do about it, and the
 * gate of the Update button with every reason it is closed (the operator sees all of them at once).
 */
import { describeError, type Lang } from '../../i18n/translate';
import type { ErrorData } from '../../core/errors';
import { checkText, type CheckId, type CheckResult, type CheckStatus } from '../../core/update/checks/check-result';
import { CHECKLIST_ITEMS, type ChecklistItem, type ChecklistItemId } from '../../core/update/checklist';
import type { MessageKey, MessageParams } from '../../i18n/translate';

export const CHECK_NAME: Record<CheckId, MessageKey> = {
  soc: 'preflight.check.soc',
  temperature: 'preflight.check.temperature',
  supply: 'preflight.check.supply',
  link: 'preflight.check.link',
  package: 'preflight.check.package',
  compatibility: 'preflight.check.compatibility',
  'anti-rollback': 'preflight.check.antiRollback',
  interface: 'preflight.check.interface',
  bank: 'preflight.check.bank',
  bootloader: 'preflight.check.bootloader'
};

export interface CheckRow {
  id: CheckId;
  name: MessageKey;
  requirement: string;
  status: CheckStatus;
  measured: string;
  threshold: string;
  reason: string;
  /** the catalog's fix for the check's code: what the operator should do (fail, or warn with a code) */
  todo?: string;
  code?: string;
}

export function checkRows(checks: readonly CheckResult[], lang: Lang): CheckRow[] {
  return checks.map((check) => ({
    id: check.id,
    name: CHECK_NAME[check.id],
    requirement: check.requirement,
    status: check.status,
    ...checkText(check, lang),
    code: check.code,
    todo: check.status !== 'pass' && check.code ? describeError(check.code, lang).fix : undefined
  }));
}

export interface GateInput {
  connected: boolean;
  hasImage: boolean;
  /** checks are being measured, or have not been measured for this image and device yet */
  checking: boolean;
  checks: readonly CheckResult[];
  /** set when the pre-flight itself could not run (device did not answer, bad image) */
  blocking?: ErrorData;
  confirmed: readonly ChecklistItemId[];
  operator: string;
  /** the checklist this device needs (checklistItems: with the unauthenticated acknowledgement); default the site checklist */
  items?: readonly ChecklistItem[];
}

export interface GateReason {
  key: MessageKey;
  params?: MessageParams;
  /** the failing check, whose translated name fills {name} */
  check?: CheckId;
}

export type Gate = { open: true } | { open: false; reasons: GateReason[] };

/** R01–R11, R04, R05: the update may start only when every check passed (or warned) and the operator confirmed everything. */
export function updateGate(input: GateInput): Gate {
  const reasons: GateReason[] = [];
  if (!input.connected) reasons.push({ key: 'preflight.gate.notConnected' });
  if (!input.hasImage) reasons.push({ key: 'preflight.gate.noImage' });
  if (input.connected && input.hasImage) {
    const failed = input.checks.filter((c) => c.status === 'fail');
    if (input.checking) {
      reasons.push({ key: 'preflight.gate.checking' });
    } else {
      for (const c of failed) {
        reasons.push({ key: 'preflight.gate.failed', check: c.id, params: { measured: c.measured, threshold: c.threshold ?? '' } });
      }
      if (failed.length === 0 && input.blocking) reasons.push({ key: 'preflight.gate.blocked', params: { code: input.blocking.code } });
    }
  }
  const missing = (input.items ?? CHECKLIST_ITEMS).filter((item) => !input.confirmed.includes(item.id));
  if (missing.length > 0) reasons.push({ key: 'preflight.gate.checklist', params: { count: missing.length } });
  if (input.operator.trim() === '') reasons.push({ key: 'preflight.gate.operator' });
  return reasons.length === 0 ? { open: true } : { open: false, reasons };
}
