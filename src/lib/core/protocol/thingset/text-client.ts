/**
 * ThingSet text-mode client over any byte Link (Web Serial, WebUSB, serialport, the virtual BMS).
 * One request at a time: the firmware drops input that arrives while it answers, and the next complete
 * line with it (thingset-zephyr-sdk serial.c), so a second request in flight would be lost. When an
 * answer does not come, the client sends a bare `\n` (which ends the discarded line) and repeats the
 * request once. Reports (`#mLive …`, live telemetry) go to listeners, never to the pending request;
 * firmware log lines are skipped.
 */
import { BmsError, fail, isBmsError } from '../../errors';
import type { Link } from '../../link/link';
import { decodeTextFrames, encodeTextRequest, formatTextRequest, type JsonObject, type JsonValue, type TextFrame, type TextRequest } from './text-codec';
import { failOnStatus } from './thingset-status';

export interface ThingSetReport {
  path: string;
  values: JsonValue;
  /** client clock, ms */
  at: number;
}

export interface ThingSetClientOptions {
  /** Time for an answer to start (default 1000 ms: a flash erase answers late, pass more per call). */
  timeoutMs?: number;
  /** Lines sent and received, for the session log. */
  onLine?: (direction: 'sent' | 'received', line: string) => void;
}

export interface ThingSetAnswer {
  status: number;
  body: JsonValue | undefined;
}

export interface ClientStats {
  requests: number;
  /** requests repeated after a resynchronisation */
  resyncs: number;
  badLines: number;
  reports: number;
}

const NON_FATAL = new Set(['LINK_FRAMING_ERROR', 'LINK_PARITY_ERROR', 'LINK_BUFFER_OVERRUN', 'LINK_BREAK', 'LINK_TIMEOUT']);
const RESYNC = Uint8Array.of(0x0a);

type Outcome = { kind: 'answer'; status: number; body: JsonValue | undefined } | { kind: 'bad'; error: BmsError } | { kind: 'timeout' };

export class ThingSetTextClient {
  readonly link: Link;
  readonly stats: ClientStats = { requests: 0, resyncs: 0, badLines: 0, reports: 0 };
  readonly #timeoutMs: number;
  readonly #onLine: ThingSetClientOptions['onLine'];
  readonly #reportListeners = new Set<(report: ThingSetReport) => void>();
  readonly #stop = new AbortController();
  readonly #reader: Promise<void>;
  #rest: Uint8Array = new Uint8Array(0);
  #waiter: ((outcome: Outcome) => void) | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #fatal: BmsError | undefined;

  constructor(link: Link, options: ThingSetClientOptions = {}) {
    this.link = link;
    this.#timeoutMs = options.timeoutMs ?? 1000;
    this.#onLine = options.onLine;
    this.#reader = this.#readLoop();
  }

  /** Live reports as they arrive; returns the unsubscribe. */
  onReport(listener: (report: ThingSetReport) => void): () => void {
    this.#reportListeners.add(listener);
    return () => this.#reportListeners.delete(listener);
  }

  get(path: string, options?: { timeoutMs?: number }): Promise<JsonValue | undefined> {
    return this.#content({ op: 'get', path }, options);
  }

  fetch(path: string, names: string[], options?: { timeoutMs?: number }): Promise<JsonValue | undefined> {
    return this.#content({ op: 'fetch', path, names }, options);
  }

  async update(path: string, values: JsonObject, options?: { timeoutMs?: number }): Promise<void> {
    await this.request({ op: 'update', path, values }, options);
  }

  /** Runs a function item (`!Device/xReset`); resolves with its return value, if it answers one. */
  async exec(path: string, args: JsonValue[] = [], options?: { timeoutMs?: number; expectAnswer?: boolean }): Promise<JsonValue | undefined> {
    return (await this.request({ op: 'exec', path, args }, options))?.body;
  }

  /**
   * Sends one request and waits for its answer; an error status rejects with its THINGSET_* code.
   * With `expectAnswer: false` (xReset: the device reboots without answering) it resolves undefined
   * once the line is written.
   */
  request(request: TextRequest, options: { timeoutMs?: number; expectAnswer?: boolean } = {}): Promise<ThingSetAnswer | undefined> {
    const run = this.#queue.then(() => this.#exchange(request, options));
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Stops the reader; the link stays open (its owner closes it). */
  async close(): Promise<void> {
    const closed = new BmsError('CANCELLED', 'the ThingSet client was closed');
    this.#fatal ??= closed;
    this.#stop.abort(closed);
    this.#waiter?.({ kind: 'bad', error: closed });
    await this.#reader;
  }

  async #content(request: TextRequest, options?: { timeoutMs?: number }): Promise<JsonValue | undefined> {
    return (await this.request(request, options))?.body;
  }

  async #exchange(request: TextRequest, options: { timeoutMs?: number; expectAnswer?: boolean }): Promise<ThingSetAnswer | undefined> {
    const what = formatTextRequest(request).slice(0, 60);
    const bytes = encodeTextRequest(request);
    this.stats.requests += 1;
    let damaged: BmsError | undefined;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (this.#fatal) throw this.#fatal;
      if (attempt > 0) {
        this.stats.resyncs += 1;
        await this.link.write(RESYNC);
      }
      this.#onLine?.('sent', formatTextRequest(request));
      if (options.expectAnswer === false) {
        await this.link.write(bytes);
        return undefined;
      }
      const answer = this.#nextOutcome(options.timeoutMs ?? this.#timeoutMs);
      await this.link.write(bytes);
      const outcome = await answer;
      if (outcome.kind === 'answer') {
        failOnStatus(outcome.status, what, typeof outcome.body === 'string' ? outcome.body : undefined);
        return { status: outcome.status, body: outcome.body };
      }
      if (outcome.kind === 'bad') {
        // A damaged answer to a write may mean it was applied: only reads are repeated.
        if (this.#fatal || request.op === 'update' || request.op === 'exec') throw outcome.error;
        damaged = outcome.error;
      }
    }
    if (damaged) throw damaged;
    return fail('THINGSET_NO_ANSWER', `${what}: no valid answer within ${options.timeoutMs ?? this.#timeoutMs} ms, twice (after a resynchronisation)`);
  }

  #nextOutcome(timeoutMs: number): Promise<Outcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
      const settle = (outcome: Outcome) => {
        clearTimeout(timer);
        if (this.#waiter === settle) this.#waiter = undefined;
        resolve(outcome);
      };
      this.#waiter = settle;
    });
  }

  #onFrame(frame: TextFrame): void {
    if (frame.kind !== 'log') this.#onLine?.('received', frame.line);
    if (frame.kind === 'report') {
      this.stats.reports += 1;
      const report = { path: frame.path, values: frame.values, at: Date.now() };
      for (const listener of this.#reportListeners) listener(report);
    } else if (frame.kind === 'answer') {
      this.#waiter?.({ kind: 'answer', status: frame.status, body: frame.body });
    } else if (frame.kind === 'invalid') {
      this.stats.badLines += 1;
      // A damaged line that may have been the answer: the pending request cannot trust anything else.
      if (!frame.line.startsWith('#')) this.#waiter?.({ kind: 'bad', error: new BmsError(frame.error.code, frame.error.detail) });
    }
  }

  async #readLoop(): Promise<void> {
    for (;;) {
      let bytes: Uint8Array;
      try {
        bytes = await this.link.read({ signal: this.#stop.signal });
      } catch (error) {
        if (this.#stop.signal.aborted) return;
        if (isBmsError(error) && NON_FATAL.has(error.code)) continue;
        this.#fatal = isBmsError(error) ? error : new BmsError('INTERNAL_ERROR', String(error));
        this.#waiter?.({ kind: 'bad', error: this.#fatal });
        return;
      }
      const joined = new Uint8Array(this.#rest.length + bytes.length);
      joined.set(this.#rest);
      joined.set(bytes, this.#rest.length);
      const { frames, rest } = decodeTextFrames(joined);
      this.#rest = rest;
      for (const frame of frames) this.#onFrame(frame);
    }
  }
}
