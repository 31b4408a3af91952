/** Pure checks of the link and of the device's banks (R06, R10). */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { LinkInfo } from '../../link/link';
import type { FamilyProfile, ImageSlot, LinkProbeReport } from '../../family/device-session';
import type { CheckResult } from './check-result';
import { fixed, text, type Text } from '../../../i18n/translate';

export const linkKind = (link: LinkInfo): Text => text(link.wired ? 'check.wired' : 'check.wireless');

/**
 * R06: every probe must come back intact for a pass. A few percent of losses are survivable (the SMP
 * client retries), so up to LINK_WARN_RATE is a warning; beyond it the line is judged unfit, because
 * a 100+ KB transfer over it would time out or crawl.
 */
export const LINK_WARN_RATE = 0.05;

export function checkLink(report: LinkProbeReport): CheckResult {
  const bad = report.probes - report.ok;
  const rate = report.probes > 0 ? bad / report.probes : 1;
  const base = {
    id: 'link',
    requirement: 'R06',
    measured: text(report.baudRate ? 'check.link.measuredAt' : 'check.link.measured', {
      ok: report.ok,
      probes: report.probes,
      lost: report.lost,
      corrupted: report.corrupted,
      lineErrors: report.lineErrors,
      ms: Math.round(report.roundTripMs.avg),
      ...(report.baudRate ? { baud: report.baudRate } : {})
    }),
    threshold: text('check.link.threshold', { rate: LINK_WARN_RATE * 100 })
  } as const;
  if (report.probes === 0 || rate > LINK_WARN_RATE || report.ok === 0) {
    const why = text(report.corrupted > report.lost ? 'check.link.corrupted' : 'check.link.lost');
    return { ...base, status: 'fail', code: 'UPDATE_LINK_TEST_FAILED', reason: why };
  }
  if (bad > 0 || report.corrupted > 0 || report.lineErrors > 0) {
    return { ...base, status: 'warn', code: 'UPDATE_LINK_TEST_FAILED', reason: text('check.link.damaged') };
  }
  return { ...base, status: 'pass', reason: text('check.link.ok') };
}

/**
 * R10: the running image must be confirmed, so that the other bank can receive the new image without
 * destroying the only known-good copy (a test image still running would use it as its way back).
 */
function slotText(s: ImageSlot): Text {
  const flags = [s.active && text('check.bank.active'), s.confirmed && text('check.bank.confirmed'), s.pending && text('check.bank.pending')].filter((f): f is Text => !!f);
  const params = { slot: s.slot, version: s.version, hash: bytesToHex(s.hash).slice(0, 8) };
  return flags.length > 0 ? text('check.bank.slotFlags', { ...params, flags }) : text('check.bank.slot', params);
}

export function checkBanks(slots: readonly ImageSlot[]): CheckResult {
  const active = slots.find((s) => s.active);
  const base = {
    id: 'bank',
    requirement: 'R10',
    measured: text('check.list', { items: slots.map(slotText) }),
    threshold: text('check.bank.threshold')
  } as const;
  if (!active) {
    return { ...base, status: 'fail', code: 'UPDATE_DEVICE_IN_BOOTLOADER', reason: text('check.bank.noImage') };
  }
  if (!active.confirmed) {
    return { ...base, status: 'fail', code: 'UPDATE_UNCONFIRMED_IMAGE_RUNNING', reason: text('check.bank.onTest') };
  }
  const other = slots.find((s) => !s.active);
  const reason = other ? text('check.bank.okHolds', { slot: other.slot, version: other.version }) : text('check.bank.ok');
  return { ...base, status: 'pass', reason };
}

/** R22: reinstalling over the bootloader is a local, wired operation only. */
export function checkRecoveryLink(link: LinkInfo): CheckResult {
  const base = {
    id: 'interface',
    requirement: 'R22',
    measured: text('check.recovery.measured', { kind: linkKind(link), label: link.label }),
    threshold: text('check.wiredOnly')
  } as const;
  if (!link.wired) {
    return { ...base, status: 'fail', code: 'UPDATE_RECOVERY_NOT_ALLOWED', reason: text('check.recovery.overTheAir') };
  }
  return { ...base, status: 'pass', reason: text('check.wiredLink') };
}

/**
 * R01–R03 in the bootloader: it has no battery code, so nothing can be measured. A warning that asks
 * the operator to check the pack by other means, not a pass.
 */
export function unmeasuredInBootloader(): CheckResult[] {
  const why = text('check.bootloaderOnly');
  const none = text('check.notAvailable');
  return [
    { id: 'soc', requirement: 'R01', status: 'warn', measured: none, threshold: text('check.soc.threshold', { min: fixed(20, 1), max: fixed(80, 1) }), reason: why },
    { id: 'temperature', requirement: 'R02', status: 'warn', measured: none, threshold: text('check.temperature.threshold', { min: fixed(0, 1), max: fixed(45, 1) }), reason: why },
    { id: 'supply', requirement: 'R03', status: 'warn', measured: none, threshold: text('check.supply.stable'), reason: why }
  ];
}

/**
 * R11, R19: what the device's bootloader guarantees, said before anything is written. A bootloader
 * without a fallback bank cannot bring the old firmware back if the new one fails; one that does not
 * check signatures relies on this tool's check alone. Neither blocks the update; both are warnings.
 */
export function checkBootloader(family: FamilyProfile): CheckResult {
  const { checksSignature, fallback } = family.bootloader;
  const base = {
    id: 'bootloader',
    requirement: 'R11 R19',
    measured: text('check.bootloader.measured', {
      fallback: text(`check.bootloader.${fallback}`),
      signature: text(checksSignature ? 'check.bootloader.signed' : 'check.bootloader.unsigned')
    }),
    threshold: text('check.bootloader.threshold')
  } as const;
  if (fallback !== 'swap' && !checksSignature) return { ...base, status: 'warn', reason: text('check.bootloader.neither') };
  if (fallback !== 'swap') return { ...base, status: 'warn', reason: text('check.bootloader.noFallback') };
  if (!checksSignature) return { ...base, status: 'warn', reason: text('check.bootloader.noSignature') };
  return { ...base, status: 'pass', reason: text('check.bootloader.ok') };
}
