/** Shapes of a parsed MCUboot image (see docs/image-format.md for the byte layout). */
export interface ImageVersion {
  major: number;
  minor: number;
  revision: number;
  build: number;
}

export interface ImageHeader {
  loadAddr: number;
  hdrSize: number;
  protectTlvSize: number;
  imgSize: number;
  flags: number;
  version: ImageVersion;
}

/** A TLV to write: type and data only. */
export interface RawTlv {
  type: number;
  data: Uint8Array;
}

export interface ImageTlv {
  type: number;
  /** Inside the protected area (covered by the hash and the signature). */
  protected: boolean;
  /** File offset of the TLV's 4-byte header; its data starts 4 bytes later. */
  offset: number;
  data: Uint8Array;
}

/** Our BMS facts, carried in protected vendor TLVs so the signature covers them (R07, R13). */
export interface BmsMetadata {
  model?: string;
  hwRevisions?: string[];
  minBootloader?: ImageVersion;
  safetyCritical: boolean;
}

export interface ParsedImage {
  header: ImageHeader;
  /** View of [hdrSize, hdrSize + imgSize). */
  payload: Uint8Array;
  /** hdrSize + imgSize + protectTlvSize: the bytes covered by the SHA256 TLV and the signature. */
  hashedLength: number;
  tlvs: ImageTlv[];
  /** SHA256 TLV: the "hash" SMP image state reports. */
  imageHash?: Uint8Array;
  keyHash?: Uint8Array;
  /** Full DER SubjectPublicKeyInfo when signed with imgtool --public-key-format full. */
  publicKey?: Uint8Array;
  signature?: Uint8Array;
  securityCounter?: number;
  metadata: BmsMetadata;
  /** End of the unprotected TLV area; a padded slot image continues beyond it. */
  imageEnd: number;
}
