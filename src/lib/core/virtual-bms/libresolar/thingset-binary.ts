/**
 * The device side of ThingSet binary mode on the same data objects as text mode (thingset-node-c
 * thingset_bin.c / thingset_common.c): an endpoint by id answers with ids as keys, by path with names;
 * every answer is the status, a CBOR null, then the data, and an answer without data ends in a second
 * null (`84 F6 F6`); an error carries the library's message as a text string (`A4 F6 "Invalid endpoint"`).
 * Float items are always single precision (`FA …`, NaN for a dead sensor), integers the shortest form.
 * `_Paths` (0x17) turns ids into paths, which a host needs to read the id-keyed reports sent on CAN.
 */
import { encodeCbor, type CborValue } from '../../protocol/smp/cbor';
import { decodeBinaryRequest, type BinaryRequest } from '../../protocol/thingset/binary-codec';
import { STATUS } from '../../protocol/thingset/thingset-status';
import type { JsonValue } from '../../protocol/thingset/text-codec';
import { asGroup, child, refuse, Refusal, resolve, type TsData, type TsGroup, type TsNode } from './thingset-objects';

/** THINGSET_ID_PATHS: FETCH it with ids, get their paths. */
export const ID_PATHS = 0x17;

const NULL = 0xf6;

function head(major: number, length: number): number[] {
  return length < 24 ? [(major << 5) | length] : length < 256 ? [(major << 5) | 24, length] : [(major << 5) | 25, length >> 8, length & 0xff];
}

function float32(value: number | null): number[] {
  const bytes = new Uint8Array(5);
  bytes[0] = 0xfa;
  new DataView(bytes.buffer).setFloat32(1, value ?? Number.NaN);
  return [...bytes];
}

function encodeData(data: TsData, decimals: number | undefined): number[] {
  if (Array.isArray(data)) return [...head(4, data.length), ...data.flatMap((d) => encodeData(d, decimals))];
  if (decimals !== undefined && (typeof data === 'number' || data === null)) return float32(data);
  if (typeof data === 'number') return [...encodeCbor(Math.trunc(data))];
  return [...encodeCbor(data)];
}

function encodeNode(node: TsNode): number[] {
  if (node.kind === 'value') return encodeData(node.read(), node.decimals);
  if (node.kind === 'function') return [...head(4, node.params.length), ...node.params.flatMap((p) => [...encodeCbor(p.name)])];
  return [NULL];
}

const key = (node: TsNode | { id: number; name: string }, useIds: boolean) => [...encodeCbor(useIds ? node.id : node.name)];

function findById(group: TsGroup, id: number): { node: TsNode; parent?: TsGroup; path: string } | undefined {
  if (group.id === id) return { node: group, path: group.name };
  for (const node of group.children) {
    if (node.id === id) return { node, parent: group, path: group.name ? `${group.name}/${node.name}` : node.name };
    if (node.kind === 'group') {
      const found = findById(node, id);
      if (found) return { ...found, path: group.name ? `${group.name}/${found.path}` : found.path };
    }
  }
  return undefined;
}

function content(data: number[]): Uint8Array {
  return Uint8Array.from([STATUS.CONTENT, NULL, ...data]);
}

function done(data: number[] = [NULL]): Uint8Array {
  return Uint8Array.from([STATUS.CHANGED, NULL, ...data]);
}

/** A child named or numbered in a request body; a number must belong to `group` (else A0). */
function childOf(root: TsGroup, group: TsGroup, key: CborValue): TsNode {
  if (typeof key === 'string') return child(group, key);
  if (typeof key !== 'number') return refuse(STATUS.BAD_REQUEST);
  const found = findById(root, key) ?? refuse(STATUS.NOT_FOUND);
  return found.parent === group ? found.node : refuse(STATUS.BAD_REQUEST);
}

function get(node: TsNode, useIds: boolean): Uint8Array {
  if (node.kind === 'function') return refuse(STATUS.BAD_REQUEST);
  if (node.kind === 'value') return content(encodeNode(node));
  return content([...head(5, node.children.length), ...node.children.flatMap((c) => [...key(c, useIds), ...encodeNode(c)])]);
}

function fetch(root: TsGroup, node: TsNode, useIds: boolean, names: CborValue): Uint8Array {
  if (names === null) {
    const children = node.kind === 'group' ? node.children : [];
    return content([...head(4, children.length), ...children.flatMap((c) => key(c, useIds))]);
  }
  if (!Array.isArray(names)) return refuse(STATUS.BAD_REQUEST, 'Invalid payload');
  if (node.id === ID_PATHS) {
    const paths = names.map((id) => (typeof id === 'number' ? findById(root, id) : undefined) ?? refuse(STATUS.NOT_FOUND));
    return content([...head(4, paths.length), ...paths.flatMap((p) => [...encodeCbor(p.path)])]);
  }
  if (node.kind !== 'group') return refuse(STATUS.BAD_REQUEST, `${node.name} is not a group`);
  const values = names.map((name) => {
    const item = childOf(root, node, name);
    return item.kind === 'group' ? refuse(STATUS.BAD_REQUEST, `${item.name} is a group`) : encodeNode(item);
  });
  return content([...head(4, values.length), ...values.flat()]);
}

function update(root: TsGroup, node: TsNode, values: CborValue): Uint8Array {
  const group = asGroup(node);
  const entries = values instanceof Map ? [...values.entries()] : values && typeof values === 'object' && !Array.isArray(values) && !(values instanceof Uint8Array) ? Object.entries(values) : undefined;
  if (!entries) return refuse(STATUS.BAD_REQUEST, 'Map with data required');
  // Every item is checked before any is written (the library's check-only pass).
  const targets = entries.map(([name, value]) => {
    const item = childOf(root, group, name);
    if (item.kind !== 'value' || !item.write) return refuse(STATUS.FORBIDDEN, `Item ${item.name} is read-only`);
    if (!item.write.accepts(value as JsonValue)) return refuse(STATUS.UNSUPPORTED_FORMAT);
    return { write: item.write, value };
  });
  for (const { write, value } of targets) write.apply(value as JsonValue);
  group.afterWrite?.();
  return done();
}

function exec(node: TsNode, args: CborValue): Uint8Array | undefined {
  if (node.kind !== 'function') return refuse(STATUS.FORBIDDEN, `${node.name} is not executable`);
  const list = args === undefined ? [] : Array.isArray(args) ? args : refuse(STATUS.BAD_REQUEST, 'Invalid parameters');
  if (list.length < node.params.length) refuse(STATUS.BAD_REQUEST, 'Not enough parameters');
  if (list.length > node.params.length) refuse(STATUS.BAD_REQUEST, 'Too many parameters');
  const values = node.params.map((param, i) => {
    const arg = list[i];
    if (param.type === 'float') return typeof arg === 'number' ? arg : refuse(STATUS.UNSUPPORTED_FORMAT);
    // zcbor_bstr_decode into the item's buffer: a longer string does not fit (unsupported format).
    if (!(arg instanceof Uint8Array) || (param.maxBytes !== undefined && arg.length > param.maxBytes)) return refuse(STATUS.UNSUPPORTED_FORMAT);
    return arg;
  });
  const result = node.run(values);
  if (result === 'no-answer') return undefined;
  return result === undefined ? done() : done([...encodeCbor(result)]);
}

function endpoint(root: TsGroup, request: BinaryRequest): TsNode {
  if (typeof request.endpoint === 'string') return resolve(root, request.endpoint);
  if (request.endpoint === ID_PATHS) return { kind: 'group', id: ID_PATHS, name: '_Paths', children: [] };
  return findById(root, request.endpoint)?.node ?? refuse(STATUS.NOT_FOUND, 'Invalid endpoint');
}

/** The answer to one binary request, or undefined when the device does not answer (it resets). */
export function processBinaryRequest(root: TsGroup, bytes: Uint8Array): Uint8Array | undefined {
  try {
    let request: BinaryRequest;
    try {
      request = decodeBinaryRequest(bytes);
    } catch {
      return refuse(STATUS.BAD_REQUEST);
    }
    const node = endpoint(root, request);
    const useIds = typeof request.endpoint === 'number';
    switch (request.fn) {
      case 'get':
        return get(node, useIds);
      case 'fetch':
        return fetch(root, node, useIds, request.data ?? null);
      case 'update':
        return update(root, node, request.data);
      case 'exec':
        return exec(node, request.data);
      default:
        return refuse(STATUS.METHOD_NOT_ALLOWED);
    }
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const message = error.message === undefined ? [NULL] : [...encodeCbor(error.message)];
    return Uint8Array.from([error.status, NULL, ...message]);
  }
}

/** A report of the live subset as bms-firmware sends it on CAN (THINGSET_BIN_IDS_VALUES): `1F <subset> {id: value}`. */
export function binaryReport(subsetId: number, groups: TsGroup[]): Uint8Array {
  const items = groups.flatMap((g) => g.children.filter((c) => c.kind === 'value'));
  return Uint8Array.from([0x1f, ...encodeCbor(subsetId), ...head(5, items.length), ...items.flatMap((c) => [...key(c, true), ...encodeNode(c)])]);
}
