/**
 * Stable error codes. Core code throws `BmsError` (or returns `{ ok: false, error }` across the worker
 * boundary); the sentence, diagnosis and fix for each code live in `error-catalog.ts`, shared by the
 * UI and the CLI. Each domain lists its own codes in its own `*-codes.ts` file so the list stays close
 * to the code that raises them.
 */
import type { ImageErrorCode } from './image/image-codes';
import type { LinkErrorCode } from './link/link-codes';
import type { SmpErrorCode } from './protocol/smp/smp-codes';
import type { DeviceErrorCode } from './virtual-bms/device-codes';
import type { UpdateErrorCode } from './update/update-codes';
import type { GeneralErrorCode } from './general-codes';
import type { JbdErrorCode } from './protocol/jbd/jbd-codes';
import type { ModbusErrorCode } from './protocol/modbus/modbus-codes';
import type { JkErrorCode } from './protocol/jk/jk-codes';
import type { DalyErrorCode } from './protocol/daly/daly-codes';
import type { ThingSetErrorCode } from './protocol/thingset/thingset-codes';
import type { CanErrorCode } from './link/can/can-codes';
import type { IsoTpErrorCode } from './link/can/isotp-codes';
import type { FoxBmsErrorCode } from './protocol/foxbms/foxbms-codes';
import type { FamilyErrorCode } from './family/family-codes';

export type ErrorCode =
  | GeneralErrorCode
  | ImageErrorCode
  | LinkErrorCode
  | SmpErrorCode
  | DeviceErrorCode
  | UpdateErrorCode
  | JbdErrorCode
  | ModbusErrorCode
  | JkErrorCode
  | DalyErrorCode
  | ThingSetErrorCode
  | CanErrorCode
  | IsoTpErrorCode
  | FoxBmsErrorCode
  | FamilyErrorCode;

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
