/**
 * MCUboot image constants (boot/bootutil/include/bootutil/image.h, imgtool image.py). All fields are
 * little-endian, as imgtool writes by default.
 */
export const IMAGE_MAGIC = 0x96f3b83d;
export const IMAGE_HEADER_SIZE = 32;
export const TLV_INFO_MAGIC = 0x6907;
export const TLV_PROT_INFO_MAGIC = 0x6908;
export const TLV_INFO_SIZE = 4;
export const TLV_HEADER_SIZE = 4;

export const IMAGE_F = {
  PIC: 0x01,
  ENCRYPTED_AES128: 0x04,
  ENCRYPTED_AES256: 0x08,
  NON_BOOTABLE: 0x10,
  RAM_LOAD: 0x20,
  ROM_FIXED: 0x100,
  COMPRESSED_LZMA1: 0x200,
  COMPRESSED_LZMA2: 0x400,
  COMPRESSED_ARM_THUMB: 0x800
} as const;

export const TLV = {
  KEYHASH: 0x01,
  PUBKEY: 0x02,
  SHA256: 0x10,
  SHA384: 0x11,
  SHA512: 0x12,
  RSA2048_PSS: 0x20,
  ECDSA224: 0x21,
  ECDSA_SIG: 0x22,
  RSA3072_PSS: 0x23,
  ED25519: 0x24,
  SIG_PURE: 0x25,
  ENC_RSA2048: 0x30,
  ENC_KW: 0x31,
  ENC_EC256: 0x32,
  ENC_X25519: 0x33,
  ENC_X25519_SHA512: 0x34,
  DEPENDENCY: 0x40,
  SEC_CNT: 0x50,
  BOOT_RECORD: 0x60,
  DECOMP_SIZE: 0x70,
  DECOMP_SHA: 0x71,
  DECOMP_SIGNATURE: 0x72,
  COMP_DEC_SIZE: 0x73,
  UUID_VID: 0x74,
  UUID_CID: 0x75,
  /**
   * Our BMS metadata, protected vendor TLVs. MCUboot reserves xxA0–xxFF for vendors and imgtool's
   * --custom-tlv accepts 0x00a0–0xfffe; 0xB5A0.. sits in both ranges and clashes with no known type.
   */
  BMS_MODEL: 0xb5a0,
  BMS_HW_REVISIONS: 0xb5a1,
  BMS_MIN_BOOTLOADER: 0xb5a2,
  BMS_SAFETY_CRITICAL: 0xb5a3
} as const;

/** Signature TLVs other than ED25519: present in the wild, not verifiable by this tool. */
export const OTHER_SIGNATURE_TLVS: readonly number[] = [
  TLV.RSA2048_PSS,
  TLV.ECDSA224,
  TLV.ECDSA_SIG,
  TLV.RSA3072_PSS
];

export const TLV_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(TLV).map(([name, type]) => [type, name])
);

export function tlvName(type: number): string {
  return TLV_NAMES[type] ?? `0x${type.toString(16).padStart(2, '0')}`;
}

export function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0')}`;
}

/** Names of the IMAGE_F bits set in `flags`, unknown bits in hex. */
export function flagNames(flags: number): string[] {
  const names = Object.entries(IMAGE_F)
    .filter(([, bit]) => flags & bit)
    .map(([name]) => name);
  const known = Object.values(IMAGE_F).reduce((all, bit) => all | bit, 0);
  const unknown = flags & ~known;
  return unknown ? [...names, hex32(unknown)] : names;
}
