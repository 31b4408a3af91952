/**
 * BMS metadata as protected vendor TLVs, so the hash and the signature cover them (R07 compatibility,
 * R13 safety-critical refusal over OTA). Encodings are in docs/image-format.md; imgtool can write the
 * same bytes with --custom-tlv.
 */
import { fail } from '../errors';
import { TLV } from './image-format';
import type { BmsMetadata, ImageTlv, RawTlv } from './image-types';
import { VERSION_SIZE, decodeVersion, encodeVersion } from './version';

const MAX_TEXT_BYTES = 255;
const METADATA_TYPES: readonly number[] = [
  TLV.BMS_MODEL,
  TLV.BMS_HW_REVISIONS,
  TLV.BMS_MIN_BOOTLOADER,
  TLV.BMS_SAFETY_CRITICAL
];
// Printable text only: these strings end up in the UI, the CLI and reports.
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

/** In a fixed order, so the same metadata always gives the same image bytes. */
export function encodeMetadata(metadata: Partial<BmsMetadata>): RawTlv[] {
  const tlvs: RawTlv[] = [];
  if (metadata.model !== undefined) {
    tlvs.push({ type: TLV.BMS_MODEL, data: encodeText(metadata.model, 'model') });
  }
  if (metadata.hwRevisions !== undefined) {
    for (const rev of metadata.hwRevisions) checkRevision(rev);
    if (metadata.hwRevisions.length === 0) fail('IMAGE_BAD_METADATA', 'hardware revision list is empty');
    tlvs.push({ type: TLV.BMS_HW_REVISIONS, data: encodeText(metadata.hwRevisions.join(','), 'hardware revisions') });
  }
  if (metadata.minBootloader !== undefined) {
    tlvs.push({ type: TLV.BMS_MIN_BOOTLOADER, data: encodeVersion(metadata.minBootloader) });
  }
  if (metadata.safetyCritical !== undefined) {
    tlvs.push({ type: TLV.BMS_SAFETY_CRITICAL, data: Uint8Array.of(metadata.safetyCritical ? 1 : 0) });
  }
  return tlvs;
}

export function decodeMetadata(tlvs: readonly ImageTlv[]): BmsMetadata {
  const metadata: BmsMetadata = { safetyCritical: false };
  const seen = new Set<number>();
  for (const tlv of tlvs) {
    if (!METADATA_TYPES.includes(tlv.type)) continue;
    const where = `TLV 0x${tlv.type.toString(16)} at 0x${tlv.offset.toString(16)}`;
    if (!tlv.protected) fail('IMAGE_BAD_METADATA', `${where} is outside the protected area, so no signature covers it`);
    if (seen.has(tlv.type)) fail('IMAGE_BAD_METADATA', `${where} appears twice`);
    seen.add(tlv.type);
    if (tlv.type === TLV.BMS_MODEL) metadata.model = decodeText(tlv.data, where);
    else if (tlv.type === TLV.BMS_HW_REVISIONS) metadata.hwRevisions = decodeRevisions(tlv.data, where);
    else if (tlv.type === TLV.BMS_MIN_BOOTLOADER) metadata.minBootloader = decodeMinBootloader(tlv.data, where);
    else metadata.safetyCritical = decodeFlag(tlv.data, where);
  }
  return metadata;
}

function encodeText(text: string, what: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length === 0 || bytes.length > MAX_TEXT_BYTES || CONTROL_RE.test(text)) {
    fail('IMAGE_BAD_METADATA', `${what} "${text}" must be 1–${MAX_TEXT_BYTES} bytes of UTF-8 without control characters`);
  }
  return bytes;
}

function checkRevision(rev: string): void {
  if (rev.length === 0 || rev.includes(',') || rev.trim() !== rev) {
    fail('IMAGE_BAD_METADATA', `hardware revision "${rev}" must be non-empty, without commas or surrounding spaces`);
  }
}

function decodeText(data: Uint8Array, where: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    fail('IMAGE_BAD_METADATA', `${where} is not valid UTF-8`);
  }
  if (data.length === 0 || data.length > MAX_TEXT_BYTES || CONTROL_RE.test(text)) {
    fail('IMAGE_BAD_METADATA', `${where} must be 1–${MAX_TEXT_BYTES} bytes of text without control characters, has ${data.length}`);
  }
  return text;
}

function decodeRevisions(data: Uint8Array, where: string): string[] {
  const revisions = decodeText(data, where).split(',');
  for (const rev of revisions) {
    if (rev.length === 0 || rev.trim() !== rev) fail('IMAGE_BAD_METADATA', `${where} has an empty or padded revision in "${revisions.join(',')}"`);
  }
  return revisions;
}

function decodeMinBootloader(data: Uint8Array, where: string): BmsMetadata['minBootloader'] {
  if (data.length !== VERSION_SIZE) fail('IMAGE_BAD_METADATA', `${where} has ${data.length} bytes, expected ${VERSION_SIZE} (image_version)`);
  return decodeVersion(data);
}

function decodeFlag(data: Uint8Array, where: string): boolean {
  if (data.length !== 1 || data[0] > 1) {
    fail('IMAGE_BAD_METADATA', `${where} must be one byte 0x00 or 0x01, found ${data.length} byte(s) [${Array.from(data.subarray(0, 4)).join(',')}]`);
  }
  return data[0] === 1;
}
