import type { ErrorEntry } from '../error-text';

/** Error codes raised by the image layer, with their user text (English and French). */
export const IMAGE_ERRORS = {} satisfies Record<string, ErrorEntry>;

export type ImageErrorCode = keyof typeof IMAGE_ERRORS;
