/**
 * ThingSet binary mode (spec "Binary mode"): a function-code byte, the endpoint as CBOR (a numeric id
 * or a text path), then the CBOR data; a response is a status byte, a CBOR null where the endpoint would
 * be, then the data (`01 19 07 04` → `85 F6 FA 3F 99 99 9A`). Used over CAN / ISO-TP, which frames
 * whole messages; on a serial line binary messages break (the line reader cuts at 0x0A).
 * CBOR comes from the SMP codec; floats are written single precision, as the device's float items are.
 */
import { BmsError } from '../../errors';
import { decodeCborItem, encodeCbor, type CborValue } from '../smp/cbor';

export const FUNCTION = { get: 0x01, exec: 0x02, delete: 0x04, fetch: 0x05, create: 0x06, update: 0x07, desire: 0x1d, report: 0x1f } as const;
export type BinaryFunction = keyof typeof FUNCTION;
export type BinaryEndpoint = number | string;

export interface BinaryRequest {
  fn: BinaryFunction;
  endpoint: BinaryEndpoint;
  /** absent for a GET; an array of arguments for EXEC, a map for UPDATE and REPORT */
  data?: CborValue;
}

export interface BinaryResponse {
  status: number;
  data?: CborValue;
}

const FUNCTION_OF = new Map<number, BinaryFunction>(Object.entries(FUNCTION).map(([name, code]) => [code, name as BinaryFunction]));

function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function cbor(value: CborValue): Uint8Array {
  return encodeCbor(value, { floats: 'float32' });
}

/** The CBOR items after the first byte, with a typed error for truncated or bad CBOR. */
function itemsAfter(bytes: Uint8Array, what: string): CborValue[] {
  const items: CborValue[] = [];
  let at = 1;
  try {
    while (at < bytes.length) {
      const { value, end } = decodeCborItem(bytes, at);
      items.push(value);
      at = end;
    }
  } catch (error) {
    throw new BmsError('THINGSET_LINE_INVALID', `${what}: CBOR item at offset ${at} is invalid (${(error as Error).message})`);
  }
  return items;
}

export function encodeBinaryRequest(request: BinaryRequest): Uint8Array {
  const parts = [Uint8Array.of(FUNCTION[request.fn]), cbor(request.endpoint)];
  if (request.data !== undefined) parts.push(cbor(request.data));
  return join(parts);
}

export function decodeBinaryRequest(bytes: Uint8Array): BinaryRequest {
  if (bytes.length === 0) throw new BmsError('THINGSET_LINE_INVALID', 'empty binary request');
  const fn = FUNCTION_OF.get(bytes[0]);
  if (!fn) throw new BmsError('THINGSET_LINE_INVALID', `function code 0x${bytes[0].toString(16)} is not a ThingSet request`);
  const [endpoint, data, ...extra] = itemsAfter(bytes, `request ${fn}`);
  if ((typeof endpoint !== 'number' && typeof endpoint !== 'string') || extra.length) {
    throw new BmsError('THINGSET_LINE_INVALID', `request ${fn}: expected an id or path, then at most one data item`);
  }
  return data === undefined ? { fn, endpoint } : { fn, endpoint, data };
}

export function encodeBinaryResponse(response: BinaryResponse): Uint8Array {
  const status = Uint8Array.of(response.status);
  return response.data === undefined ? status : join([status, cbor(null), cbor(response.data)]);
}

/** A response: the status alone (`84`), or the status, the null endpoint and the data. */
export function decodeBinaryResponse(bytes: Uint8Array): BinaryResponse {
  if (bytes.length === 0 || bytes[0] < 0x80) {
    throw new BmsError('THINGSET_LINE_INVALID', `binary response starts with ${bytes.length ? `0x${bytes[0].toString(16)}` : 'nothing'}, not a status code`);
  }
  const items = itemsAfter(bytes, `response 0x${bytes[0].toString(16)}`);
  if (items.length > 2 || (items.length > 0 && items[0] !== null)) {
    throw new BmsError('THINGSET_LINE_INVALID', `response 0x${bytes[0].toString(16)}: expected null then at most one data item`);
  }
  return items.length === 2 ? { status: bytes[0], data: items[1] } : { status: bytes[0] };
}
