import type { ImageErrorCode } from '../../../core/image/image-codes';
import type { ErrorText } from '../../error-text';

export const imageEn = {
  IMAGE_TRUNCATED: {
    summary: 'The firmware file is shorter than its own header says.',
    diagnosis: 'The download or copy was cut short, or the file is not a complete MCUboot image.',
    fix: 'Download the firmware again from a trusted source and check its size.'
  },
  IMAGE_CATALOG_INVALID: {
    summary: 'The firmware catalog cannot be read.',
    diagnosis: 'The catalog file served with the app is not a bms-flasher firmware catalog (wrong format, or not JSON): no image can be offered from it.',
    fix: 'Reload the page; if it persists, the site was published with a damaged catalog: open an image file instead and tell the site operator.'
  },
  IMAGE_BAD_MAGIC: {
    summary: 'This file is not an MCUboot firmware image.',
    diagnosis: 'The first four bytes are not the MCUboot image magic: it may be a raw .bin, a .hex or another format.',
    fix: 'Choose the signed image (.img / signed .bin) produced by the build, or sign the raw binary first.'
  },
  IMAGE_BAD_HEADER: {
    summary: 'The image header has inconsistent sizes.',
    diagnosis: 'Header, payload and TLV sizes do not fit together; the file is damaged or was not made by imgtool.',
    fix: 'Rebuild and re-sign the image, or download it again from a trusted source.'
  },
  IMAGE_TLV_CORRUPT: {
    summary: 'The metadata area (TLVs) after the firmware is damaged.',
    diagnosis: 'A TLV area marker or length is wrong, so hash and signature cannot be located reliably.',
    fix: 'Download the firmware again from a trusted source; if it persists, re-sign it with imgtool or bms-flasher.'
  },
  IMAGE_NO_HASH: {
    summary: 'The image carries no SHA-256 hash, so its integrity cannot be checked.',
    diagnosis: 'MCUboot needs a SHA-256 TLV; this image has none (or only SHA-384/512, which this tool does not check).',
    fix: 'Sign the image with the default SHA-256 hash (imgtool sign or bms-flasher sign).'
  },
  IMAGE_HASH_MISMATCH: {
    summary: 'The firmware checksum does not match: the file is corrupted or was modified.',
    diagnosis: 'The SHA-256 computed over header, firmware and protected metadata differs from the one stored in the image.',
    fix: 'Do not install it. Download the firmware again from a trusted source.'
  },
  IMAGE_UNSIGNED: {
    summary: 'The image is not signed.',
    diagnosis: 'It carries a hash but no Ed25519 signature, so its origin cannot be proven.',
    fix: 'Use the signed release from the manufacturer, or sign it with a trusted key (bms-flasher sign --key).'
  },
  IMAGE_UNKNOWN_KEY: {
    summary: 'The image was signed with a key that is not in the trusted key list.',
    diagnosis: 'Authentication rejected: check the certificate / key chain. The signer key hash matches none of the trusted keys.',
    fix: 'Re-download the firmware from a trusted source, or add the publisher key to the trusted keys if you trust it.'
  },
  IMAGE_SIGNATURE_INVALID: {
    summary: 'The image signature is invalid.',
    diagnosis: 'Authentication rejected: the signature does not match the image hash for the trusted key, so the file was altered or mis-signed.',
    fix: 'Do not install it. Re-download the firmware from a trusted source.'
  },
  IMAGE_SIGNATURE_UNSUPPORTED: {
    summary: 'The image is signed with an algorithm this tool does not check.',
    diagnosis: 'Only Ed25519 signatures are verified; this image carries RSA, ECDSA or a "pure" signature.',
    fix: 'Ask the publisher for the Ed25519-signed release, or re-sign it with an Ed25519 key.'
  },
  IMAGE_ENCRYPTED_UNSUPPORTED: {
    summary: 'The image is encrypted; this tool cannot check it before transfer.',
    diagnosis: 'Its hash covers the decrypted firmware, which only the bootloader can reconstruct.',
    fix: 'Use the unencrypted signed image for tool-side checks, or flash it with the vendor tool that handles encryption.'
  },
  IMAGE_TOO_LARGE: {
    summary: 'The image does not fit in the firmware slot.',
    diagnosis: 'Image plus the MCUboot trailer is larger than the slot size.',
    fix: 'Check the slot size for this BMS model, or build a smaller firmware.'
  },
  IMAGE_BAD_METADATA: {
    summary: 'The BMS metadata in the image (model, hardware revisions, bootloader, safety flag) is malformed.',
    diagnosis: 'A BMS metadata TLV has the wrong length or content, so compatibility cannot be checked.',
    fix: 'Re-sign the image with valid metadata (bms-flasher sign --model --hw-rev --min-bootloader).'
  },
  IMAGE_HEX_INVALID: {
    summary: 'The Intel HEX file is invalid.',
    diagnosis: 'A record is malformed, has a wrong checksum, overlaps another, or the file has no end record.',
    fix: 'Export the firmware again from the build (or use the .bin output).'
  },
  IMAGE_KEY_INVALID: {
    summary: 'The key file cannot be read.',
    diagnosis: 'It is not a PEM Ed25519 key (PKCS#8 "PRIVATE KEY" or SPKI "PUBLIC KEY"), or it is damaged or password-protected.',
    fix: 'Use a key made by `bms-flasher keygen` or `imgtool keygen -t ed25519` (without password).'
  },
  IMAGE_KEY_UNSUPPORTED: {
    summary: 'The key type is not supported; only Ed25519 keys are.',
    diagnosis: 'The PEM holds another algorithm (for example ECDSA P-256 or RSA).',
    fix: 'Create an Ed25519 key (`bms-flasher keygen`) and sign with it.'
  },
  IMAGE_VERSION_INVALID: {
    summary: 'The version number is invalid.',
    diagnosis: 'Versions are major.minor.revision+build with major/minor ≤ 255, revision ≤ 65535, build ≤ 4294967295.',
    fix: 'Write it like 1.2.3+4 (later parts optional).'
  },
  IMAGE_OPTION_INVALID: {
    summary: 'A signing option is invalid.',
    diagnosis: 'Header size, alignment, slot size, security counter or padding options are out of range or inconsistent.',
    fix: 'Use the same values as imgtool for this board (e.g. --header-size 0x200 --align 4 --slot-size <slot>).'
  }
} satisfies Record<ImageErrorCode, ErrorText>;
