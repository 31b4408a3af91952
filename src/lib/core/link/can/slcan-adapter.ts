/**
 * The SLCAN (Lawicel) USB-CAN adapter driver on a byte Link: opens the channel at a bit rate (S0–S8),
 * sends and receives frames as typed values, reads version and serial, and turns BEL replies, bus-off
 * and an unplugged adapter into typed errors.
 *
 * Replies to commands come back in order (CR or BEL); frames and `z`/`Z` transmit acks are interleaved
 * with them. A BEL with no command waiting refuses a transmit: the driver then reads the status flags
 * to tell a full buffer from a bus-off. Transmits are paced on the bus's own time (frame bits incl.
 * stuffing ÷ bit rate), keeping at most `txBufferFrames` ahead, so the adapter's small transmit FIFO
 * never overflows even though stock firmware gives no flow control.
 */
import { BmsError, fail } from '../../errors';
import type { Link } from '../link';
import { CAN_BITRATES, checkFrame, frameBits, type CanChannel, type CanFrame } from './can-frame';
import { decodeSlcan, encodeSlcanLine, SlcanStatus, type SlcanLine } from './slcan-codec';

export interface SlcanOpenOptions {
  bitrate: number;
  /** `L` instead of `O`: receive only, never acknowledge frames on the bus. */
  listenOnly?: boolean;
  /**
   * Frames the adapter's transmit FIFO holds; the pace keeps at most this many queued. Default 16: a
   * browser or Node timer wakes up to ~1 ms late, so the queue must cover that to keep the bus busy.
   * Set it lower for an adapter with a smaller FIFO (it then refuses frames with BEL).
   */
  txBufferFrames?: number;
  /** How long a command reply may take (USB latency). Default 500 ms. */
  replyTimeoutMs?: number;
  /** Clock in ms; defaults to performance.now. */
  now?: () => number;
}

export interface SlcanInfo {
  /** `Vhhss` reply: hardware and software version, e.g. "1013". */
  version: string;
  /** `Nxxxx` reply, or undefined when the adapter refuses N. */
  serial?: string;
}

/** Bytes queued before a send waits for the link: a few USB packets' worth. */
const OUTBOX_HIGH_WATER = 4096;

type Reply = Exclude<SlcanLine, { kind: 'frame' } | { kind: 'sent' }>;

interface Pending {
  /** False while transmits may be refused in between: a BEL then belongs to a frame, not to this command. */
  acceptsBell: boolean;
  resolve(reply: Reply): void;
  reject(error: BmsError): void;
}

export class SlcanAdapter implements CanChannel {
  readonly bitrate: number;
  info: SlcanInfo = { version: '' };
  readonly #link: Link;
  readonly #listeners = new Set<{ onFrame: (frame: CanFrame) => void; onEnd?: (error: BmsError) => void }>();
  readonly #pending: Pending[] = [];
  readonly #txBufferFrames: number;
  readonly #replyTimeoutMs: number;
  readonly #now: () => number;
  #busFreeAt = 0;
  #outbox: Uint8Array[] = [];
  #outboxBytes = 0;
  #flushing: Promise<void> | undefined;
  #ended: BmsError | undefined;
  #open = false;
  #checkingStatus = false;

  private constructor(link: Link, options: SlcanOpenOptions) {
    this.#link = link;
    this.bitrate = options.bitrate;
    this.#txBufferFrames = options.txBufferFrames ?? 16;
    this.#replyTimeoutMs = options.replyTimeoutMs ?? 500;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Opens the adapter on `link` (which it then owns) at `options.bitrate`. */
  static async open(link: Link, options: SlcanOpenOptions): Promise<SlcanAdapter> {
    const index = CAN_BITRATES.indexOf(options.bitrate as (typeof CAN_BITRATES)[number]);
    if (index < 0) fail('CAN_BITRATE_UNSUPPORTED', `${options.bitrate} bit/s is not one of S0–S8`);
    const adapter = new SlcanAdapter(link, options);
    void adapter.#readLoop();
    try {
      // Close first: a channel left open by a previous program refuses configuration (BEL is fine here).
      await adapter.#command({ kind: 'close' });
      const version = await adapter.#command({ kind: 'version' });
      if (version.kind !== 'version' || version.value === undefined) fail('SLCAN_NO_REPLY', `answered V with ${version.kind}`);
      const serial = await adapter.#command({ kind: 'serial' });
      adapter.info = { version: version.value, serial: serial.kind === 'serial' ? serial.value : undefined };
      await adapter.#expectOk({ kind: 'bitrate', index }, `S${index}`);
      await adapter.#expectOk({ kind: options.listenOnly ? 'listen' : 'open' }, options.listenOnly ? 'L' : 'O');
      adapter.#open = true;
      return adapter;
    } catch (error) {
      await link.close();
      // Silence during the opening commands: this port is not an SLCAN adapter (or not at this speed).
      if (error instanceof BmsError && error.code === 'CAN_TIMEOUT') throw new BmsError('SLCAN_NO_REPLY', error.detail);
      throw error;
    }
  }

  subscribe(onFrame: (frame: CanFrame) => void, onEnd?: (error: BmsError) => void): () => void {
    const entry = { onFrame, onEnd };
    if (this.#ended) {
      onEnd?.(this.#ended);
      return () => {};
    }
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  async send(frame: CanFrame): Promise<void> {
    if (this.#ended) throw this.#ended;
    if (!this.#open) fail('SLCAN_NOT_OPEN', 'open the adapter before sending frames');
    checkFrame(frame);
    const frameMs = (frameBits(frame) * 1000) / this.bitrate;
    const now = this.#now();
    this.#busFreeAt = Math.max(now, this.#busFreeAt) + frameMs;
    // Over a full FIFO, sleep until it is half empty: one timer per several frames, and the late wake-up
    // of the timer is still covered by the half left queued.
    const backlogMs = this.#busFreeAt - now;
    const fifoMs = this.#txBufferFrames * frameMs;
    if (backlogMs > fifoMs) await new Promise((resolve) => setTimeout(resolve, backlogMs - fifoMs / 2));
    await this.#write(encodeSlcanLine({ kind: 'frame', frame }));
  }

  /** Lawicel status flags (see SlcanStatus). */
  async status(): Promise<number> {
    const reply = await this.#command({ kind: 'status' }, false);
    if (reply.kind !== 'status' || reply.flags === undefined) fail('SLCAN_COMMAND_REFUSED', `answered F with ${reply.kind}`);
    return reply.flags;
  }

  /** Closes the channel (`C`) and releases the link. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#open && !this.#ended) {
      this.#open = false;
      await this.#command({ kind: 'close' }).catch(() => undefined);
    }
    this.#end(new BmsError('SLCAN_NOT_OPEN', 'the adapter was closed'));
    await this.#link.close();
  }

  async #expectOk(line: SlcanLine, label: string): Promise<void> {
    const reply = await this.#command(line);
    if (reply.kind === 'bell') fail('SLCAN_COMMAND_REFUSED', `the adapter refused ${label}`);
  }

  #command(line: SlcanLine, acceptsBell = true): Promise<Reply> {
    if (this.#ended) return Promise.reject(this.#ended);
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.#pending.indexOf(pending);
        if (index >= 0) this.#pending.splice(index, 1);
        reject(new BmsError('CAN_TIMEOUT', `the adapter did not answer ${line.kind} within ${this.#replyTimeoutMs} ms`));
      }, this.#replyTimeoutMs);
      const pending: Pending = {
        acceptsBell,
        resolve: (reply) => (clearTimeout(timer), resolve(reply)),
        reject: (error) => (clearTimeout(timer), reject(error))
      };
      this.#pending.push(pending);
      this.#write(encodeSlcanLine(line)).catch((error: BmsError) => pending.reject(error));
    });
  }

  /**
   * Queues bytes for the adapter. Lines are gathered into one USB write while the previous write is in
   * flight (as USB bulk transfers do), so a burst of frames costs a few writes, not one each. Resolves
   * at once, or when the queue has drained if it holds more than OUTBOX_HIGH_WATER bytes. A failed write
   * ends the adapter; the next send or wait reports why.
   */
  #write(bytes: Uint8Array): Promise<void> {
    if (this.#ended) return Promise.reject(this.#ended);
    this.#outbox.push(bytes);
    this.#outboxBytes += bytes.length;
    const flushed = (this.#flushing ??= this.#flush());
    if (this.#outboxBytes <= OUTBOX_HIGH_WATER) return Promise.resolve();
    return flushed.then(() => {
      if (this.#ended) throw this.#ended;
    });
  }

  async #flush(): Promise<void> {
    try {
      while (this.#outbox.length > 0 && !this.#ended) {
        const chunks = this.#outbox.splice(0);
        this.#outboxBytes = 0;
        const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
        let offset = 0;
        for (const chunk of chunks) {
          joined.set(chunk, offset);
          offset += chunk.length;
        }
        await this.#link.write(joined);
      }
    } catch (error) {
      this.#endFromLink(error);
    } finally {
      this.#flushing = undefined;
    }
  }

  async #readLoop(): Promise<void> {
    let rest: Uint8Array = new Uint8Array(0);
    for (;;) {
      let chunk: Uint8Array;
      try {
        chunk = await this.#link.read();
      } catch (error) {
        if (error instanceof BmsError && /FRAMING|PARITY|OVERRUN|BREAK/.test(error.code)) continue;
        this.#endFromLink(error);
        return;
      }
      const joined = new Uint8Array(rest.length + chunk.length);
      joined.set(rest);
      joined.set(chunk, rest.length);
      const decoded = decodeSlcan(joined);
      rest = decoded.rest;
      for (const line of decoded.lines) this.#dispatch(line);
      if (this.#ended) return;
    }
  }

  #dispatch(line: SlcanLine): void {
    if (line.kind === 'frame') {
      for (const { onFrame } of this.#listeners) onFrame(line.frame);
    } else if (line.kind === 'sent' || line.kind === 'unknown') {
      // Transmit acks carry no information we need; unknown lines are adapter chatter.
    } else if (this.#pending.length > 0 && (line.kind !== 'bell' || this.#pending[0].acceptsBell)) {
      this.#pending.shift()!.resolve(line);
    } else if (line.kind === 'bell') {
      // A refused transmit: bus-off or a full FIFO end the channel; any other refusal loses that frame
      // only, which the protocol above sees as a missing answer and resends.
      void this.#transmitRefused();
    }
  }

  /** A BEL nobody waited for refused a transmit: the status flags say whether the bus is gone. */
  async #transmitRefused(): Promise<void> {
    if (this.#checkingStatus || this.#ended) return;
    this.#checkingStatus = true;
    try {
      const flags = await this.status();
      if (flags & SlcanStatus.busError) {
        this.#end(new BmsError('CAN_BUS_OFF', `the adapter refused a frame and reports a bus error (status 0x${flags.toString(16)})`));
      } else if (flags & SlcanStatus.txFifoFull) {
        this.#end(new BmsError('SLCAN_COMMAND_REFUSED', 'the adapter refused a frame: its transmit buffer is full'));
      }
    } catch (error) {
      this.#endFromLink(error);
    } finally {
      this.#checkingStatus = false;
    }
  }

  #endFromLink(error: unknown): BmsError {
    const code = error instanceof BmsError ? error.code : undefined;
    const detail = error instanceof BmsError ? error.detail : String(error);
    const ended =
      code === 'LINK_CLOSED'
        ? new BmsError('SLCAN_NOT_OPEN', 'the adapter was closed')
        : code === 'CAN_BUS_OFF' || code === 'SLCAN_COMMAND_REFUSED'
          ? (error as BmsError)
          : new BmsError('SLCAN_ADAPTER_UNPLUGGED', detail, { cause: error });
    this.#end(ended);
    return ended;
  }

  #end(error: BmsError): void {
    if (this.#ended) return;
    this.#ended = error;
    this.#open = false;
    for (const pending of this.#pending.splice(0)) pending.reject(error);
    for (const { onEnd } of this.#listeners) onEnd?.(error);
    this.#listeners.clear();
  }
}
