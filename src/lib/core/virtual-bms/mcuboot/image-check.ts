/**
 * What the BMS bootloader checks before it swaps in or runs an image: MCUboot's own validation (header,
 * SHA-256, Ed25519 signature by an embedded key, security counter with MCUBOOT_HW_ROLLBACK_PROT, which
 * makes the SEC_CNT TLV mandatory) plus this product's rules read from the signed metadata TLVs: model,
 * hardware revision, minimum bootloader version.
 */
import { isBmsError, type ErrorCode } from '../../errors';
import { IMAGE_F } from '../../image/image-format';
import type { ImageVersion, ParsedImage } from '../../image/image-types';
import type { TrustedKey } from '../../image/keys';
import { verifyImage } from '../../image/verify-image';
import { compareVersions, formatVersion } from '../../image/version';

export interface BootPolicy {
  /** public keys built into the bootloader */
  keys: TrustedKey[];
  model: string;
  hwRev: string;
  bootloaderVersion: ImageVersion;
  /**
   * Stock MCUboot: only the header, the hash and the signature by an embedded key are checked; this
   * product's security counter and metadata TLVs are not read (an image signed without them boots).
   */
  plain?: boolean;
}

export type SlotVerdict =
  | { ok: true; image: ParsedImage; signer: string }
  | { ok: false; code: ErrorCode; detail: string };

export async function checkImage(bytes: Uint8Array, policy: BootPolicy, storedCounter: number): Promise<SlotVerdict> {
  let image: ParsedImage;
  let signer: string;
  try {
    const verified = await verifyImage(bytes, policy.keys);
    image = verified.image;
    signer = `${verified.signer.name} (${verified.signer.fingerprint})`;
  } catch (error) {
    if (isBmsError(error)) return { ok: false, code: error.code, detail: error.detail };
    throw error;
  }
  const reject = (code: ErrorCode, detail: string): SlotVerdict => ({ ok: false, code, detail });
  const { metadata, securityCounter, header } = image;
  if (header.flags & IMAGE_F.NON_BOOTABLE) return reject('DEVICE_IMAGE_NOT_BOOTABLE', 'header flag NON_BOOTABLE is set');
  if (policy.plain) return { ok: true, image, signer };
  if (securityCounter === undefined) {
    return reject('DEVICE_IMAGE_NO_SECURITY_COUNTER', 'no SEC_CNT TLV in the protected area');
  }
  if (securityCounter < storedCounter) {
    return reject('DEVICE_IMAGE_ROLLBACK', `image security counter ${securityCounter} is below the stored counter ${storedCounter}`);
  }
  if (metadata.model !== undefined && metadata.model !== policy.model) {
    return reject('DEVICE_IMAGE_MODEL_MISMATCH', `image is for model "${metadata.model}", this BMS is "${policy.model}"`);
  }
  if (metadata.hwRevisions !== undefined && !metadata.hwRevisions.includes(policy.hwRev)) {
    return reject(
      'DEVICE_IMAGE_HW_MISMATCH',
      `image supports hardware ${metadata.hwRevisions.join(', ')}; this BMS is revision ${policy.hwRev}`
    );
  }
  if (metadata.minBootloader && compareVersions(policy.bootloaderVersion, metadata.minBootloader) < 0) {
    return reject(
      'DEVICE_IMAGE_BOOTLOADER_TOO_OLD',
      `image needs bootloader ${formatVersion(metadata.minBootloader)} or later; this one is ${formatVersion(policy.bootloaderVersion)}`
    );
  }
  return { ok: true, image, signer };
}
