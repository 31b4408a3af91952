/**
 * The BMS's trusted non-volatile storage: the anti-rollback security counter MCUboot keeps for
 * MCUBOOT_HW_ROLLBACK_PROT (security_cnt.h: it only ever increases) and the public keys of the
 * technicians enrolled at the factory or by the service department (R14). One power-safe record.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { FlashArea } from '../flash/flash-layout';
import { readRecord, writeRecord } from '../flash/record-store';

export interface TrustedData {
  securityCounter: number;
  /** raw 32-byte Ed25519 public keys */
  technicianKeys: Uint8Array[];
}

export function readTrusted(area: FlashArea): TrustedData {
  const record = readRecord(area);
  if (!record) return { securityCounter: 0, technicianKeys: [] };
  const parsed = JSON.parse(new TextDecoder().decode(record)) as { sc: number; keys: string[] };
  return { securityCounter: parsed.sc, technicianKeys: parsed.keys.map((k) => hexToBytes(k)) };
}

export function writeTrusted(area: FlashArea, data: TrustedData): void {
  const json = JSON.stringify({ sc: data.securityCounter, keys: data.technicianKeys.map((k) => bytesToHex(k)) });
  writeRecord(area, new TextEncoder().encode(json));
}

/** boot_update_security_counter: raises the stored counter, never lowers it; writes only on change. */
export function raiseSecurityCounter(area: FlashArea, imageCounter: number): boolean {
  const data = readTrusted(area);
  if (imageCounter <= data.securityCounter) return false;
  writeTrusted(area, { ...data, securityCounter: imageCounter });
  return true;
}
