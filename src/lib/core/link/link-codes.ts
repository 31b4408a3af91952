import type { ErrorEntry } from '../error-text';

/** Error codes raised by the link layer, with their user text (English and French). */
export const LINK_ERRORS = {} satisfies Record<string, ErrorEntry>;

export type LinkErrorCode = keyof typeof LINK_ERRORS;
