/**
 * The state every Link implementation shares: the receive queue, the disconnect listeners (fired once)
 * and the open / disconnected / closed state, so Web Serial, WebUSB, serialport and the paced link
 * differ only in how bytes move.
 */
import { BmsError } from '../errors';
import { ByteQueue } from './byte-queue';

export class LinkLifecycle {
  readonly queue = new ByteQueue();
  #listeners = new Set<() => void>();
  #pending = new Set<(error: BmsError) => void>();
  #disconnected = false;
  #closed = false;

  /** True until the device goes away or the link is closed. */
  get isOpen(): boolean {
    return !this.#disconnected && !this.#closed;
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  /** A listener added after the disconnect is still called (once, asynchronously), so no caller misses it. */
  onDisconnect(listener: () => void): () => void {
    if (this.#disconnected) {
      queueMicrotask(listener);
      return () => {};
    }
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Records that the device went away: reads deliver the bytes already received, then reject with
   * LINK_DISCONNECTED; listeners are called once. Returns false when the link had already ended.
   */
  disconnected(detail: string): boolean {
    if (!this.isOpen) return false;
    this.#disconnected = true;
    const error = new BmsError('LINK_DISCONNECTED', detail);
    this.queue.end(error, { keepBuffered: true });
    this.#abandon(error);
    const listeners = [...this.#listeners];
    this.#listeners.clear();
    for (const listener of listeners) listener();
    return true;
  }

  /**
   * Records a close requested by our side: reads reject with LINK_CLOSED. Returns true the first time
   * only, so `close()` releases the port once (also after a disconnect, which leaves the port to release).
   */
  closing(detail = 'the link was closed'): boolean {
    if (this.#closed) return false;
    this.#closed = true;
    this.#listeners.clear();
    const error = new BmsError('LINK_CLOSED', detail);
    this.queue.end(error);
    this.#abandon(error);
    return true;
  }

  /**
   * Settles like `task`, unless the link ends first: then it rejects with LINK_CLOSED or
   * LINK_DISCONNECTED at once. For writes and drains a vanished device will never complete.
   */
  whileOpen<T>(task: Promise<T>): Promise<T> {
    const ended = this.queue.ended;
    if (ended) {
      task.catch(() => {}); // its outcome no longer matters
      return Promise.reject(ended);
    }
    return new Promise<T>((resolve, reject) => {
      this.#pending.add(reject);
      task.then(
        (value) => {
          this.#pending.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.#pending.delete(reject);
          reject(error);
        }
      );
    });
  }

  #abandon(error: BmsError): void {
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const abandon of pending) abandon(error);
  }

  /** Throws LINK_CLOSED or LINK_DISCONNECTED when bytes can no longer be sent. */
  assertOpen(action: string): void {
    if (this.#closed) throw new BmsError('LINK_CLOSED', `cannot ${action}: the link is closed`);
    if (this.#disconnected) throw new BmsError('LINK_DISCONNECTED', `cannot ${action}: the device went away`);
  }
}
