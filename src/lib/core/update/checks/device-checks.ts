/** Pure checks of the link and of the device's banks (R06, R10). */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { LinkInfo } from '../../link/link';
import type { FamilyProfile, ImageSlot, LinkProbeReport } from '../../family/device-session';
import type { CheckResult } from './check-result';

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
    measured:
      `${report.ok}/${report.probes} probes intact, ${report.lost} lost, ${report.corrupted} corrupted, ` +
      `${report.lineErrors} line errors, round trip ${report.roundTripMs.avg.toFixed(0)} ms` +
      (report.baudRate ? ` at ${report.baudRate} baud` : ''),
    threshold: `every probe intact (≤ ${LINK_WARN_RATE * 100} % lost or corrupted tolerated with a warning)`
  } as const;
  if (report.probes === 0 || rate > LINK_WARN_RATE || report.ok === 0) {
    const why = report.corrupted > report.lost
      ? 'Answers arrive corrupted: the baud rates probably differ or the line is noisy.'
      : 'Probes are lost: wrong baud rate, wiring or the device is not listening.';
    return { ...base, status: 'fail', code: 'UPDATE_LINK_TEST_FAILED', reason: why };
  }
  if (bad > 0 || report.corrupted > 0 || report.lineErrors > 0) {
    return { ...base, status: 'warn', code: 'UPDATE_LINK_TEST_FAILED', reason: 'A few probes or bytes were damaged; the transfer retries them but check the cable.' };
  }
  return { ...base, status: 'pass', reason: 'The link is aligned and clean.' };
}

/**
 * R10: the running image must be confirmed, so that the other bank can receive the new image without
 * destroying the only known-good copy (a test image still running would use it as its way back).
 */
export function checkBanks(slots: readonly ImageSlot[]): CheckResult {
  const active = slots.find((s) => s.active);
  const base = {
    id: 'bank',
    requirement: 'R10',
    measured: slots
      .map((s) => `slot ${s.slot} ${s.version} ${bytesToHex(s.hash).slice(0, 8)}${s.active ? ' active' : ''}${s.confirmed ? ' confirmed' : ''}${s.pending ? ' pending' : ''}`)
      .join('; '),
    threshold: 'running image confirmed; new image goes to the other bank'
  } as const;
  if (!active) {
    return { ...base, status: 'fail', code: 'UPDATE_DEVICE_IN_BOOTLOADER', reason: 'No running image is reported.' };
  }
  if (!active.confirmed) {
    return { ...base, status: 'fail', code: 'UPDATE_UNCONFIRMED_IMAGE_RUNNING', reason: 'The running image is still on test: a previous update was not finished.' };
  }
  return { ...base, status: 'pass', reason: 'The running image is confirmed; the other bank is free for the new image.' };
}

/** R22: reinstalling over the bootloader is a local, wired operation only. */
export function checkRecoveryLink(link: LinkInfo): CheckResult {
  const base = {
    id: 'interface',
    requirement: 'R22',
    measured: `${link.wired ? 'wired' : 'wireless'} (${link.label})`,
    threshold: 'wired link (RS485, CAN, USB)'
  } as const;
  if (!link.wired) {
    return { ...base, status: 'fail', code: 'UPDATE_RECOVERY_NOT_ALLOWED', reason: 'Recovery over the air is not allowed: connect a cable.' };
  }
  return { ...base, status: 'pass', reason: 'Wired link.' };
}

/**
 * R01–R03 in the bootloader: it has no battery code, so nothing can be measured. A warning that asks
 * the operator to check the pack by other means, not a pass.
 */
export function unmeasuredInBootloader(): CheckResult[] {
  const why = 'Not measurable: only the bootloader runs. Check it on site with another instrument before going on.';
  return [
    { id: 'soc', requirement: 'R01', status: 'warn', measured: 'not available', threshold: '20.0 % – 80.0 %', reason: why },
    { id: 'temperature', requirement: 'R02', status: 'warn', measured: 'not available', threshold: 'above 0 °C, below 45 °C', reason: why },
    { id: 'supply', requirement: 'R03', status: 'warn', measured: 'not available', threshold: 'a stable supply', reason: why }
  ];
}

/**
 * R11, R19: what the device's bootloader guarantees, said before anything is written. A bootloader
 * without a fallback bank cannot bring the old firmware back if the new one fails; one that does not
 * check signatures relies on this tool's check alone. Neither blocks the update; both are warnings.
 */
export function checkBootloader(family: FamilyProfile): CheckResult {
  const { checksSignature, fallback, source } = family.bootloader;
  const base = {
    id: 'bootloader',
    requirement: 'R11 R19',
    measured: `${fallback === 'swap' ? 'fallback bank (swap with revert)' : fallback === 'overwrite' ? 'no fallback bank (overwrite only)' : 'fallback not reported'}; ${checksSignature ? 'signature checked by the bootloader' : 'signature check by the bootloader not known'} (${source})`,
    threshold: 'a fallback bank and a signature check in the bootloader'
  } as const;
  const missing = [
    ...(fallback === 'swap' ? [] : ['No fallback bank: if the new firmware does not work, the tool cannot bring the old one back.']),
    ...(checksSignature ? [] : ['The bootloader is not known to check signatures: only this tool\'s check of the package protects the device.'])
  ];
  if (missing.length > 0) return { ...base, status: 'warn', reason: missing.join(' ') };
  return { ...base, status: 'pass', reason: 'The bootloader keeps the previous firmware and checks the signature itself.' };
}
