import type { CodeTable } from '../error-registry';

/** Error codes raised by the image layer, and what each means (text: src/lib/i18n/<lang>/errors). */
export const IMAGE_CODES = {
  IMAGE_TRUNCATED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_CATALOG_INVALID: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_BAD_MAGIC: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_BAD_HEADER: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_TLV_CORRUPT: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_NO_HASH: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_HASH_MISMATCH: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_UNSIGNED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_UNKNOWN_KEY: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_SIGNATURE_INVALID: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_SIGNATURE_UNSUPPORTED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_ENCRYPTED_UNSUPPORTED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_TOO_LARGE: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_BAD_METADATA: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_HEX_INVALID: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_KEY_INVALID: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_KEY_UNSUPPORTED: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_VERSION_INVALID: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false },
  IMAGE_OPTION_INVALID: { rootCause: 'binary', transportLoss: false, lineError: false, userFixable: false }
} as const satisfies CodeTable;

export type ImageErrorCode = keyof typeof IMAGE_CODES;
