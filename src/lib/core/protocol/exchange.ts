/**
 * Request → response over a Link for the field-BMS protocols (JBD, Modbus RTU, Daly): one request in
 * flight, a deadline per attempt, a resend when the device stays silent. These protocols have no
 * sequence numbers, so a late answer to an earlier attempt is told apart by `accept` (register, function,
 * command id) and anything else is dropped. A frame that arrived corrupted is remembered: when every
 * attempt fails, its typed error (bad checksum / CRC) says more than "no answer".
 */
import { BmsError, isBmsError, type ErrorCode } from '../errors';
import type { Link } from '../link/link';

/** What a streaming decoder returns: whole frames, the unconsumed tail, frames it had to drop. */
export interface Decoded<F> {
  frames: F[];
  rest: Uint8Array;
  errors?: BmsError[];
}

export interface ExchangeRequest<F> {
  bytes: Uint8Array;
  /** true for the frame that answers this request */
  accept(frame: F): boolean;
  /** what the request is, for error details ("JBD read 0x03") */
  what: string;
  timeoutMs?: number;
  /** resends after a silent attempt; writes that are not idempotent pass 0 */
  retries?: number;
  /** frames to collect before resolving (Daly answers some requests with several); defaults to 1 */
  frames?: number;
}

export interface ExchangeOptions<F> {
  decode(buffer: Uint8Array): Decoded<F>;
  /** the code thrown when every attempt stayed silent */
  noAnswer: ErrorCode;
  timeoutMs: number;
  retries: number;
}

/** Line errors a UART reports while bytes keep flowing: read on (link.ts). */
const LINE_ERRORS = new Set<string>(['LINK_FRAMING_ERROR', 'LINK_PARITY_ERROR', 'LINK_BUFFER_OVERRUN', 'LINK_BREAK']);

export interface ExchangeStats {
  requests: number;
  /** attempts resent after silence */
  retries: number;
  /** frames dropped by the decoder (checksum, CRC) */
  badFrames: number;
}

export class FrameExchange<F> {
  readonly link: Link;
  readonly #options: ExchangeOptions<F>;
  #buffer: Uint8Array = new Uint8Array(0);
  #queue: Promise<unknown> = Promise.resolve();
  readonly stats: ExchangeStats = { requests: 0, retries: 0, badFrames: 0 };

  constructor(link: Link, options: ExchangeOptions<F>) {
    this.link = link;
    this.#options = options;
  }

  /** Queues the request behind the one in flight and resolves with its answer frame(s). */
  request(request: ExchangeRequest<F>): Promise<F[]> {
    const run = this.#queue.then(() => this.#run(request));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #run(request: ExchangeRequest<F>): Promise<F[]> {
    const timeoutMs = request.timeoutMs ?? this.#options.timeoutMs;
    const retries = request.retries ?? this.#options.retries;
    this.stats.requests++;
    let corrupted: BmsError | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) this.stats.retries++;
      // Bytes left from an earlier, abandoned exchange must not be taken for this answer.
      this.#buffer = new Uint8Array(0);
      await this.link.write(request.bytes);
      const outcome = await this.#collect(request, performance.now() + timeoutMs);
      if (outcome.frames) return outcome.frames;
      corrupted = outcome.corrupted ?? corrupted;
    }
    if (corrupted) throw corrupted;
    const attempts = retries + 1;
    throw new BmsError(this.#options.noAnswer, `no answer to ${request.what} within ${timeoutMs} ms (${attempts} attempt${attempts > 1 ? 's' : ''})`);
  }

  /** Reads until the answer is complete or the deadline passes. */
  async #collect(request: ExchangeRequest<F>, deadline: number): Promise<{ frames?: F[]; corrupted?: BmsError }> {
    const got: F[] = [];
    const wanted = request.frames ?? 1;
    let corrupted: BmsError | undefined;
    for (;;) {
      const decoded = this.#options.decode(this.#buffer);
      this.#buffer = decoded.rest;
      for (const error of decoded.errors ?? []) {
        this.stats.badFrames++;
        corrupted = error;
      }
      for (const frame of decoded.frames) if (request.accept(frame)) got.push(frame);
      if (got.length >= wanted) return { frames: got };
      const left = deadline - performance.now();
      if (left <= 0) return { corrupted };
      let chunk: Uint8Array;
      try {
        chunk = await this.link.read({ timeoutMs: Math.ceil(left) });
      } catch (error) {
        if (isBmsError(error) && error.code === 'LINK_TIMEOUT') return { corrupted };
        if (isBmsError(error) && LINE_ERRORS.has(error.code)) continue;
        throw error;
      }
      const joined = new Uint8Array(this.#buffer.length + chunk.length);
      joined.set(this.#buffer);
      joined.set(chunk, this.#buffer.length);
      this.#buffer = joined;
    }
  }
}
