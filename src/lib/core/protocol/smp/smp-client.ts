/**
 * The SMP client: joins a Link and the codec. One reader loop feeds the frame decoder (console lines,
 * or raw packets on BLE); responses are matched to requests by sequence number, so several requests
 * may be in flight (upload windows).
 * Timeouts are per request and idempotent requests are resent on timeout; a corrupted frame is dropped
 * by the decoder, so its request simply times out and is resent.
 */
import { isLineError } from '../../error-registry';
import { BmsError, isBmsError } from '../../errors';
import type { Link } from '../../link/link';
import type { CborMap } from './cbor';
import {
  DEFAULT_SMP_LIMITS,
  DEFAULT_TIMEOUT_MS,
  type SmpClientEvent,
  type SmpClientOptions,
  type SmpFraming,
  type SmpLimits,
  type SmpRequest,
  type SmpStats
} from './smp-client-types';
import { responseError } from './smp-errors';
import { describeCommand } from './smp-ids';
import { decodeHeader, decodePacket, encodePacket, SmpOp, type SmpHeader, type SmpVersion } from './smp-packet';
import { encodeSerialFrames, SerialFrameDecoder, type SerialFrameEvent } from './serial-frame';
import { RawPacketReassembler, type RawPacketEvent } from './raw-packet';

export { DEFAULT_SMP_LIMITS, DEFAULT_TIMEOUT_MS, LONG_TIMEOUT_MS } from './smp-client-types';
export type { SmpClientEvent, SmpClientOptions, SmpFraming, SmpLimits, SmpRequest, SmpStats } from './smp-client-types';

/** What the reader loop needs from either framing. */
interface PacketDecoder {
  push(bytes: Uint8Array): (SerialFrameEvent | RawPacketEvent)[];
  reset(): void;
}

interface Pending {
  group: number;
  command: number;
  /** every sequence number this request was sent with: an answer to any attempt settles it */
  seqs: number[];
  resolve(packet: { header: SmpHeader; body: CborMap }): void;
  reject(error: BmsError): void;
}

export class SmpClient {
  readonly link: Link;
  #limits: SmpLimits;
  #version: SmpVersion;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #listeners = new Set<(event: SmpClientEvent) => void>();
  readonly framing: SmpFraming;
  readonly #decoder: PacketDecoder;
  readonly #pending = new Map<number, Pending>();
  readonly #stop = new AbortController();
  readonly #stats: SmpStats = { requests: 0, responses: 0, retries: 0, timeouts: 0, badFrames: 0, lineErrors: 0, noiseBytes: 0 };
  #nextSeq = 0;
  #writeChain: Promise<unknown> = Promise.resolve();
  #fatal: BmsError | undefined;
  readonly #reader: Promise<void>;

  constructor(link: Link, options: SmpClientOptions = {}) {
    this.link = link;
    this.framing = options.framing ?? (link.info.kind === 'ble' ? 'raw' : 'console');
    this.#decoder = this.framing === 'raw' ? new RawPacketReassembler() : new SerialFrameDecoder();
    this.#limits = { ...DEFAULT_SMP_LIMITS, ...options.limits };
    this.#version = options.version ?? 1;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#retries = options.retries ?? 2;
    if (options.onEvent) this.#listeners.add(options.onEvent);
    this.#reader = this.#readLoop();
  }

  get limits(): Readonly<SmpLimits> {
    return { ...this.#limits };
  }

  setLimits(limits: Partial<SmpLimits>): void {
    this.#limits = { ...this.#limits, ...limits };
  }

  /** The header version in use: 1 (SMP v2) until the device answers with 0 (v1). */
  get version(): SmpVersion {
    return this.#version;
  }

  /** Adds an event listener (session log, link test counters); returns its removal. */
  listen(listener: (event: SmpClientEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get stats(): Readonly<SmpStats> {
    return { ...this.#stats };
  }

  /** Sends a request and resolves with the response body; device errors reject as typed BmsErrors. */
  request(request: SmpRequest): Promise<CborMap> {
    if (this.#fatal) return Promise.reject(this.#fatal);
    const { group, command, signal } = request;
    const what = describeCommand(group, command);
    const timeoutMs = request.timeoutMs ?? this.#timeoutMs;
    const idempotent = request.idempotent ?? request.op === 'read';
    const retries = idempotent ? (request.retries ?? this.#retries) : 0;
    this.#stats.requests++;
    return new Promise<CborMap>((resolve, reject) => {
      let attempt = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const finish = () => {
        settled = true;
        clearTimeout(timer);
        for (const seq of entry.seqs) this.#pending.delete(seq);
        signal?.removeEventListener('abort', onAbort);
      };
      const entry: Pending = {
        group,
        command,
        seqs: [],
        resolve: (packet) => {
          if (settled) return;
          finish();
          const error = responseError(packet.body, request);
          if (error) reject(error);
          else resolve(packet.body);
        },
        reject: (error) => {
          // A late write failure must not remove sequence numbers already reused by another request.
          if (settled) return;
          finish();
          reject(error);
        }
      };
      const onAbort = () => entry.reject(new BmsError('CANCELLED', `${what} cancelled`));
      const onTimeout = () => {
        if (settled) return;
        if (attempt <= retries) {
          this.#stats.retries++;
          this.#emit({ type: 'retry', what, attempt: attempt + 1 });
          try {
            return send();
          } catch (error) {
            return entry.reject(asBmsError(error));
          }
        }
        this.#stats.timeouts++;
        entry.reject(new BmsError('SMP_TIMEOUT', `no answer to ${what} within ${timeoutMs} ms (${attempt} attempt${attempt > 1 ? 's' : ''})`));
      };
      const send = () => {
        attempt++;
        const seq = this.#allocateSeq();
        entry.seqs.push(seq);
        this.#pending.set(seq, entry);
        const op = request.op === 'read' ? SmpOp.read : SmpOp.write;
        const packet = encodePacket({ version: this.#version, op, group, seq, command, body: request.body ?? {} });
        // Raw packets go out whole: the link splits them into ATT writes.
        const frames = this.framing === 'raw' ? packet : encodeSerialFrames(packet, { lineLength: this.#limits.lineLength });
        this.#emit({ type: 'tx', header: decodeHeader(packet), attempt, bytes: frames.length });
        const thisAttempt = attempt;
        // The clock starts once the bytes are out: a window of requests queued behind a slow line is not late.
        this.#write(frames).then(
          () => {
            if (!settled && attempt === thisAttempt) timer = setTimeout(onTimeout, timeoutMs);
          },
          (error) => entry.reject(asBmsError(error))
        );
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        send();
      } catch (error) {
        entry.reject(asBmsError(error));
      }
    });
  }

  /** Drops a partially received frame, e.g. after changing the baud rate. */
  resetFraming(): void {
    this.#decoder.reset();
  }

  /** Stops the reader and fails pending requests with CANCELLED; the link stays open (its owner closes it). */
  async close(): Promise<void> {
    const closed = new BmsError('CANCELLED', 'the SMP client was closed');
    this.#fatal ??= closed;
    this.#failAll(closed);
    this.#stop.abort(closed);
    await this.#reader;
  }

  #emit(event: SmpClientEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  #allocateSeq(): number {
    for (let i = 0; i < 256; i++) {
      const seq = (this.#nextSeq + i) & 0xff;
      if (!this.#pending.has(seq)) {
        this.#nextSeq = (seq + 1) & 0xff;
        return seq;
      }
    }
    throw new BmsError('INTERNAL_ERROR', 'all 256 SMP sequence numbers are in flight');
  }

  #write(bytes: Uint8Array): Promise<void> {
    // One write at a time: two frames must never interleave on the wire.
    const done = this.#writeChain.then(() => this.link.write(bytes));
    this.#writeChain = done.catch(() => {});
    return done;
  }

  async #readLoop(): Promise<void> {
    for (;;) {
      let bytes: Uint8Array;
      try {
        bytes = await this.link.read({ signal: this.#stop.signal });
      } catch (error) {
        if (this.#stop.signal.aborted) return;
        const failure = asBmsError(error);
        // UART line errors (bytes keep flowing) and a quiet read: log them and read on (link.ts)
        if (isLineError(failure.code) || failure.code === 'LINK_TIMEOUT') {
          this.#stats.lineErrors++;
          this.#emit({ type: 'line-error', code: failure.code, detail: failure.detail });
          continue;
        }
        this.#fatal = failure;
        this.#failAll(failure);
        return;
      }
      for (const event of this.#decoder.push(bytes)) {
        if (event.type === 'packet') this.#onPacket(event.packet);
        else if (event.type === 'noise') {
          this.#stats.noiseBytes += event.bytes.length;
          this.#emit({ type: 'noise', text: new TextDecoder().decode(event.bytes) });
        } else {
          this.#stats.badFrames++;
          this.#emit({ type: 'bad-frame', code: event.code, detail: event.detail });
        }
      }
    }
  }

  #onPacket(bytes: Uint8Array): void {
    let header: SmpHeader;
    try {
      header = decodeHeader(bytes);
    } catch (error) {
      this.#stats.badFrames++;
      const failure = asBmsError(error);
      return this.#emit({ type: 'bad-frame', code: failure.code, detail: failure.detail });
    }
    const entry = this.#pending.get(header.seq);
    const isResponse = header.op === SmpOp.readResponse || header.op === SmpOp.writeResponse;
    if (!isResponse || !entry || entry.group !== header.group || entry.command !== header.command) {
      return this.#emit({ type: 'unmatched', header });
    }
    this.#stats.responses++;
    this.#emit({ type: 'rx', header });
    if (header.version < this.#version) {
      this.#version = header.version;
      this.#emit({ type: 'version-fallback', detail: 'the device answers SMP v1: later requests use v1 headers' });
    }
    try {
      entry.resolve(decodePacket(bytes));
    } catch (error) {
      // The CRC matched, so this is the device's own encoding error, not line noise: resending will not help.
      entry.reject(asBmsError(error));
    }
  }

  #failAll(error: BmsError): void {
    for (const entry of new Set(this.#pending.values())) entry.reject(error);
  }
}

function asBmsError(error: unknown): BmsError {
  if (isBmsError(error)) return error;
  return new BmsError('INTERNAL_ERROR', error instanceof Error ? error.message : String(error), { cause: error });
}
