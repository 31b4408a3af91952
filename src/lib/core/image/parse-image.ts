/** Parses an MCUboot image into its header, TLVs and the facts the tool uses (hash, key, signature, metadata). */
import { fail } from '../errors';
import { TLV, tlvName } from './image-format';
import { readImageLayout, type ImageLayout } from './image-layout';
import type { ImageTlv, ParsedImage } from './image-types';
import { decodeMetadata } from './metadata';

/** Throws BmsError IMAGE_* for a malformed image. Does not check the hash or the signature. */
export function parseImage(bytes: Uint8Array): ParsedImage {
  return describeLayout(readImageLayout(bytes));
}

/** The interpretation step, split out so a verifier can run it after the hash check. */
export function describeLayout(layout: ImageLayout): ParsedImage {
  const { bytes, header, tlvs } = layout;
  const unprotected = tlvs.filter((t) => !t.protected);
  const secCnt = single(tlvs.filter((t) => t.protected), TLV.SEC_CNT, 4);
  return {
    header,
    payload: bytes.subarray(header.hdrSize, header.hdrSize + header.imgSize),
    hashedLength: layout.hashedLength,
    tlvs,
    imageHash: single(unprotected, TLV.SHA256, 32)?.data,
    keyHash: single(unprotected, TLV.KEYHASH, 32)?.data,
    publicKey: single(unprotected, TLV.PUBKEY)?.data,
    signature: single(unprotected, TLV.ED25519, 64)?.data,
    securityCounter: secCnt
      ? new DataView(secCnt.data.buffer, secCnt.data.byteOffset, 4).getUint32(0, true)
      : undefined,
    metadata: decodeMetadata(tlvs),
    imageEnd: layout.imageEnd
  };
}

/**
 * The first TLV of `type`, checked for its fixed size. Hash, key and signature are only taken from the
 * unprotected area (a hash cannot sit inside what it hashes); SEC_CNT only from the protected one.
 */
function single(tlvs: ImageTlv[], type: number, size?: number): ImageTlv | undefined {
  const tlv = tlvs.find((t) => t.type === type);
  if (tlv && size !== undefined && tlv.data.length !== size) {
    fail('IMAGE_TLV_CORRUPT', `${tlvName(type)} TLV at 0x${tlv.offset.toString(16)} has ${tlv.data.length} bytes, expected ${size}`);
  }
  return tlv;
}
