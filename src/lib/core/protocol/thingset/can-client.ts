/**
 * ThingSet over CAN (thingset-zephyr-sdk can.c): binary requests to one node over ISO-TP on the 29-bit
 * request/response ids of the (node, host) pair, and the bus-wide traffic a host reads without asking —
 * address claims (type 3) and live reports (type 1, id-keyed) — for node discovery and telemetry.
 * Values come back in the text client's shapes (names as keys when a path is asked, floats as the
 * shortest decimal that gives the same single-precision value, NaN as null), so a device family can use
 * either client. Reports are keyed by data object ids; their paths are asked once per node (`_Paths`).
 */
import { BmsError, fail, isBmsError } from '../../errors';
import type { CanChannel, CanFrame } from '../../link/can/can-frame';
import { IsoTpTransport } from '../../link/can/isotp-transport';
import { decodeCborItem, type CborValue } from '../smp/cbor';
import { decodeBinaryResponse, encodeBinaryRequest, type BinaryEndpoint, type BinaryRequest, type BinaryResponse } from './binary-codec';
import { ADDR_BROADCAST, addressDiscoveryFrame, parseThingSetId, ReportAssembler, requestId } from './can-ids';
import type { JsonObject, JsonValue } from './text-codec';
import type { ThingSetReport } from './text-client';
import { failOnStatus } from './thingset-status';

/** The address thingset-dfu-can.py and our tools use on the bus. */
export const HOST_ADDRESS = 0x00;
const ID_PATHS = 0x17;
/** TS_ID_SUBSET_LIVE: the subset bms-firmware reports. */
const SUBSETS: Record<number, string> = { 0x31: 'mLive' };

export interface ThingSetCanNode {
  address: number;
  /** from its address claim, hex */
  eui64?: string;
  /** how it was seen first */
  seenBy: 'address claim' | 'report';
  claims: number;
  reports: number;
}

/** A float read back from single precision, written as the device prints it (1.2, not 1.2000000476837158). */
function shortest(value: number): number | null {
  if (Number.isNaN(value)) return null;
  if (Number.isInteger(value)) return value;
  const single = Math.fround(value);
  for (let digits = 1; digits <= 9; digits += 1) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === single) return candidate;
  }
  return value;
}

/** CBOR as the text client's JSON: numbers rounded as above, maps as objects. */
export function toJson(value: CborValue): JsonValue {
  if (typeof value === 'number') return shortest(value);
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Uint8Array) return [...value];
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), toJson(v)]));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

export interface CanRequestOptions {
  timeoutMs?: number;
  /** false: the device resets without answering (xReset); resolves once the request is sent */
  expectAnswer?: boolean;
}

/** Requests to one node. One at a time: the node serves one request per host at a time. */
export class ThingSetCanClient {
  readonly address: number;
  readonly #transport: IsoTpTransport;
  readonly #timeoutMs: number;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(channel: CanChannel, options: { address: number; host?: number; timeoutMs?: number }) {
    this.address = options.address;
    const host = options.host ?? HOST_ADDRESS;
    this.#timeoutMs = options.timeoutMs ?? 1000;
    this.#transport = new IsoTpTransport(channel, {
      txId: requestId({ target: options.address, source: host }),
      rxId: requestId({ target: host, source: options.address }),
      extended: true,
      // a node that is not there gives no flow control to a long request: that is silence too
      nBsMs: this.#timeoutMs
    });
  }

  /** The raw answer (any status); silence is THINGSET_NO_ANSWER, a broken link its own error. */
  request(request: BinaryRequest, options: CanRequestOptions = {}): Promise<BinaryResponse | undefined> {
    const run = this.#queue.then(() => this.#exchange(request, options));
    this.#queue = run.catch(() => {});
    return run;
  }

  async get(path: BinaryEndpoint, options?: CanRequestOptions): Promise<JsonValue> {
    return toJson((await this.#call({ fn: 'get', endpoint: path }, options))?.data);
  }

  async fetch(path: BinaryEndpoint, names: (string | number)[] | null, options?: CanRequestOptions): Promise<JsonValue> {
    return toJson((await this.#call({ fn: 'fetch', endpoint: path, data: names }, options))?.data);
  }

  async update(path: BinaryEndpoint, values: JsonObject, options?: CanRequestOptions): Promise<void> {
    await this.#call({ fn: 'update', endpoint: path, data: values as CborValue }, options);
  }

  /** Runs a function; resolves with its int32 result, or undefined for a void function / no answer. */
  async exec(path: BinaryEndpoint, args: CborValue[] = [], options?: CanRequestOptions): Promise<JsonValue | undefined> {
    const answer = await this.#call({ fn: 'exec', endpoint: path, data: args }, options);
    return answer?.data === undefined || answer.data === null ? undefined : toJson(answer.data);
  }

  close(): void {
    this.#transport.close();
  }

  async #call(request: BinaryRequest, options?: CanRequestOptions): Promise<BinaryResponse | undefined> {
    const answer = await this.request(request, options);
    if (answer) failOnStatus(answer.status, describe(request, this.address), typeof answer.data === 'string' ? answer.data : undefined);
    return answer;
  }

  async #exchange(request: BinaryRequest, options: CanRequestOptions): Promise<BinaryResponse | undefined> {
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    try {
      this.#transport.discardReceived();
      await this.#transport.send(encodeBinaryRequest(request));
      if (options.expectAnswer === false) return undefined;
      return decodeBinaryResponse(await this.#transport.receive(timeoutMs));
    } catch (error) {
      if (isBmsError(error) && error.code === 'ISOTP_TIMEOUT') {
        fail('THINGSET_NO_ANSWER', `${describe(request, this.address)}: no answer within ${timeoutMs} ms`);
      }
      throw error;
    }
  }
}

function describe(request: BinaryRequest, address: number): string {
  const endpoint = typeof request.endpoint === 'number' ? `0x${request.endpoint.toString(16)}` : request.endpoint;
  return `${request.fn.toUpperCase()} ${endpoint} on node 0x${address.toString(16).padStart(2, '0')}`;
}

/**
 * The host's view of the bus: nodes that claimed an address or sent a report, their decoded reports,
 * and clients for the nodes. Reading the bus sends nothing; resolving report ids asks the node once.
 */
export class ThingSetCanBus {
  readonly #channel: CanChannel;
  readonly #nodes = new Map<number, ThingSetCanNode>();
  readonly #clients = new Map<number, ThingSetCanClient>();
  readonly #paths = new Map<number, Promise<Map<number, string>>>();
  readonly #assembler = new ReportAssembler();
  readonly #claimListeners = new Set<(node: ThingSetCanNode) => void>();
  readonly #reportListeners = new Set<(address: number, report: ThingSetReport) => void>();
  readonly #unsubscribe: () => void;
  readonly #host: number;
  /** a report whose ids could not be resolved, kept for the log */
  lastReportError: BmsError | undefined;

  constructor(channel: CanChannel, options: { host?: number } = {}) {
    this.#channel = channel;
    this.#host = options.host ?? HOST_ADDRESS;
    this.#unsubscribe = channel.subscribe((frame) => this.#receive(frame));
  }

  nodes(): ThingSetCanNode[] {
    return [...this.#nodes.values()].sort((a, b) => a.address - b.address);
  }

  client(address: number, timeoutMs?: number): ThingSetCanClient {
    let client = this.#clients.get(address);
    if (!client) {
      client = new ThingSetCanClient(this.#channel, { address, host: this.#host, timeoutMs });
      this.#clients.set(address, client);
    }
    return client;
  }

  /** Claims as they arrive (a node claims at every start: a claim after a reset means it is back). */
  onClaim(listener: (node: ThingSetCanNode) => void): () => void {
    this.#claimListeners.add(listener);
    return () => this.#claimListeners.delete(listener);
  }

  /** Decoded live reports, `{ path: "mLive", values: { Meas: { … } } }` as on the serial line. */
  onReport(listener: (address: number, report: ThingSetReport) => void): () => void {
    this.#reportListeners.add(listener);
    return () => this.#reportListeners.delete(listener);
  }

  /** The next address claim of `address`, within `timeoutMs`. */
  nextClaim(address: number, timeoutMs: number, signal?: AbortSignal): Promise<ThingSetCanNode> {
    return new Promise((resolve, reject) => {
      const done = (error?: BmsError, node?: ThingSetCanNode) => {
        clearTimeout(timer);
        stop();
        signal?.removeEventListener('abort', aborted);
        if (error) reject(error);
        else resolve(node!);
      };
      const timer = setTimeout(() => done(new BmsError('THINGSET_NO_ANSWER', `node 0x${address.toString(16)} did not claim its address within ${timeoutMs} ms`)), timeoutMs);
      const stop = this.onClaim((node) => node.address === address && done(undefined, node));
      const aborted = () => done(new BmsError('CANCELLED', `stopped while waiting for node 0x${address.toString(16)}`));
      signal?.addEventListener('abort', aborted);
    });
  }

  /**
   * Asks whether `address` is taken (an anonymous address discovery): a node that owns it claims it
   * again, so a node that started before we listened, or sends no reports, is found.
   */
  async discover(address: number, timeoutMs = 500): Promise<ThingSetCanNode | undefined> {
    const claim = this.nextClaim(address, timeoutMs);
    claim.catch(() => undefined);
    await this.#channel.send(addressDiscoveryFrame(address, Math.floor(Math.random() * 256)));
    return claim.catch((error: unknown) => {
      if (isBmsError(error) && error.code === 'THINGSET_NO_ANSWER') return undefined;
      throw error;
    });
  }

  close(): void {
    this.#unsubscribe();
    for (const client of this.#clients.values()) client.close();
    this.#clients.clear();
  }

  #seen(address: number, by: ThingSetCanNode['seenBy']): ThingSetCanNode {
    let node = this.#nodes.get(address);
    if (!node) {
      node = { address, seenBy: by, claims: 0, reports: 0 };
      this.#nodes.set(address, node);
    }
    return node;
  }

  #receive(frame: CanFrame): void {
    const id = parseThingSetId(frame);
    if (!id) return;
    if (id.type === 'network' && id.target === ADDR_BROADCAST && frame.data.length === 8) {
      const node = this.#seen(id.source, 'address claim');
      node.claims += 1;
      node.eui64 = Array.from(frame.data, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
      for (const listener of this.#claimListeners) listener(node);
    } else if (id.type === 'mf-report' && id.priority >= 4) {
      const message = this.#assembler.push(id, frame.data);
      if (!message) return;
      this.#seen(id.source, 'report').reports += 1;
      if (this.#reportListeners.size > 0) void this.#decodeReport(id.source, message);
    }
  }

  async #decodeReport(address: number, message: Uint8Array): Promise<void> {
    try {
      if (message[0] !== 0x1f) fail('THINGSET_LINE_INVALID', `report from 0x${address.toString(16)} starts with 0x${message[0]?.toString(16)}`);
      const head = decodeCborItem(message, 1);
      const body = decodeCborItem(message, head.end).value;
      const entries = body instanceof Map ? [...body.entries()] : [];
      const ids = entries.map(([key]) => key).filter((key): key is number => typeof key === 'number');
      const paths = await this.#pathsOf(address, ids);
      const values: Record<string, Record<string, JsonValue>> = {};
      for (const [key, value] of entries) {
        const [group, name] = (paths.get(key as number) ?? `?/${String(key)}`).split('/');
        (values[group] ??= {})[name ?? group] = toJson(value);
      }
      const path = typeof head.value === 'number' ? (SUBSETS[head.value] ?? `0x${head.value.toString(16)}`) : String(head.value);
      const report: ThingSetReport = { path, values, at: Date.now() };
      for (const listener of this.#reportListeners) listener(address, report);
    } catch (error) {
      this.lastReportError = isBmsError(error) ? error : new BmsError('THINGSET_LINE_INVALID', String(error));
    }
  }

  /** Paths of report ids, asked once per node with FETCH `_Paths` and kept. */
  #pathsOf(address: number, ids: number[]): Promise<Map<number, string>> {
    let known = this.#paths.get(address);
    if (!known) {
      known = this.client(address)
        .fetch(ID_PATHS, ids)
        .then((paths) => new Map(ids.map((id, i) => [id, String((paths as JsonValue[])[i])])));
      known.catch(() => this.#paths.delete(address));
      this.#paths.set(address, known);
    }
    return known;
  }
}
