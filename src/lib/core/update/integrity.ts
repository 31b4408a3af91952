/**
 * R26: run-time integrity, checkable at any time. The device reports the image hash of each bank (the
 * SHA256 TLV its bootloader validates at every boot); each must be the hash of a package the tool
 * verified itself (signature by a trusted key), from a file given now or a past update report.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ErrorCode } from '../errors';
import type { VerifiedImage } from '../image/verify-image';
import { formatVersion } from '../image/version';
import type { UpdateReport } from '../report/update-report';
import type { CheckStatus } from './checks/check-result';
import type { DeviceSession } from '../family/device-session';

export interface KnownImage {
  /** where the tool knows it from: a file name or "report <id>" */
  source: string;
  version: string;
  /** hex image hash */
  hash: string;
  signer: string;
}

export interface IntegrityEntry {
  slot: number;
  version: string;
  hash: string;
  active: boolean;
  confirmed: boolean;
  status: CheckStatus;
  /** the known image it matches */
  match?: KnownImage;
  code?: ErrorCode;
  reason: string;
}

export function knownFromVerified(verified: VerifiedImage, source: string): KnownImage {
  return {
    source,
    version: formatVersion(verified.image.header.version),
    hash: bytesToHex(verified.digest),
    signer: `${verified.signer.name} (${verified.signer.fingerprint})`
  };
}

/** Packages past updates verified (their signature was checked before transfer). */
export function knownFromReports(reports: readonly UpdateReport[]): KnownImage[] {
  return reports.flatMap((r) =>
    r.package?.signer
      ? [{ source: `report ${r.id}`, version: r.package.version, hash: r.package.hash, signer: `${r.package.signer.name} (${r.package.signer.fingerprint})` }]
      : []
  );
}

/** The running image unknown is a failure; an unknown image in the other bank only a warning. */
export async function checkInstalledImages(session: DeviceSession, known: readonly KnownImage[]): Promise<IntegrityEntry[]> {
  const slots = await session.imageState();
  return slots.map((s) => {
    const hash = bytesToHex(s.hash);
    const match = known.find((k) => k.hash === hash);
    const base = { slot: s.slot, version: s.version, hash, active: s.active, confirmed: s.confirmed };
    if (match) return { ...base, status: 'pass', match, reason: `matches ${match.version} signed by ${match.signer} (${match.source})` };
    return {
      ...base,
      status: s.active ? 'fail' : 'warn',
      code: 'UPDATE_INTEGRITY_UNKNOWN_IMAGE',
      reason: s.active ? 'the running image matches no verified package' : 'the other bank holds an image that matches no verified package'
    };
  });
}
