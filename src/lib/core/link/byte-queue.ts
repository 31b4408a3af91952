/**
 * The receive side every Link shares: buffers incoming chunks and line errors in arrival order, and
 * serves `read({ timeoutMs, signal })` to any number of waiting readers, first come first served.
 * Bytes that arrive while nobody reads are kept, never dropped (the Link contract).
 */
import { BmsError } from '../errors';
import type { ReadOptions } from './link';

type Item = { bytes: Uint8Array } | { error: BmsError };

interface Waiter {
  resolve(bytes: Uint8Array): void;
  reject(error: BmsError): void;
}

export class ByteQueue {
  #items: Item[] = [];
  #waiters: Waiter[] = [];
  #end: BmsError | undefined;
  #buffered = 0;

  /** Bytes buffered and not yet read. */
  get size(): number {
    return this.#buffered;
  }

  /** The error that ended the queue, if it has ended. */
  get ended(): BmsError | undefined {
    return this.#end;
  }

  /** Adds received bytes. The queue keeps a copy, so the caller may reuse its buffer (and a Node Buffer becomes a plain Uint8Array). */
  push(bytes: Uint8Array): void {
    if (this.#end || bytes.length === 0) return;
    this.#items.push({ bytes: new Uint8Array(bytes) });
    this.#buffered += bytes.length;
    this.#serve();
  }

  /**
   * Adds a non-fatal line error (framing, parity, overrun, break): one read rejects with it, in order
   * with the bytes around it, and the next read carries on. A burst of the same error with no byte in
   * between (a baud mismatch produces hundreds) is reported once.
   */
  pushError(error: BmsError): void {
    if (this.#end) return;
    const last = this.#items[this.#items.length - 1];
    if (last && 'error' in last && last.error.code === error.code) return;
    this.#items.push({ error });
    this.#serve();
  }

  /**
   * Ends the queue: waiting and future reads reject with `error`. With `keepBuffered` (a disconnect),
   * bytes that arrived before the end are still delivered first; otherwise (a close) they are dropped.
   */
  end(error: BmsError, options: { keepBuffered?: boolean } = {}): void {
    if (this.#end) return;
    this.#end = error;
    if (!options.keepBuffered) {
      this.#items = [];
      this.#buffered = 0;
    }
    this.#serve();
  }

  read(options: ReadOptions = {}): Promise<Uint8Array> {
    const { timeoutMs, signal } = options;
    return new Promise<Uint8Array>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = () => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
      };
      const waiter: Waiter = {
        resolve(bytes) {
          settle();
          resolve(bytes);
        },
        reject(error) {
          settle();
          reject(error);
        }
      };
      const onAbort = () => waiter.reject(abortError(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) {
        timer = setTimeout(
          () => waiter.reject(new BmsError('LINK_TIMEOUT', `no byte received within ${timeoutMs} ms`)),
          timeoutMs
        );
      }
      this.#waiters.push(waiter);
      this.#serve();
    });
  }

  #serve(): void {
    while (this.#waiters.length > 0) {
      const head = this.#items[0];
      if (!head && !this.#end) return;
      const waiter = this.#waiters[0];
      if (!head) waiter.reject(this.#end!);
      else if ('error' in head) {
        this.#items.shift();
        waiter.reject(head.error);
      } else waiter.resolve(this.#takeBytes());
    }
  }

  /** Joins every buffered chunk up to the next line error into one array. */
  #takeBytes(): Uint8Array {
    let count = 0;
    let length = 0;
    for (const item of this.#items) {
      if ('error' in item) break;
      count += 1;
      length += item.bytes.length;
    }
    const chunks = this.#items.splice(0, count) as { bytes: Uint8Array }[];
    this.#buffered -= length;
    if (chunks.length === 1) return chunks[0].bytes;
    const joined = new Uint8Array(length);
    let offset = 0;
    for (const { bytes } of chunks) {
      joined.set(bytes, offset);
      offset += bytes.length;
    }
    return joined;
  }
}

/** An abort rejects with the signal's reason when it is already a BmsError, else with CANCELLED. */
function abortError(signal: AbortSignal): BmsError {
  return signal.reason instanceof BmsError ? signal.reason : new BmsError('CANCELLED', 'read aborted by the caller');
}
