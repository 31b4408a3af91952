/**
 * The host's side of a half-duplex RS485 bus shared by many units (docs/rs485.md). One request is in
 * flight on the bus at a time: a request takes the bus, and keeps it until its answer is complete or
 * the turn times out, so no request is ever sent while a unit may still be talking (both would be lost).
 * Views give each protocol client an ordinary Link:
 *   - unit(address): our family. The SMP client writes plain console frames; the view sends each
 *     packet in an addressed frame and hands back, as a plain frame, only what that unit answers.
 *     Answers from any other address (a late one from an earlier turn) are never mistaken for it.
 *   - raw(): families that carry their own address (Modbus slave id) or none (JBD, Daly). Their
 *     clients see every byte received during their turn, which ends after a quiet gap.
 * broadcast() sends a packet to address 0 and frees the bus as soon as it is out: nobody answers.
 */
import { BmsError, fail, isBmsError } from '../../errors';
import type { Link, LinkInfo, ReadOptions } from '../../link/link';
import { LinkLifecycle } from '../../link/link-lifecycle';
import { encodeSerialFrames, SerialFrameDecoder } from '../smp/serial-frame';
import { AddressedFrameDecoder, BROADCAST_ADDRESS, encodeAddressedFrame, isUnitAddress } from './addressed-frame';

export interface Rs485BusOptions {
  /** how long a request keeps the bus waiting for its answer (default 1000 ms) */
  turnTimeoutMs?: number;
  /** raw views: silence after the last byte that ends an answer (default 5 ms) */
  quietMs?: number;
  /** pause after each turn before the next request, for a slow unit's driver to let go (default 0) */
  turnaroundMs?: number;
}

export interface TurnOptions {
  turnTimeoutMs?: number;
}

export interface Rs485BusStats {
  turns: number;
  /** turns that ended without an answer */
  unanswered: number;
  /** addressed frames that came after their turn ended (a slow command), handed to that unit's view */
  late: number;
  /** addressed frames from a unit nobody holds a view of */
  stray: number;
  /** bad frames, and bytes that were no frame, heard while a unit was asked: noise or a collision */
  garbled: number;
}

/** Line errors a UART reports while bytes keep flowing (link.ts). */
const NON_FATAL = new Set(['LINK_FRAMING_ERROR', 'LINK_PARITY_ERROR', 'LINK_BUFFER_OVERRUN', 'LINK_BREAK', 'LINK_TIMEOUT']);

interface Turn {
  /** undefined: a raw turn */
  address?: number;
  view: BusView;
  end(answered: boolean): void;
  /** a raw turn restarts its quiet timer on every byte */
  heard?(): void;
}

class BusView implements Link {
  readonly info: LinkInfo;
  readonly life = new LinkLifecycle();
  readonly #write: (bytes: Uint8Array) => Promise<void>;
  readonly #closed: () => void;

  constructor(info: LinkInfo, write: (bytes: Uint8Array) => Promise<void>, closed: () => void) {
    this.info = info;
    this.#write = write;
    this.#closed = closed;
  }

  write(bytes: Uint8Array): Promise<void> {
    this.life.assertOpen('write');
    return this.life.whileOpen(this.#write(bytes));
  }

  read(options?: ReadOptions): Promise<Uint8Array> {
    return this.life.queue.read(options);
  }

  deliver(bytes: Uint8Array): void {
    if (this.life.isOpen) this.life.queue.push(bytes);
  }

  async close(): Promise<void> {
    if (this.life.closing()) this.#closed();
  }

  onDisconnect(listener: () => void): () => void {
    return this.life.onDisconnect(listener);
  }
}

export class Rs485Bus {
  readonly link: Link;
  readonly stats: Rs485BusStats = { turns: 0, unanswered: 0, late: 0, stray: 0, garbled: 0 };
  readonly #options: Required<Rs485BusOptions>;
  readonly #decoder = new AddressedFrameDecoder();
  readonly #views = new Set<BusView>();
  /** the latest view of each unit address */
  readonly #units = new Map<number, BusView>();
  #queue: Promise<void> = Promise.resolve();
  #turn: Turn | undefined;
  #closed = false;

  constructor(link: Link, options: Rs485BusOptions = {}) {
    this.link = link;
    this.#options = { turnTimeoutMs: 1000, quietMs: 5, turnaroundMs: 0, ...options };
    link.onDisconnect(() => this.#views.forEach((view) => view.life.disconnected('the RS485 adapter went away')));
    void this.#readLoop();
  }

  /** A Link to unit `address` of our family, for an unchanged SMP client. */
  unit(address: number, options: TurnOptions = {}): Link {
    if (!isUnitAddress(address)) fail('RS485_ADDRESS_INVALID', `unit address ${address} is outside 1–247`);
    const frames = new SerialFrameDecoder();
    const view: BusView = this.#view(`unit ${address}`, async (bytes) => {
      for (const event of frames.push(bytes)) {
        if (event.type === 'packet') await this.#request(view, encodeAddressedFrame(address, event.packet), address, options);
      }
    });
    this.#units.set(address, view);
    return view;
  }

  /** A Link that takes the bus for each write, for protocols with their own addressing (Modbus) or none. */
  raw(label: string, options: TurnOptions = {}): Link {
    const view: BusView = this.#view(label, (bytes) => this.#request(view, bytes, undefined, options));
    return view;
  }

  /** Sends `packet` to every unit at once; no unit answers a broadcast. */
  async broadcast(packet: Uint8Array): Promise<void> {
    const release = await this.#takeTurn();
    try {
      await this.link.write(encodeAddressedFrame(BROADCAST_ADDRESS, packet));
    } finally {
      release();
    }
  }

  /** Changes the adapter's rate between turns (JBD and Daly boards speak 9600 baud only). */
  async setBaudRate(baudRate: number): Promise<void> {
    if (!this.link.setBaudRate) return;
    const release = await this.#takeTurn();
    try {
      await this.link.setBaudRate(baudRate);
    } finally {
      release();
    }
  }

  /** Closes every view; the shared link stays open (its owner closes it). */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#views].map((view) => view.close()));
  }

  #view(name: string, write: (bytes: Uint8Array) => Promise<void>): BusView {
    const info: LinkInfo = { ...this.link.info, label: `${this.link.info.label}, ${name}` };
    const view = new BusView(info, write, () => this.#views.delete(view));
    this.#views.add(view);
    return view;
  }

  /** Waits for the bus; the returned release lets the next request go (after the turnaround pause). */
  async #takeTurn(): Promise<() => void> {
    const previous = this.#queue;
    let free!: () => void;
    this.#queue = new Promise<void>((resolve) => (free = resolve));
    await previous;
    const pause = this.#options.turnaroundMs;
    return () => (pause > 0 ? setTimeout(free, pause) : free());
  }

  async #request(view: BusView, bytes: Uint8Array, address: number | undefined, options: TurnOptions): Promise<void> {
    const release = await this.#takeTurn();
    this.stats.turns += 1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ended = false;
    const turn: Turn = {
      address,
      view,
      end: (answered) => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        if (!answered) this.stats.unanswered += 1;
        if (this.#turn === turn) this.#turn = undefined;
        release();
      }
    };
    const arm = (ms: number, answered: boolean) => {
      clearTimeout(timer);
      if (!ended) timer = setTimeout(() => turn.end(answered), ms);
    };
    if (address === undefined) turn.heard = () => arm(this.#options.quietMs, true);
    this.#turn = turn;
    try {
      await this.link.write(bytes);
    } catch (error) {
      turn.end(false);
      throw error;
    }
    arm(options.turnTimeoutMs ?? this.#options.turnTimeoutMs, false);
  }

  async #readLoop(): Promise<void> {
    while (!this.#closed) {
      let bytes: Uint8Array;
      try {
        bytes = await this.link.read();
      } catch (error) {
        if (isBmsError(error) && NON_FATAL.has(error.code)) continue;
        const ended = isBmsError(error) ? error : new BmsError('LINK_DISCONNECTED', String(error));
        this.#views.forEach((view) => view.life.disconnected(`${ended.code}: ${ended.detail}`));
        return;
      }
      const turn = this.#turn;
      if (turn && turn.address === undefined) {
        turn.view.deliver(bytes);
        turn.heard?.();
        continue;
      }
      for (const event of this.#decoder.push(bytes)) {
        if (event.type !== 'packet') {
          if (event.type === 'bad-frame' || this.#turn) this.stats.garbled += 1;
          continue;
        }
        const current = this.#turn;
        if (current && current.address === event.address) {
          current.view.deliver(encodeSerialFrames(event.packet));
          current.end(true);
          continue;
        }
        // An answer after its turn (the balancing test takes seconds): its client still matches it by
        // sequence number, or drops it as stale.
        const owner = this.#units.get(event.address);
        if (owner?.life.isOpen) {
          this.stats.late += 1;
          owner.deliver(encodeSerialFrames(event.packet));
        } else {
          this.stats.stray += 1;
        }
      }
    }
  }
}
