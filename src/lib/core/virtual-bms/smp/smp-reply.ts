/**
 * What a command handler answers, before the server encodes it for the request's protocol version:
 * a body, a management error (`rc`, the same in v1 and v2), or a group error (v2 `err {group, rc}`,
 * v1 the group's legacy translation). Also the typed readers of request fields: a field of the wrong
 * CBOR type fails the request with EINVAL, as zcbor_map_decode_bulk does on the device.
 */
import type { CborMap, CborValue } from '../../protocol/smp/cbor';
import { MgmtRc } from '../../protocol/smp/smp-ids';

export type Reply =
  | { kind: 'ok'; body: CborMap; busyMs?: number }
  | { kind: 'rc'; rc: number; rsn?: string }
  | { kind: 'group'; group: number; rc: number; rsn?: string };

export const ok = (body: CborMap = {}, busyMs?: number): Reply => ({ kind: 'ok', body, busyMs });
export const mgmtError = (rc: number, rsn?: string): Reply => ({ kind: 'rc', rc, rsn });
export const groupError = (group: number, rc: number, rsn?: string): Reply => ({ kind: 'group', group, rc, rsn });

/** Thrown by the field readers; the server turns it into rc EINVAL. */
export class BadRequest extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'BadRequest';
  }
}

export const badRequestReply = (error: BadRequest): Reply => mgmtError(MgmtRc.INVALID, error.message);

function typed<T>(body: CborMap, key: string, what: string, check: (v: CborValue) => boolean): T | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!check(value)) throw new BadRequest(`"${key}" must be ${what}`);
  return value as T;
}

export const uintField = (body: CborMap, key: string) =>
  typed<number>(body, key, 'an unsigned integer', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0);
export const bytesField = (body: CborMap, key: string) =>
  typed<Uint8Array>(body, key, 'a byte string', (v) => v instanceof Uint8Array);
export const boolField = (body: CborMap, key: string) => typed<boolean>(body, key, 'a boolean', (v) => typeof v === 'boolean');
export const textField = (body: CborMap, key: string) => typed<string>(body, key, 'a text string', (v) => typeof v === 'string');
export const mapField = (body: CborMap, key: string) =>
  typed<CborMap>(
    body,
    key,
    'a map',
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Map)
  );
