/**
 * Builds an MCUboot image byte-for-byte as imgtool 2.x `sign --pad-header` does (image.py create, save):
 * header padded with erased 0xff bytes, payload, protected TLVs (SEC_CNT, then our BMS metadata),
 * then SHA256, KEYHASH and the Ed25519 signature of the 32-byte digest in the unprotected area.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { fail } from '../errors';
import { ed25519PublicKey, ed25519Sign } from './ed25519';
import {
  IMAGE_F,
  IMAGE_HEADER_SIZE,
  IMAGE_MAGIC,
  TLV,
  TLV_HEADER_SIZE,
  TLV_INFO_MAGIC,
  TLV_INFO_SIZE,
  TLV_PROT_INFO_MAGIC
} from './image-format';
import type { BmsMetadata, ImageVersion, RawTlv } from './image-types';
import { keyHashOf } from './keys';
import { encodeMetadata } from './metadata';
import { ERASED, FLASH_ALIGNS, checkFitsSlot, padToSlot, type FlashAlign } from './trailer';
import { encodeVersion } from './version';

export interface SignOptions {
  version: ImageVersion;
  securityCounter?: number;
  headerSize: number;
  /** 0 or absent: no slot check, as imgtool. */
  slotSize?: number;
  align: FlashAlign;
  /** Fill the whole slot and write the trailer magic (needs slotSize). */
  pad?: boolean;
  /** Pre-set image_ok in the trailer (implies pad, as imgtool). */
  confirm?: boolean;
  metadata?: Partial<BmsMetadata>;
  /** Non-zero sets the RAM_LOAD flag, as imgtool --load-addr. */
  loadAddr?: number;
}

const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

/** `privateKey` is the 32-byte Ed25519 seed; null makes an unsigned image carrying only the SHA256 TLV. */
export function signImage(payload: Uint8Array, privateKey: Uint8Array | null, options: SignOptions): Uint8Array {
  checkOptions(payload, options);
  const { headerSize } = options;
  const protectedArea = encodeTlvArea(TLV_PROT_INFO_MAGIC, protectedTlvs(options));
  const hashedLength = headerSize + payload.length + protectedArea.length;
  const hashed = new Uint8Array(hashedLength);
  hashed.fill(ERASED, 0, headerSize);
  hashed.set(encodeHeader(payload.length, protectedArea.length, options));
  hashed.set(payload, headerSize);
  hashed.set(protectedArea, headerSize + payload.length);

  const digest = sha256(hashed);
  const unprotected: RawTlv[] = [{ type: TLV.SHA256, data: digest }];
  if (privateKey) {
    unprotected.push({ type: TLV.KEYHASH, data: keyHashOf(ed25519PublicKey(privateKey)) });
    unprotected.push({ type: TLV.ED25519, data: ed25519Sign(digest, privateKey) });
  }
  const unprotectedArea = encodeTlvArea(TLV_INFO_MAGIC, unprotected);
  const image = new Uint8Array(hashedLength + unprotectedArea.length);
  image.set(hashed);
  image.set(unprotectedArea, hashedLength);

  const slotSize = options.slotSize ?? 0;
  if (options.pad || options.confirm) return padToSlot(image, slotSize, options.align, options.confirm === true);
  if (slotSize > 0) checkFitsSlot(image.length, slotSize, options.align);
  return image;
}

function protectedTlvs(options: SignOptions): RawTlv[] {
  const tlvs: RawTlv[] = [];
  if (options.securityCounter !== undefined) {
    const data = new Uint8Array(4);
    new DataView(data.buffer).setUint32(0, options.securityCounter, true);
    tlvs.push({ type: TLV.SEC_CNT, data });
  }
  return tlvs.concat(encodeMetadata(options.metadata ?? {}));
}

/**
 * imgtool writes no area at all when there are no TLVs (TLV.get returns b""). Totals stay far below
 * 65535: metadata strings are capped at 255 bytes each.
 */
function encodeTlvArea(magic: number, tlvs: RawTlv[]): Uint8Array {
  if (tlvs.length === 0) return new Uint8Array(0);
  const total = TLV_INFO_SIZE + tlvs.reduce((sum, t) => sum + TLV_HEADER_SIZE + t.data.length, 0);
  const area = new Uint8Array(total);
  const view = new DataView(area.buffer);
  view.setUint16(0, magic, true);
  view.setUint16(2, total, true);
  let at = TLV_INFO_SIZE;
  for (const { type, data } of tlvs) {
    view.setUint16(at, type, true);
    view.setUint16(at + 2, data.length, true);
    area.set(data, at + TLV_HEADER_SIZE);
    at += TLV_HEADER_SIZE + data.length;
  }
  return area;
}

function encodeHeader(imgSize: number, protectTlvSize: number, options: SignOptions): Uint8Array {
  const header = new Uint8Array(IMAGE_HEADER_SIZE);
  const view = new DataView(header.buffer);
  const loadAddr = options.loadAddr ?? 0;
  view.setUint32(0, IMAGE_MAGIC, true);
  view.setUint32(4, loadAddr, true);
  view.setUint16(8, options.headerSize, true);
  view.setUint16(10, protectTlvSize, true);
  view.setUint32(12, imgSize, true);
  view.setUint32(16, loadAddr !== 0 ? IMAGE_F.RAM_LOAD : 0, true);
  header.set(encodeVersion(options.version), 20);
  return header;
}

function checkOptions(payload: Uint8Array, options: SignOptions): void {
  const bad = (detail: string): never => fail('IMAGE_OPTION_INVALID', detail);
  const { headerSize, align, slotSize = 0, securityCounter, loadAddr = 0 } = options;
  if (!Number.isInteger(headerSize) || headerSize < IMAGE_HEADER_SIZE || headerSize > U16_MAX) {
    bad(`header size ${headerSize} must be an integer from ${IMAGE_HEADER_SIZE} to ${U16_MAX} (0x200 is usual)`);
  }
  if (!FLASH_ALIGNS.includes(align)) bad(`align ${align} must be one of ${FLASH_ALIGNS.join(', ')}`);
  if (!Number.isInteger(slotSize) || slotSize < 0 || slotSize > U32_MAX) bad(`slot size ${slotSize} is not a valid size`);
  if ((options.pad || options.confirm) && slotSize === 0) bad('--pad and --confirm need the slot size');
  if (securityCounter !== undefined && !(Number.isInteger(securityCounter) && securityCounter >= 0 && securityCounter <= U32_MAX)) {
    bad(`security counter ${securityCounter} must be an integer from 0 to ${U32_MAX}`);
  }
  if (!Number.isInteger(loadAddr) || loadAddr < 0 || loadAddr > U32_MAX) bad(`load address ${loadAddr} is not a 32-bit address`);
  if (payload.length > U32_MAX - headerSize) bad(`payload of ${payload.length} bytes is too large for an image`);
}
