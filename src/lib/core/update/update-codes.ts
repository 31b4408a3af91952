import type { ErrorEntry } from '../error-text';

/** Error codes raised by the update layer, with their user text (English and French). */
export const UPDATE_ERRORS = {} satisfies Record<string, ErrorEntry>;

export type UpdateErrorCode = keyof typeof UPDATE_ERRORS;
