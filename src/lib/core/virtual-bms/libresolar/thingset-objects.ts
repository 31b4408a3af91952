/**
 * The device side of ThingSet text mode: a tree of data objects (groups, values, functions) and the
 * processing of one request into the answer message, as the ThingSet library does on the device: a
 * GET prints values with each float item's own digits (`55.0`, `52.80`), an UPDATE checks every item
 * (exists, writable, right type) before it writes any, a function answers its int32 result. Error
 * answers carry the library's message (`:A3 "Item rSOC_pct is read-only"`, `:A4 "Invalid endpoint"`).
 */
import { base64Decode } from '../../protocol/smp/base64';
import { STATUS, statusHex } from '../../protocol/thingset/thingset-status';
import type { JsonValue, TextRequest } from '../../protocol/thingset/text-codec';

export type TsData = number | string | boolean | null | (number | null)[];

export interface TsValue {
  kind: 'value';
  /** the data object id binary mode addresses it by (data_objects.h, thingset sdk.h) */
  id: number;
  name: string;
  read(): TsData;
  decimals?: number;
  /** absent: read-only */
  write?: { accepts(value: JsonValue): boolean; apply(value: JsonValue): void };
}

export interface TsParam {
  id: number;
  name: string;
  type: 'bytes' | 'float';
  /** bytes parameters: the device buffer's size (CONFIG_THINGSET_DFU_CHUNK_SIZE for bData) */
  maxBytes?: number;
}

export interface TsFunction {
  kind: 'function';
  id: number;
  name: string;
  params: TsParam[];
  /** the int32 result, undefined for a void function, 'no-answer' when the device resets on the spot */
  run(args: (number | Uint8Array)[]): number | undefined | 'no-answer';
}

export interface TsGroup {
  kind: 'group';
  id: number;
  name: string;
  children: TsNode[];
  /** the group's POST_WRITE callback (LibreSolar's Conf: configure the BMS IC, queue the storage save) */
  afterWrite?: () => void;
}

export type TsNode = TsValue | TsFunction | TsGroup;

export class Refusal {
  constructor(
    readonly status: number,
    readonly message?: string
  ) {}
}

export const refuse = (status: number, message?: string): never => {
  throw new Refusal(status, message);
};

function formatData(data: TsData, decimals?: number): string {
  if (Array.isArray(data)) return `[${data.map((d) => formatData(d, decimals)).join(',')}]`;
  if (typeof data === 'number') return decimals === undefined ? String(Math.trunc(data)) : data.toFixed(decimals);
  return JSON.stringify(data);
}

function formatNode(node: TsNode): string {
  if (node.kind === 'value') return formatData(node.read(), node.decimals);
  if (node.kind === 'function') return JSON.stringify(node.params.map((p) => p.name));
  return 'null';
}

function formatGroup(group: TsGroup): string {
  return `{${group.children.map((child) => `${JSON.stringify(child.name)}:${formatNode(child)}`).join(',')}}`;
}

export function resolve(root: TsGroup, path: string): TsNode {
  let node: TsNode = root;
  for (const name of path.split('/').filter((n) => n !== '')) {
    const next: TsNode | undefined = node.kind === 'group' ? node.children.find((c) => c.name === name) : undefined;
    if (!next) return refuse(STATUS.NOT_FOUND, 'Invalid endpoint');
    node = next;
  }
  return node;
}

export function child(group: TsGroup, name: string): TsNode {
  return group.children.find((c) => c.name === name) ?? refuse(STATUS.NOT_FOUND, `Item ${name} not found`);
}

export function asGroup(node: TsNode): TsGroup {
  return node.kind === 'group' ? node : refuse(STATUS.METHOD_NOT_ALLOWED, `${node.name} is not a group`);
}

function update(group: TsGroup, values: Record<string, JsonValue>): string {
  const targets = Object.entries(values).map(([name, value]) => {
    const node = child(group, name);
    if (node.kind !== 'value' || !node.write) return refuse(STATUS.FORBIDDEN, `Item ${name} is read-only`);
    return { node, write: node.write, value };
  });
  // Every item is checked before any is written, as the library's validating first pass does.
  for (const { node, write, value } of targets) {
    if (!write.accepts(value)) refuse(STATUS.UNSUPPORTED_FORMAT, `Item ${node.name} does not take ${JSON.stringify(value)}`);
  }
  for (const { write, value } of targets) write.apply(value);
  group.afterWrite?.();
  return `:${statusHex(STATUS.CHANGED)}`;
}

function argument(param: TsParam, value: JsonValue): number | Uint8Array {
  if (param.type === 'float') return typeof value === 'number' ? value : refuse(STATUS.UNSUPPORTED_FORMAT);
  if (typeof value !== 'string') return refuse(STATUS.UNSUPPORTED_FORMAT, `Parameter ${param.name} takes base64 bytes`);
  // thingset_txt.c sizes the base64 text before decoding it: whole 4-character groups × 3, padding
  // included, so a 256-byte buffer takes 255 bytes (340 characters) but not 256 (344 → 258): `:AD`.
  if (param.maxBytes !== undefined && Math.floor(value.length / 4) * 3 > param.maxBytes) return refuse(STATUS.REQUEST_TOO_LARGE);
  const bytes = base64Decode(new TextEncoder().encode(value));
  if (!bytes) return refuse(STATUS.UNSUPPORTED_FORMAT, `Parameter ${param.name} takes base64 bytes`);
  return bytes;
}

function exec(node: TsNode, args: JsonValue[]): string | undefined {
  if (node.kind !== 'function') return refuse(STATUS.METHOD_NOT_ALLOWED, `${node.name} is not executable`);
  if (args.length !== node.params.length) refuse(STATUS.BAD_REQUEST, `${node.name} takes ${node.params.length} parameters`);
  const result = node.run(node.params.map((param, i) => argument(param, args[i])));
  if (result === 'no-answer') return undefined;
  return `:${statusHex(STATUS.CHANGED)}${result === undefined ? '' : ` ${result}`}`;
}

/** The answer message to one request (without checksum), or undefined when the device does not answer. */
export function processRequest(root: TsGroup, request: TextRequest): string | undefined {
  try {
    const node = resolve(root, request.path);
    const content = `:${statusHex(STATUS.CONTENT)}`;
    switch (request.op) {
      case 'get':
        return `${content} ${node.kind === 'group' ? formatGroup(node) : formatNode(node)}`;
      case 'fetch': {
        const group = asGroup(node);
        return `${content} [${request.names.map((name) => formatNode(child(group, name))).join(',')}]`;
      }
      case 'update':
        return update(asGroup(node), request.values);
      case 'exec':
        return exec(node, request.args);
    }
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return `:${statusHex(error.status)}${error.message ? ` ${JSON.stringify(error.message)}` : ''}`;
  }
}

/** A report of a subset, as the `#mLive` line prints it: `{"Meas":{…}}`. */
export function formatReport(groups: TsGroup[]): string {
  return `{${groups.map((g) => `${JSON.stringify(g.name)}:${formatGroup(g)}`).join(',')}}`;
}
