/**
 * Typed reads of response fields: a field of the wrong type is SMP_RESPONSE_INVALID naming the command
 * and the key, so a firmware that changed its answers is reported instead of misread.
 */
import { fail } from '../../../errors';
import { isCborMap, type CborMap, type CborValue } from '../cbor';

type Kind = 'number' | 'string' | 'bytes' | 'boolean' | 'array' | 'map';
type KindType = { number: number; string: string; bytes: Uint8Array; boolean: boolean; array: CborValue[]; map: CborMap };

function matches(value: CborValue, kind: Kind): boolean {
  switch (kind) {
    case 'bytes':
      return value instanceof Uint8Array;
    case 'array':
      return Array.isArray(value);
    case 'map':
      return isCborMap(value);
    default:
      return typeof value === kind;
  }
}

/** A required field; `what` names the command for the error detail, e.g. "image upload". */
export function need<K extends Kind>(body: CborMap, key: string, kind: K, what: string): KindType[K] {
  const value = body[key];
  if (value === undefined || !matches(value, kind)) {
    fail('SMP_RESPONSE_INVALID', `${what}: "${key}" should be ${kind === 'array' ? 'an' : 'a'} ${kind}, got ${describe(value)}`);
  }
  return value as KindType[K];
}

/** An optional field: undefined when absent, an error when present with the wrong type. */
export function maybe<K extends Kind>(body: CborMap, key: string, kind: K, what: string): KindType[K] | undefined {
  return body[key] === undefined ? undefined : need(body, key, kind, what);
}

/** Every element of an array field must be a map (e.g. "images"). */
export function needMaps(body: CborMap, key: string, what: string): CborMap[] {
  const items = need(body, key, 'array', what);
  return items.map((item, index) => {
    if (!isCborMap(item)) fail('SMP_RESPONSE_INVALID', `${what}: "${key}"[${index}] should be a map, got ${describe(item)}`);
    return item;
  });
}

/** An array field whose items all have one kind; `nullable` also lets null through (a silent sensor). */
export function needList<K extends Kind>(body: CborMap, key: string, kind: K, what: string): KindType[K][];
export function needList<K extends Kind>(body: CborMap, key: string, kind: K, what: string, nullable: true): (KindType[K] | null)[];
export function needList<K extends Kind>(body: CborMap, key: string, kind: K, what: string, nullable = false): (KindType[K] | null)[] {
  return need(body, key, 'array', what).map((item, index) => {
    if (item === null && nullable) return null;
    if (!matches(item, kind)) fail('SMP_RESPONSE_INVALID', `${what}: "${key}"[${index}] should be a ${kind}, got ${describe(item)}`);
    return item as KindType[K];
  });
}

function describe(value: CborValue): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}
