/**
 * Verification in bootutil's order (image_validate.c bootutil_img_validate): the SHA-256 over
 * [0, hdrSize + imgSize + protTlvSize) must equal the SHA256 TLV; then, walking the unprotected TLVs,
 * a KEYHASH (or PUBKEY) selects a trusted key and the ED25519 TLV after it must sign the 32-byte digest.
 * TLV contents (metadata, security counter) are interpreted only once the image is authentic.
 */
import { fail } from '../errors';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ed25519Verify } from './ed25519';
import { IMAGE_F, OTHER_SIGNATURE_TLVS, TLV, tlvName } from './image-format';
import { readImageLayout, type ImageLayout } from './image-layout';
import type { ParsedImage } from './image-types';
import { hashImageRegion, type Sha256 } from './hash-image';
import { fingerprintOfKeyHash, keyHashOf, spkiOf, type TrustedKey } from './keys';
import { describeLayout } from './parse-image';
import { sameBytes } from './same-bytes';

export interface VerifiedImage {
  image: ParsedImage;
  digest: Uint8Array;
  signer: { name: string; keyHash: Uint8Array; fingerprint: string };
}

export async function verifyImage(
  bytes: Uint8Array,
  trustedKeys: TrustedKey[],
  options: { sha256?: Sha256 } = {}
): Promise<VerifiedImage> {
  const layout = readImageLayout(bytes);
  const digest = await verifyImageHash(layout, options.sha256);
  const signer = findSigner(layout, digest, trustedKeys);
  return { image: describeLayout(layout), digest, signer };
}

/** R08/R26: recomputes the image hash and compares it with every SHA256 TLV; returns the digest. */
export async function verifyImageHash(layout: ImageLayout, sha?: Sha256): Promise<Uint8Array> {
  const { header, tlvs } = layout;
  const encrypted = header.flags & (IMAGE_F.ENCRYPTED_AES128 | IMAGE_F.ENCRYPTED_AES256);
  if (encrypted) fail('IMAGE_ENCRYPTED_UNSUPPORTED', `header flags 0x${header.flags.toString(16)} mark the payload as AES-encrypted`);
  const unprotected = tlvs.filter((t) => !t.protected);
  if (unprotected.some((t) => t.type === TLV.SIG_PURE)) {
    fail('IMAGE_SIGNATURE_UNSUPPORTED', 'SIG_PURE TLV: the signature covers the raw image ("pure"), which this tool does not verify');
  }
  const hashTlvs = unprotected.filter((t) => t.type === TLV.SHA256);
  if (hashTlvs.length === 0) {
    const other = unprotected.find((t) => t.type === TLV.SHA384 || t.type === TLV.SHA512);
    fail('IMAGE_NO_HASH', other ? `only a ${tlvName(other.type)} TLV, no SHA256 TLV` : 'no SHA256 TLV in the unprotected TLV area');
  }
  const digest = await hashImageRegion(layout.bytes, layout.hashedLength, sha);
  for (const tlv of hashTlvs) {
    if (!sameBytes(tlv.data, digest)) {
      fail(
        'IMAGE_HASH_MISMATCH',
        `SHA-256 of bytes [0, 0x${layout.hashedLength.toString(16)}) is ${bytesToHex(digest)}, TLV at 0x${tlv.offset.toString(16)} holds ${bytesToHex(tlv.data)}`
      );
    }
  }
  return digest;
}

/** R11: a signature counts only when the key TLV right before it names a trusted key (MCUboot resets key_id after each). */
function findSigner(layout: ImageLayout, digest: Uint8Array, trustedKeys: TrustedKey[]): VerifiedImage['signer'] {
  const trusted = trustedKeys.map((key) => ({ key, hash: keyHashOf(key.publicKey), spki: spkiOf(key.publicKey) }));
  let current: (typeof trusted)[number] | undefined;
  let keyTlv: string | undefined;
  let unknownKey: string | undefined;
  let invalid: string | undefined;
  let unsupported: string | undefined;
  for (const tlv of layout.tlvs) {
    if (tlv.protected) continue;
    const at = `at 0x${tlv.offset.toString(16)}`;
    if (tlv.type === TLV.KEYHASH || tlv.type === TLV.PUBKEY) {
      const field = tlv.type === TLV.KEYHASH ? 'hash' : 'spki';
      current = trusted.find((t) => sameBytes(t[field], tlv.data));
      keyTlv = `${tlvName(tlv.type)} ${bytesToHex(tlv.data)} ${at}`;
    } else if (tlv.type === TLV.ED25519) {
      if (!current) {
        unknownKey ??= keyTlv ? `signer ${keyTlv} is not trusted` : `no KEYHASH/PUBKEY TLV before the signature ${at}`;
      } else if (tlv.data.length === 64 && ed25519Verify(tlv.data, digest, current.key.publicKey)) {
        return { name: current.key.name, keyHash: current.hash, fingerprint: fingerprintOfKeyHash(current.hash) };
      } else {
        invalid ??= `ED25519 TLV ${at} (${tlv.data.length} bytes) does not verify the image digest with trusted key "${current.key.name}" (${fingerprintOfKeyHash(current.hash)})`;
      }
      current = undefined;
      keyTlv = undefined;
    } else if (OTHER_SIGNATURE_TLVS.includes(tlv.type)) {
      unsupported ??= `${tlvName(tlv.type)} signature TLV ${at}; only ED25519 is verified`;
      current = undefined;
      keyTlv = undefined;
    }
  }
  if (invalid) fail('IMAGE_SIGNATURE_INVALID', invalid);
  if (unknownKey) {
    const known = trusted.map((t) => `${t.key.name} ${fingerprintOfKeyHash(t.hash)}`).join(', ') || 'none';
    fail('IMAGE_UNKNOWN_KEY', `${unknownKey}; trusted keys: ${known}`);
  }
  if (unsupported) fail('IMAGE_SIGNATURE_UNSUPPORTED', unsupported);
  fail('IMAGE_UNSIGNED', 'no ED25519 signature TLV in the image (it carries only a hash)');
}
