import type { ErrorEntry } from '../error-text';

/** Error codes raised by the smp layer, with their user text (English and French). */
export const SMP_ERRORS = {} satisfies Record<string, ErrorEntry>;

export type SmpErrorCode = keyof typeof SMP_ERRORS;
