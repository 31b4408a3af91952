/**
 * The SMP client: joins a Link and the codec. One reader loop feeds the frame decoder; responses are
 * matched to requests by sequence number, so several requests may be in flight (upload windows).
 * Timeouts are per request and idempotent requests are resent on timeout; a corrupted frame is dropped
 * by the decoder, so its request simply times out and is resent.
 */
import { BmsError, isBmsError, type ErrorCode } from '../errors';
import type { Link } from '../link/link';
import type { CborMap } from './cbor';
import { responseError } from './smp-errors';
import { describeCommand } from './smp-ids';
import { decodeHeader, decodePacket, encodePacket, SmpOp, type SmpHeader, type SmpVersion } from './smp-packet';
import { encodeSerialFrames, SerialFrameDecoder } from './serial-frame';

/** Device buffer limits: from OS params (cmd 6) when the device answers, else the device profile. */
export interface SmpLimits {
  /** longest console line including marker and newline (never reported by the device) */
  lineLength: number;
  /** the device's receive buffer, in bytes */
  bufSize: number;
  /** how many requests the device can buffer: the largest useful upload window */
  bufCount: number;
}

/** MCUboot serial recovery defaults (smp-mcuboot.md §2.2, §2.4). */
export const DEFAULT_SMP_LIMITS: Readonly<SmpLimits> = { lineLength: 127, bufSize: 512, bufCount: 1 };

export const DEFAULT_TIMEOUT_MS = 3000;
/** Erase and the first upload chunk (which erases the slot) can take seconds (smp-mcuboot.md §3). */
export const LONG_TIMEOUT_MS = 30_000;

export type SmpClientEvent =
  | { type: 'tx'; header: SmpHeader; attempt: number; bytes: number }
  | { type: 'rx'; header: SmpHeader }
  | { type: 'noise'; text: string }
  | { type: 'bad-frame'; code: ErrorCode; detail: string }
  | { type: 'line-error'; code: ErrorCode; detail: string }
  | { type: 'retry'; what: string; attempt: number }
  | { type: 'version-fallback'; detail: string }
  | { type: 'unmatched'; header: SmpHeader };

export interface SmpClientOptions {
  /** Per-device-profile defaults; OS params overrides bufSize and bufCount when the device answers. */
  limits?: Partial<SmpLimits>;
  timeoutMs?: number;
  /** resends of an idempotent request after a timeout (default 2) */
  retries?: number;
  /** header version to start with: 1 (SMP v2, default) falls back to 0 when the device answers v1 */
  version?: SmpVersion;
  onEvent?: (event: SmpClientEvent) => void;
}

export interface SmpRequest {
  op: 'read' | 'write';
  group: number;
  command: number;
  body?: CborMap;
  timeoutMs?: number;
  /** Safe to resend: the device ends in the same state whether it ran once or twice. Default: reads. */
  idempotent?: boolean;
  /** overrides the client's retries for an idempotent request */
  retries?: number;
  signal?: AbortSignal;
}

export interface SmpStats {
  requests: number;
  responses: number;
  retries: number;
  timeouts: number;
  badFrames: number;
  lineErrors: number;
  noiseBytes: number;
}

/** Line errors a UART reports while bytes keep flowing: log them and read on (link.ts). */
const NON_FATAL_LINK_ERRORS = new Set<string>([
  'LINK_FRAMING_ERROR',
  'LINK_PARITY_ERROR',
  'LINK_BUFFER_OVERRUN',
  'LINK_BREAK',
  'LINK_TIMEOUT'
]);

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
  readonly #onEvent: (event: SmpClientEvent) => void;
  readonly #decoder = new SerialFrameDecoder();
  readonly #pending = new Map<number, Pending>();
  readonly #stop = new AbortController();
  readonly #stats: SmpStats = { requests: 0, responses: 0, retries: 0, timeouts: 0, badFrames: 0, lineErrors: 0, noiseBytes: 0 };
  #nextSeq = 0;
  #writeChain: Promise<unknown> = Promise.resolve();
  #fatal: BmsError | undefined;
  readonly #reader: Promise<void>;

  constructor(link: Link, options: SmpClientOptions = {}) {
    this.link = link;
    this.#limits = { ...DEFAULT_SMP_LIMITS, ...options.limits };
    this.#version = options.version ?? 1;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#retries = options.retries ?? 2;
    this.#onEvent = options.onEvent ?? (() => {});
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
          finish();
          const error = responseError(packet.body, request);
          if (error) reject(error);
          else resolve(packet.body);
        },
        reject: (error) => {
          finish();
          reject(error);
        }
      };
      const onAbort = () => entry.reject(new BmsError('CANCELLED', `${what} cancelled`));
      const onTimeout = () => {
        if (settled) return;
        if (attempt <= retries) {
          this.#stats.retries++;
          this.#onEvent({ type: 'retry', what, attempt: attempt + 1 });
          return send();
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
        const frames = encodeSerialFrames(packet, { lineLength: this.#limits.lineLength });
        this.#onEvent({ type: 'tx', header: decodeHeader(packet), attempt, bytes: frames.length });
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
    this.#failAll(new BmsError('CANCELLED', 'the SMP client was closed'));
    this.#stop.abort(new BmsError('CANCELLED', 'the SMP client was closed'));
    await this.#reader;
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
        if (NON_FATAL_LINK_ERRORS.has(failure.code)) {
          this.#stats.lineErrors++;
          this.#onEvent({ type: 'line-error', code: failure.code, detail: failure.detail });
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
          this.#onEvent({ type: 'noise', text: new TextDecoder().decode(event.bytes) });
        } else {
          this.#stats.badFrames++;
          this.#onEvent({ type: 'bad-frame', code: event.code, detail: event.detail });
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
      return this.#onEvent({ type: 'bad-frame', code: failure.code, detail: failure.detail });
    }
    const entry = this.#pending.get(header.seq);
    const isResponse = header.op === SmpOp.readResponse || header.op === SmpOp.writeResponse;
    if (!isResponse || !entry || entry.group !== header.group || entry.command !== header.command) {
      return this.#onEvent({ type: 'unmatched', header });
    }
    this.#stats.responses++;
    this.#onEvent({ type: 'rx', header });
    if (header.version < this.#version) {
      this.#version = header.version;
      this.#onEvent({ type: 'version-fallback', detail: 'the device answers SMP v1: later requests use v1 headers' });
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
