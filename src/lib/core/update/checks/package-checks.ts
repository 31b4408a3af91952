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

/** R08 + R11: the outcome of verifyImage (hash over the image, Ed25519 signature by a trusted key). */
export function checkPackage(outcome: { verified: VerifiedImage } | { error: ErrorData }): CheckResult {
  const base = { id: 'package', requirement: 'R08 R11', threshold: 'SHA-256 matches, signed by a trusted key' } as const;
  if ('error' in outcome) {
    return { ...base, status: 'fail', measured: outcome.error.code, code: outcome.error.code, reason: outcome.error.detail };
  }
  const { verified } = outcome;
  return {
    ...base,
    status: 'pass',
    measured: `SHA-256 ${toHex(verified.digest).slice(0, 16)}…, signed by ${verified.signer.name} (${verified.signer.fingerprint})`,
    reason: 'The hash and the signature verify.'
  };
}

/** R07: model, hardware revision and minimum bootloader declared by the package. */
export function checkCompatibility(image: ParsedImage, device: BmsIdentity, reports: { hwRev: boolean } = { hwRev: true }): CheckResult {
  const { model, hwRevisions, minBootloader } = image.metadata;
  const base = {
    id: 'compatibility',
    requirement: 'R07',
    measured: `${device.model} rev ${device.hw_rev}, bootloader ${device.bl_version}`,
    threshold:
      `${model ?? 'any model'}, rev ${hwRevisions?.length ? hwRevisions.join(' / ') : '(none declared)'}` +
      `, bootloader ≥ ${minBootloader ? formatVersion(minBootloader) : 'any'}`
  } as const;
  if (!reports.hwRev) {
    // A stock device does not report the product's model and revision: said, not passed.
    return {
      ...base,
      measured: `${device.model || 'board not reported'}, no hardware revision reported, bootloader ${device.bl_version || 'not reported'}`,
      status: 'warn',
      reason: 'This device does not report its hardware revision, so the package\'s declaration cannot be checked against it: make sure the package is built for this board.'
    };
  }
  if (!hwRevisions || hwRevisions.length === 0) {
    return { ...base, status: 'fail', code: 'UPDATE_HARDWARE_INCOMPATIBLE', reason: 'The package declares no hardware revision, so compatibility cannot be proven.' };
  }
  if (model !== undefined && model !== device.model) {
    return { ...base, status: 'fail', code: 'UPDATE_HARDWARE_INCOMPATIBLE', reason: `The package is for model ${model}.` };
  }
  if (!hwRevisions.includes(device.hw_rev)) {
    return { ...base, status: 'fail', code: 'UPDATE_HARDWARE_INCOMPATIBLE', reason: `Hardware revision ${device.hw_rev} is not supported.` };
  }
  if (minBootloader && compareVersions(parseVersion(device.bl_version), minBootloader) < 0) {
    return { ...base, status: 'fail', code: 'UPDATE_BOOTLOADER_TOO_OLD', reason: `The bootloader must be at least ${formatVersion(minBootloader)}.` };
  }
  return { ...base, status: 'pass', reason: 'Model, hardware revision and bootloader are supported.' };
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
    measured: `package ${formatVersion(image.header.version)} counter ${counter}; device ${device.fw_version} counter ${device.sec_cnt}`,
    threshold: `security counter ≥ ${device.sec_cnt}`
  } as const;
  if (counter < device.sec_cnt) {
    return { ...base, status: 'fail', code: 'UPDATE_DOWNGRADE_BLOCKED', reason: 'The package is less secure than the device security level.' };
  }
  if (image.imageHash && toHex(image.imageHash) === toHex(device.fw_hash)) {
    return { ...base, status: 'warn', reason: 'This exact image is already running.' };
  }
  if (compareVersions(image.header.version, parseVersion(device.fw_version)) < 0) {
    return { ...base, status: 'warn', reason: 'Older version within the same security level: allowed, check it is intended.' };
  }
  return { ...base, status: 'pass', reason: 'The security level is kept or raised.' };
}

/** R13: safety-critical packages only over wired links; other OTA updates get a warning. */
export function checkInterface(image: ParsedImage, link: LinkInfo): CheckResult {
  const critical = image.metadata.safetyCritical;
  const base = {
    id: 'interface',
    requirement: 'R13',
    measured: `${link.wired ? 'wired' : 'wireless'} (${link.label}); package ${critical ? 'safety-critical' : 'not safety-critical'}`,
    threshold: critical ? 'wired link (RS485, CAN, USB)' : 'any link'
  } as const;
  if (critical && !link.wired) {
    return { ...base, status: 'fail', code: 'UPDATE_SAFETY_CRITICAL_OVER_WIRELESS', reason: 'IEC 61508: safety-critical updates are not allowed over the air.' };
  }
  if (!link.wired) {
    return { ...base, status: 'warn', reason: 'Over-the-air update: keep the device close and the link stable.' };
  }
  return { ...base, status: 'pass', reason: 'Wired link.' };
}
