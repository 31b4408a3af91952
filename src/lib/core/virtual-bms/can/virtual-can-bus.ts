/**
 * A simulated CAN bus: every frame a node sends reaches every other node, one frame at a time in send
 * order. With `pace`, frames take their wire time (bits incl. worst-case stuffing ÷ bit rate) on the
 * device clock, so throughput matches a real bus. Faults: a bus-off (CAN-H shorted to CAN-L: nothing
 * gets through, senders see bus errors) and frames dropped by a predicate (a receiver's FIFO overrun).
 * A frame that no other node is there to acknowledge is not delivered: the sender keeps retrying it,
 * as a real controller does with an ACK error.
 */
import { BmsError } from '../../errors';
import { frameBits, type CanChannel, type CanFrame } from '../../link/can/can-frame';
import { systemClock, type DeviceClock } from '../board/device-clock';

/** Wire time the bus may run ahead of the clock before a timer waits for it. */
const SLICE_MS = 2;

export interface BusNode {
  /** Called with every frame another node sent. */
  receive(frame: CanFrame): void;
}

export interface BusAttachment {
  /** Queues a frame; false when the bus cannot carry it (bus-off, no other node to acknowledge it). */
  send(frame: CanFrame): boolean;
  detach(): void;
}

export interface VirtualCanBusOptions {
  bitrate: number;
  pace?: boolean;
  clock?: DeviceClock;
}

export class VirtualCanBus {
  readonly bitrate: number;
  /** Frames carried so far (a test can count them). */
  delivered = 0;
  #busOff = false;
  #drop: ((frame: CanFrame) => boolean) | undefined;
  readonly #nodes = new Set<BusNode>();
  readonly #queue: { from: BusNode; frame: CanFrame; queuedAt: number }[] = [];
  readonly #pace: boolean;
  readonly #clock: DeviceClock;
  #busy = false;
  #freeAt = 0;

  constructor(options: VirtualCanBusOptions) {
    this.bitrate = options.bitrate;
    this.#pace = options.pace ?? false;
    this.#clock = options.clock ?? systemClock;
  }

  get busOff(): boolean {
    return this.#busOff;
  }

  attach(node: BusNode): BusAttachment {
    this.#nodes.add(node);
    return {
      send: (frame) => {
        if (this.#busOff || this.#nodes.size < 2 || !this.#nodes.has(node)) return false;
        this.#queue.push({ from: node, frame, queuedAt: this.#clock.now() });
        this.#pump();
        return true;
      },
      detach: () => this.#nodes.delete(node)
    };
  }

  /**
   * A node's CAN controller as a channel: a frame nobody acknowledges is retried every millisecond until
   * another node is there (so a lone sender's send never completes, as on a real bus); a bus-off rejects.
   */
  channel(): CanChannel & { close(): void } {
    const listeners = new Set<(frame: CanFrame) => void>();
    const ends = new Set<(error: BmsError) => void>();
    const attachment = this.attach({ receive: (frame) => listeners.forEach((listener) => listener(frame)) });
    let closed = false;
    return {
      bitrate: this.bitrate,
      send: async (frame) => {
        while (!attachment.send(frame)) {
          if (this.#busOff) throw new BmsError('CAN_BUS_OFF', 'the virtual bus is off');
          if (closed) throw new BmsError('SLCAN_NOT_OPEN', 'the channel was closed');
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      },
      subscribe: (onFrame, onEnd) => {
        listeners.add(onFrame);
        if (onEnd) ends.add(onEnd);
        return () => {
          listeners.delete(onFrame);
          if (onEnd) ends.delete(onEnd);
        };
      },
      close: () => {
        closed = true;
        attachment.detach();
        ends.forEach((end) => end(new BmsError('SLCAN_NOT_OPEN', 'the channel was closed')));
      }
    };
  }

  /** The bus-off fault: while on, no frame passes. */
  setBusOff(on: boolean): void {
    this.#busOff = on;
    if (on) this.#queue.length = 0;
  }

  /** Frames for which `predicate` is true are lost from now on (until called with undefined). */
  dropFrames(predicate: ((frame: CanFrame) => boolean) | undefined): void {
    this.#drop = predicate;
  }

  #pump(): void {
    if (this.#busy) return;
    this.#busy = true;
    const next = () => {
      const item = this.#queue.shift();
      if (!item) {
        this.#busy = false;
        return;
      }
      const deliver = () => {
        if (!this.#busOff && !this.#drop?.(item.frame)) {
          this.delivered += 1;
          for (const node of this.#nodes) if (node !== item.from) node.receive(item.frame);
        }
        next();
      };
      if (!this.#pace) return queueMicrotask(deliver);
      // A frame starts when it was queued or when the previous one ended, whichever is later, so a late
      // timer delays deliveries but loses no bus time. Timers only when more than a slice ahead.
      const now = this.#clock.now();
      this.#freeAt = Math.max(item.queuedAt, this.#freeAt) + (frameBits(item.frame) * 1000) / this.bitrate;
      if (this.#freeAt - now > SLICE_MS) this.#clock.setTimeout(deliver, this.#freeAt - now);
      else queueMicrotask(deliver);
    };
    next();
  }
}
