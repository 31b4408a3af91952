/**
 * Stable error codes. Core code throws `BmsError` (or returns `{ ok: false, error }` across the worker
 * boundary). Each domain declares its codes and their attributes in its own `*-codes.ts` file, gathered
 * by `error-registry.ts`; the sentence, diagnosis and fix for each code live in src/lib/i18n, shared by
 * the UI, the CLI and the reports.
 */
import type { ErrorCode } from './error-registry';

export type { ErrorCode };

/** An error as plain data: survives structured clone (worker boundary), JSON (reports) and logs. */
export interface ErrorData {
  code: ErrorCode;
  /** Specific facts for this occurrence, e.g. "expected 0x96f3b83d, found 0x00000000". */
  detail: string;
}

export class BmsError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  constructor(code: ErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`${code}: ${detail}`, options);
    this.name = 'BmsError';
    this.code = code;
    this.detail = detail;
  }
  toData(): ErrorData {
    return { code: this.code, detail: this.detail };
  }
}

export function fail(code: ErrorCode, detail: string, cause?: unknown): never {
  throw new BmsError(code, detail, cause === undefined ? undefined : { cause });
}

export function isBmsError(value: unknown): value is BmsError {
  return value instanceof BmsError;
}

/** Plain-data form of any thrown value; unknown failures keep their message under a generic code. */
export function toErrorData(value: unknown, fallback: ErrorCode = 'INTERNAL_ERROR'): ErrorData {
  if (value instanceof BmsError) return value.toData();
  if (isErrorData(value)) return { code: value.code, detail: value.detail };
  const message = value instanceof Error ? value.message : String(value);
  return { code: fallback, detail: message };
}

export function isErrorData(value: unknown): value is ErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorData).code === 'string' &&
    typeof (value as ErrorData).detail === 'string'
  );
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** Runs `fn` and turns a thrown error into a `Result`, so errors cross Comlink with their code. */
export async function toResult<T>(fn: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
