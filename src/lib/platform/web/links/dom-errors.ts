/** Reading the name and message of a thrown DOMException (or anything else thrown) without DOM types. */

export const errorName = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
