/**
 * The subset of CBOR (RFC 8949) that SMP uses, written by hand rather than taken from cbor-x so that the
 * core has no native add-on and we control every byte (see docs/smp.md).
 *
 * Encoding: definite lengths and the shortest integer form (deterministic encoding, RFC 8949 §4.2.1), or
 * indefinite-length maps and arrays as zcbor writes them (option).
 * Decoding: also accepts indefinite-length arrays, maps and strings (tinycbor and zcbor devices emit them),
 * half/single/double floats, and skips semantic tags. Every failure is a BmsError SMP_CBOR_INVALID.
 */
export { encodeCbor, type CborEncodeOptions } from './cbor-encode';
export { decodeCbor, decodeCborItem, type CborDecodeOptions } from './cbor-decode';

/** A decoded map: a plain object when every key is a text string, a Map when any key is an integer. */
export type CborMap = { [key: string]: CborValue };
export type CborValue =
  | number
  | string
  | boolean
  | null
  | undefined
  | Uint8Array
  | CborValue[]
  | CborMap
  | Map<string | number, CborValue>;

/** True for a decoded map with text keys (the shape of every SMP body). */
export function isCborMap(value: CborValue): value is CborMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Map)
  );
}
