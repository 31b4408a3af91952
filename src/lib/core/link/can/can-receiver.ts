/**
 * Waits for frames on a CAN channel: keeps what arrives in order, and hands out the first frame that
 * matches a filter within a time limit. Protocol clients (foxBMS bootloader, ISO-TP) read through it so
 * that a frame arriving before its waiter is never lost, and an unplugged adapter ends every wait.
 */
import { BmsError } from '../../errors';
import type { CanChannel, CanFrame } from './can-frame';

export type FrameFilter = (frame: CanFrame) => boolean;

interface Waiter {
  filter: FrameFilter;
  resolve(frame: CanFrame): void;
  reject(error: BmsError): void;
}

export class CanReceiver {
  #frames: CanFrame[] = [];
  #waiters: Waiter[] = [];
  #ended: BmsError | undefined;
  readonly #unsubscribe: () => void;
  /** Oldest frames are dropped beyond this, as an adapter's receive FIFO would. */
  readonly #limit: number;

  constructor(channel: CanChannel, limit = 4096) {
    this.#limit = limit;
    this.#unsubscribe = channel.subscribe(
      (frame) => this.#push(frame),
      (error) => this.#end(error)
    );
  }

  /** Drops every frame received so far (e.g. stale answers before a new request). */
  clear(): void {
    this.#frames = [];
  }

  /** The first buffered or future frame accepted by `filter`; frames it skips stay for other waits. */
  next(filter: FrameFilter, timeoutMs: number, what = 'a frame'): Promise<CanFrame> {
    const index = this.#frames.findIndex(filter);
    if (index >= 0) return Promise.resolve(this.#frames.splice(index, 1)[0]);
    if (this.#ended) return Promise.reject(this.#ended);
    return new Promise<CanFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new BmsError('CAN_TIMEOUT', `no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        filter,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        }
      };
      this.#waiters.push(waiter);
    });
  }

  close(): void {
    this.#unsubscribe();
    this.#end(new BmsError('SLCAN_NOT_OPEN', 'the frame receiver was closed'));
  }

  #push(frame: CanFrame): void {
    const index = this.#waiters.findIndex((waiter) => waiter.filter(frame));
    if (index >= 0) {
      this.#waiters.splice(index, 1)[0].resolve(frame);
      return;
    }
    this.#frames.push(frame);
    if (this.#frames.length > this.#limit) this.#frames.shift();
  }

  #end(error: BmsError): void {
    if (this.#ended) return;
    this.#ended = error;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
  }
}
