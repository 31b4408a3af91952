/**
 * The structure of an MCUboot image, checked the way bootutil's TLV iterator does (tlv.c): header,
 * payload, optional protected TLV area whose size the header records, then the unprotected TLV area.
 * Nothing here interprets TLV contents, so a verifier can check the hash before trusting any of it.
 * Every read is bounds-checked; each TLV step advances at least 4 bytes, so the walk is bounded.
 */
import { fail } from '../errors';
import {
  IMAGE_HEADER_SIZE,
  IMAGE_MAGIC,
  TLV_HEADER_SIZE,
  TLV_INFO_MAGIC,
  TLV_INFO_SIZE,
  TLV_PROT_INFO_MAGIC,
  hex32
} from './image-format';
import type { ImageHeader, ImageTlv } from './image-types';
import { decodeVersion } from './version';

export interface ImageLayout {
  bytes: Uint8Array;
  header: ImageHeader;
  hashedLength: number;
  tlvs: ImageTlv[];
  imageEnd: number;
}

export function readImageLayout(bytes: Uint8Array): ImageLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4) fail('IMAGE_TRUNCATED', `file has ${bytes.length} bytes; an image starts with a 32-byte header`);
  const magic = view.getUint32(0, true);
  if (magic !== IMAGE_MAGIC) {
    fail('IMAGE_BAD_MAGIC', `expected ${hex32(IMAGE_MAGIC)} at offset 0, found ${hex32(magic)}`);
  }
  if (bytes.length < IMAGE_HEADER_SIZE) {
    fail('IMAGE_TRUNCATED', `file has ${bytes.length} bytes; the header alone needs ${IMAGE_HEADER_SIZE}`);
  }
  const header: ImageHeader = {
    loadAddr: view.getUint32(4, true),
    hdrSize: view.getUint16(8, true),
    protectTlvSize: view.getUint16(10, true),
    imgSize: view.getUint32(12, true),
    flags: view.getUint32(16, true),
    version: decodeVersion(bytes, 20)
  };
  const { hdrSize, protectTlvSize, imgSize } = header;
  if (hdrSize < IMAGE_HEADER_SIZE) {
    fail('IMAGE_BAD_HEADER', `header size ${hdrSize} is smaller than the ${IMAGE_HEADER_SIZE}-byte header`);
  }
  if (protectTlvSize !== 0 && protectTlvSize < TLV_INFO_SIZE) {
    fail('IMAGE_BAD_HEADER', `protected TLV size ${protectTlvSize} cannot even hold its 4-byte info header`);
  }
  const tlvStart = hdrSize + imgSize;
  const hashedLength = tlvStart + protectTlvSize;
  if (hashedLength + TLV_INFO_SIZE > bytes.length) {
    fail(
      'IMAGE_TRUNCATED',
      `header declares ${hdrSize} + ${imgSize} + ${protectTlvSize} bytes plus a TLV area; file has ${bytes.length}`
    );
  }

  const tlvs: ImageTlv[] = [];
  const firstMagic = view.getUint16(tlvStart, true);
  if (protectTlvSize > 0) {
    expectInfo(view, tlvStart, TLV_PROT_INFO_MAGIC, 'protected');
    const total = view.getUint16(tlvStart + 2, true);
    if (total !== protectTlvSize) {
      fail('IMAGE_TLV_CORRUPT', `protected TLV area at 0x${tlvStart.toString(16)} says ${total} bytes, header says ${protectTlvSize}`);
    }
    walkTlvs(bytes, view, tlvStart + TLV_INFO_SIZE, hashedLength, true, tlvs);
  } else if (firstMagic === TLV_PROT_INFO_MAGIC) {
    fail('IMAGE_TLV_CORRUPT', `protected TLV area at 0x${tlvStart.toString(16)} but the header's protected size is 0`);
  }

  expectInfo(view, hashedLength, TLV_INFO_MAGIC, 'unprotected');
  const total = view.getUint16(hashedLength + 2, true);
  const imageEnd = hashedLength + total;
  if (total < TLV_INFO_SIZE) fail('IMAGE_TLV_CORRUPT', `unprotected TLV area size ${total} is below its 4-byte info header`);
  if (imageEnd > bytes.length) {
    fail('IMAGE_TRUNCATED', `unprotected TLV area ends at ${imageEnd}; file has ${bytes.length} bytes`);
  }
  walkTlvs(bytes, view, hashedLength + TLV_INFO_SIZE, imageEnd, false, tlvs);
  return { bytes, header, hashedLength, tlvs, imageEnd };
}

function expectInfo(view: DataView, offset: number, magic: number, area: string): void {
  const found = view.getUint16(offset, true);
  if (found !== magic) {
    const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
    fail('IMAGE_TLV_CORRUPT', `expected ${area} TLV magic ${hex(magic)} at offset 0x${offset.toString(16)}, found ${hex(found)}`);
  }
}

function walkTlvs(bytes: Uint8Array, view: DataView, start: number, end: number, isProtected: boolean, out: ImageTlv[]): void {
  for (let offset = start; offset < end; ) {
    if (offset + TLV_HEADER_SIZE > end) {
      fail('IMAGE_TLV_CORRUPT', `TLV header at 0x${offset.toString(16)} overruns the area end 0x${end.toString(16)}`);
    }
    const type = view.getUint16(offset, true);
    const length = view.getUint16(offset + 2, true);
    const dataStart = offset + TLV_HEADER_SIZE;
    if (dataStart + length > end) {
      fail('IMAGE_TLV_CORRUPT', `TLV 0x${type.toString(16)} at 0x${offset.toString(16)} (${length} bytes) overruns the area end 0x${end.toString(16)}`);
    }
    out.push({ type, protected: isProtected, offset, data: bytes.subarray(dataStart, dataStart + length) });
    offset = dataStart + length;
  }
}
