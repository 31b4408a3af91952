/**
 * Pure checks of the firmware package against the connected device (R07, R08, R11, R13, R25). They
 * read a verified image and the device identity; nothing here talks to the device.
 */
import type { ErrorData } from '../../errors';
import type { ParsedImage } from '../../image/image-types';
import type { VerifiedImage } from '../../image/verify-image';
import { compareVersions, formatVersion, parseVersion } from '../../image/version';
import type { LinkInfo } from '../../link/link';
import type { BmsIdentity } from '../../protocol/smp/groups/bms-group';
import { bytesToHex as toHex } from '@noble/hashes/utils.js';
import type { CheckResult } from './check-result';
import { linkKind } from './device-checks';
import { text } from '../../../i18n/translate';

/** R08 + R11: the outcome of verifyImage (hash over the image, Ed25519 signature by a trusted key). */
export function checkPackage(outcome: { verified: VerifiedImage } | { error: ErrorData }): CheckResult {
  const base = { id: 'package', requirement: 'R08 R11', threshold: text('check.package.threshold') } as const;
  if ('error' in outcome) {
    return { ...base, status: 'fail', measured: text('check.noReading'), code: outcome.error.code, reason: text('check.refused', { detail: outcome.error.detail }) };
  }
  const { verified } = outcome;
  return {
    ...base,
    status: 'pass',
    measured: text('check.package.measured', { hash: toHex(verified.digest).slice(0, 16), signer: verified.signer.name, fingerprint: verified.signer.fingerprint }),
    reason: text('check.package.ok')
  };
}

/** R07: model, hardware revision and minimum bootloader declared by the package. */
export function checkCompatibility(image: ParsedImage, device: BmsIdentity, reports: { hwRev: boolean } = { hwRev: true }): CheckResult {
  const { model, hwRevisions, minBootloader } = image.metadata;
  const base = {
    id: 'compatibility',
    requirement: 'R07',
    measured: text('check.compatibility.measured', { model: device.model, rev: device.hw_rev, bootloader: device.bl_version }),
    threshold: text('check.compatibility.threshold', {
      model: model ?? text('check.compatibility.anyModel'),
      revs: hwRevisions?.length ? hwRevisions.join(' / ') : text('check.compatibility.noneDeclared'),
      bootloader: minBootloader ? formatVersion(minBootloader) : text('check.compatibility.anyBootloader')
    })
  } as const;
  if (!reports.hwRev) {
    // A stock device does not report the product's model and revision: said, not passed.
    return {
      ...base,
      measured: text('check.compatibility.unreported', { board: device.model || text('check.notAvailable'), bootloader: device.bl_version || text('check.notAvailable') }),
      status: 'warn',
      reason: text('check.compatibility.cannotCheck')
    };
  }
  if (!hwRevisions || hwRevisions.length === 0) {
    return { ...base, status: 'fail', code: 'UPDATE_HARDWARE_INCOMPATIBLE', reason: text('check.compatibility.noRevisions') };
  }
  if (model !== undefined && model !== device.model) {
    return { ...base, status: 'fail', code: 'UPDATE_HARDWARE_INCOMPATIBLE', reason: text('check.compatibility.model', { model }) };
  }
  if (!hwRevisions.includes(device.hw_rev)) {
    return { ...base, status: 'fail', code: 'UPDATE_HARDWARE_INCOMPATIBLE', reason: text('check.compatibility.revision', { rev: String(device.hw_rev) }) };
  }
  if (minBootloader && compareVersions(parseVersion(device.bl_version), minBootloader) < 0) {
    return { ...base, status: 'fail', code: 'UPDATE_BOOTLOADER_TOO_OLD', reason: text('check.compatibility.bootloader', { bootloader: formatVersion(minBootloader) }) };
  }
  return { ...base, status: 'pass', reason: text('check.compatibility.ok') };
}

/**
 * R25: the image's security counter must not be lower than the device's; equal is allowed, which also
 * lets R22 reinstall the last stable version of the same security epoch.
 */
export function checkAntiRollback(image: ParsedImage, device: BmsIdentity): CheckResult {
  const counter = image.securityCounter ?? 0;
  const base = {
    id: 'anti-rollback',
    requirement: 'R25',
    measured: text('check.antiRollback.measured', { version: formatVersion(image.header.version), counter, deviceVersion: device.fw_version, deviceCounter: device.sec_cnt }),
    threshold: text('check.antiRollback.threshold', { counter: device.sec_cnt })
  } as const;
  if (counter < device.sec_cnt) {
    return { ...base, status: 'fail', code: 'UPDATE_DOWNGRADE_BLOCKED', reason: text('check.antiRollback.downgrade') };
  }
  // Installing the running image again would test-boot it from the other bank and make the fallback
  // return to... the same image: there is nothing to update, so it is refused before any write.
  if (!device.in_bootloader && image.imageHash && toHex(image.imageHash) === toHex(device.fw_hash)) {
    return { ...base, status: 'fail', code: 'UPDATE_SAME_IMAGE_RUNNING', reason: text('check.antiRollback.same') };
  }
  if (compareVersions(image.header.version, parseVersion(device.fw_version)) < 0) {
    return { ...base, status: 'warn', reason: text('check.antiRollback.older') };
  }
  return { ...base, status: 'pass', reason: text('check.antiRollback.ok') };
}

/** R13: safety-critical packages only over wired links; other OTA updates get a warning. */
export function checkInterface(image: ParsedImage, link: LinkInfo): CheckResult {
  const critical = image.metadata.safetyCritical;
  const base = {
    id: 'interface',
    requirement: 'R13',
    measured: text('check.interface.measured', { kind: linkKind(link), label: link.label, critical: text(critical ? 'check.interface.critical' : 'check.interface.notCritical') }),
    threshold: text(critical ? 'check.wiredOnly' : 'check.anyLink')
  } as const;
  if (critical && !link.wired) {
    return { ...base, status: 'fail', code: 'UPDATE_SAFETY_CRITICAL_OVER_WIRELESS', reason: text('check.interface.overTheAir') };
  }
  if (!link.wired) {
    return { ...base, status: 'warn', reason: text('check.interface.wireless') };
  }
  return { ...base, status: 'pass', reason: text('check.wiredLink') };
}
