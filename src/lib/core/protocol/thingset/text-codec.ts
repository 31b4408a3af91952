/**
 * ThingSet text mode as it runs on a serial line (spec "Text mode" and "Serial" transport): one message
 * per line, `\n` ended (the device sends `\r\n`), with an optional ` XXXXXXXX#` CRC-32 suffix over the
 * message. Requests: `?path` (get), `?path ["a","b"]` (fetch), `=path {...}` (update), `!path/xFn [...]`
 * (exec). Answers `:XX body`; reports `#path {...}`; anything else is a log line of the firmware.
 * JSON bodies are read with JSON.parse. Pure functions: bytes in, frames out.
 */
import { BmsError, type ErrorData } from '../../errors';
import { crc32Hex } from './crc32';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type TextRequest =
  | { op: 'get'; path: string }
  | { op: 'fetch'; path: string; names: string[] }
  | { op: 'update'; path: string; values: JsonObject }
  | { op: 'exec'; path: string; args: JsonValue[] };

export type TextFrame =
  | { kind: 'answer'; status: number; body: JsonValue | undefined; line: string }
  | { kind: 'report'; path: string; values: JsonValue; line: string }
  | { kind: 'log'; line: string }
  | { kind: 'invalid'; error: ErrorData; line: string };

const OP_CHAR = { get: '?', fetch: '?', update: '=', exec: '!' } as const;
const SUFFIX_LENGTH = 10; // " XXXXXXXX#"
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The message of a request line, without checksum or line end. */
export function formatTextRequest(request: TextRequest): string {
  const head = `${OP_CHAR[request.op]}${request.path}`;
  switch (request.op) {
    case 'get':
      return head;
    case 'fetch':
      return `${head} ${JSON.stringify(request.names)}`;
    case 'update':
      return `${head} ${JSON.stringify(request.values)}`;
    case 'exec':
      return request.args.length ? `${head} ${JSON.stringify(request.args)}` : head;
  }
}

/** A message with its checksum suffix (as the device sends lines and as the client sends requests). */
export function withCrc(message: string): string {
  return `${message} ${crc32Hex(message)}#`;
}

export function encodeTextRequest(request: TextRequest, options: { crc?: boolean } = {}): Uint8Array {
  const message = formatTextRequest(request);
  return encoder.encode(`${options.crc === false ? message : withCrc(message)}\n`);
}

export type CrcCheck = { message: string; crc: 'ok' | 'absent' } | { message: string; crc: 'bad'; expected: string; found: string };

/**
 * Splits the checksum off a line. As the firmware does (thingset-zephyr-sdk serial.c), a line carries
 * one only when it ends in `#` and is longer than 10 bytes; otherwise it is taken as it is.
 */
export function checkLineCrc(line: string): CrcCheck {
  if (!line.endsWith('#') || line.length <= SUFFIX_LENGTH) return { message: line, crc: 'absent' };
  const message = line.slice(0, -SUFFIX_LENGTH);
  const found = line.slice(-SUFFIX_LENGTH + 1, -1);
  const expected = crc32Hex(message);
  return found.toUpperCase() === expected ? { message, crc: 'ok' } : { message, crc: 'bad', expected, found };
}

function parseJson(text: string, what: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new BmsError('THINGSET_JSON_INVALID', `${what}: ${text.slice(0, 80)} is not JSON (${(error as Error).message})`);
  }
}

function invalid(error: unknown, line: string): TextFrame {
  if (error instanceof BmsError) return { kind: 'invalid', error: error.toData(), line };
  throw error;
}

/** One received line (without its line end) as a frame. */
export function decodeTextLine(line: string): TextFrame {
  if (!line.startsWith(':') && !line.startsWith('#')) return { kind: 'log', line };
  const check = checkLineCrc(line);
  if (check.crc === 'bad') {
    return { kind: 'invalid', error: { code: 'THINGSET_CRC_MISMATCH', detail: `line "${check.message.slice(0, 60)}" carries ${check.found}, its CRC-32 is ${check.expected}` }, line };
  }
  const { message } = check;
  try {
    if (message.startsWith(':')) {
      const match = /^:([0-9A-Fa-f]{2})(?: (.*))?$/s.exec(message);
      if (!match) throw new BmsError('THINGSET_LINE_INVALID', `answer "${message.slice(0, 60)}" has no two-digit status`);
      const body = match[2] === undefined || match[2] === '' ? undefined : parseJson(match[2], `answer ${match[1]}`);
      return { kind: 'answer', status: parseInt(match[1], 16), body, line };
    }
    const space = message.indexOf(' ');
    if (space < 2) throw new BmsError('THINGSET_LINE_INVALID', `report "${message.slice(0, 60)}" has no path and values`);
    const path = message.slice(1, space);
    return { kind: 'report', path, values: parseJson(message.slice(space + 1), `report ${path}`), line };
  } catch (error) {
    return invalid(error, line);
  }
}

/** Complete lines of `buffer` as frames; `rest` is the unfinished line to keep for the next bytes. */
export function decodeTextFrames(buffer: Uint8Array): { frames: TextFrame[]; rest: Uint8Array } {
  const frames: TextFrame[] = [];
  let start = 0;
  for (let i = 0; i < buffer.length; i += 1) {
    if (buffer[i] !== 0x0a) continue;
    const line = decoder.decode(buffer.subarray(start, i)).replace(/\r$/, '');
    start = i + 1;
    if (line.length > 0) frames.push(decodeTextLine(line));
  }
  return { frames, rest: buffer.slice(start) };
}

/** A request message (checksum already removed) as the device reads it. */
export function parseTextRequest(message: string): TextRequest {
  const op = message[0];
  const space = message.indexOf(' ');
  const path = space < 0 ? message.slice(1) : message.slice(1, space);
  const payload = space < 0 ? undefined : parseJson(message.slice(space + 1), `request ${message.slice(0, 1)}${path}`);
  const bad = (why: string): never => {
    throw new BmsError('THINGSET_LINE_INVALID', `request "${message.slice(0, 60)}": ${why}`);
  };
  if (/\s/.test(path)) bad('the path contains white space');
  if (op === '?') {
    if (payload === undefined) return { op: 'get', path };
    if (!Array.isArray(payload) || !payload.every((n) => typeof n === 'string')) return bad('a fetch takes an array of names');
    return { op: 'fetch', path, names: payload as string[] };
  }
  if (op === '=') {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return bad('an update takes an object');
    return { op: 'update', path, values: payload };
  }
  if (op === '!') {
    if (payload === undefined) return { op: 'exec', path, args: [] };
    return { op: 'exec', path, args: Array.isArray(payload) ? payload : [payload] };
  }
  return bad(`unknown request type "${op ?? ''}"`);
}
