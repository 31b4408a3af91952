/**
 * Shared pieces of the parser fuzz tests (`*.fuzz.test.ts` beside each parser; recipe in
 * docs/fuzzing.md). A parser that reads bytes from outside may return a value or throw a typed BmsError
 * of its own domain; anything else (TypeError, RangeError from an absurd allocation, a plain Error) is
 * a bug. The suite runs each property a few hundred times with a fixed seed so a failure reproduces;
 * `npm run fuzz` sets FUZZ_SCALE to run many more inputs from a fresh seed (printed on failure, replay it
 * with FUZZ_SEED).
 */
import fc from 'fast-check';
import { ERROR_CODES } from '../core/error-registry';
import { BmsError } from '../core/errors';
import type { Decoded } from '../core/protocol/exchange';

// Written out as `import.meta.env`: vitest fills in the environment only where that exact text appears.
const env: Record<string, unknown> = import.meta.env ?? {};
const scale = Math.max(1, Math.floor(Number(env.FUZZ_SCALE ?? 1)) || 1);
const replaySeed = env.FUZZ_SEED === undefined ? undefined : Number(env.FUZZ_SEED);

/** fast-check parameters for one property: `runs` in the suite, FUZZ_SCALE times as many under `npm run fuzz`. */
export function fuzzOptions(runs: number, seed: number): { numRuns: number; seed?: number } {
  if (replaySeed !== undefined) return { numRuns: runs * scale, seed: replaySeed };
  return scale > 1 ? { numRuns: runs * scale } : { numRuns: runs, seed };
}

/** Throws unless `code` is a catalogued code (a user can look it up) of the parser's domain. */
export function assertDomainCode(code: string, codePrefix: string): void {
  if (!code.startsWith(codePrefix)) throw new Error(`error code ${code} is outside ${codePrefix}*`);
  if (!(code in ERROR_CODES)) throw new Error(`error code ${code} has no entry in the error catalog`);
}

/** Throws unless `error` is a BmsError whose code belongs to the parser's domain. */
export function assertTyped(error: unknown, codePrefix: string): asserts error is BmsError {
  if (!(error instanceof BmsError)) throw new Error(`untyped failure: ${String(error)}`, { cause: error });
  assertDomainCode(error.code, codePrefix);
}

/** Runs a parser on hostile input: its value, or undefined when it refused with a typed error of its domain. */
export function expectTypedRejection<T>(parse: () => T, codePrefix: string): T | undefined {
  try {
    return parse();
  } catch (error) {
    assertTyped(error, codePrefix);
    return undefined;
  }
}

export async function expectTypedRejectionAsync<T>(parse: () => Promise<T>, codePrefix: string): Promise<T | undefined> {
  try {
    return await parse();
  } catch (error) {
    assertTyped(error, codePrefix);
    return undefined;
  }
}

/** Cuts `bytes` at the given points (any numbers: taken modulo the length), as reads off a Link arrive. */
export function piecesOf(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % (bytes.length + 1))))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const to of [...points, bytes.length]) {
    pieces.push(bytes.subarray(from, to));
    from = to;
  }
  return pieces;
}

/** Arbitrary cut points for piecesOf. */
export const cuts = (): fc.Arbitrary<number[]> => fc.array(fc.nat(), { maxLength: 12 });

export interface StreamCheck {
  /** the parser's error code prefix, e.g. 'JBD_' */
  codePrefix: string;
  /** the unconsumed tail must stay shorter than this (one frame): noise must not pile up in memory */
  maxPending: number;
}

/**
 * Feeds a streaming decoder (`decodeX(buffer) → { frames, rest }`) piece by piece, carrying `rest` as a
 * client does, and checks every call: no throw, `rest` is a tail of what was given and shorter than one
 * frame, every dropped frame a typed error of the domain.
 */
export function decodeInPieces<F>(decode: (buffer: Uint8Array) => Decoded<F>, pieces: readonly Uint8Array[], check: StreamCheck): { frames: F[]; errors: BmsError[] } {
  const frames: F[] = [];
  const errors: BmsError[] = [];
  let pending: Uint8Array = new Uint8Array(0);
  for (const piece of pieces) {
    const buffer = new Uint8Array(pending.length + piece.length);
    buffer.set(pending);
    buffer.set(piece, pending.length);
    const out = decode(buffer);
    for (const error of out.errors ?? []) assertTyped(error, check.codePrefix);
    const tail = buffer.subarray(buffer.length - out.rest.length);
    if (out.rest.length > buffer.length || out.rest.some((b, i) => b !== tail[i])) throw new Error('rest is not a tail of the input');
    if (out.rest.length >= check.maxPending) throw new Error(`${out.rest.length} bytes left pending, one frame is below ${check.maxPending}`);
    frames.push(...out.frames);
    errors.push(...(out.errors ?? []));
    pending = out.rest;
  }
  return { frames, errors };
}

/** Bytes with the values framing cares about (start bytes, lengths 0 / 0xff, newlines) more often than chance. */
export function hostileBytes(special: readonly number[], maxLength = 600): fc.Arbitrary<Uint8Array> {
  const byte = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 255 }) }, { weight: 1, arbitrary: fc.constantFrom(0x00, 0xff, 0x0a, ...special) });
  return fc.array(byte, { maxLength }).map((values) => Uint8Array.from(values));
}
