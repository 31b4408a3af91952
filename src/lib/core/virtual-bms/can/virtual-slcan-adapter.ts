/**
 * A simulated USB-CAN adapter speaking SLCAN (Lawicel), seen from inside: the byte port a host Link
 * (paced line, pty bridge, Web Serial stand-in) connects to, and a node on a virtual CAN bus. It behaves
 * like the adapters technicians carry: configuration only while closed (else BEL), `O` twice is refused
 * the second time, frames only while open, `z`/`Z` after a transmit (Lawicel; `acks: false` for stock
 * CANable firmware, which sends none), status flags that clear when read, Z1 timestamps, and a bit
 * rate that must match the bus or nothing gets through but bus errors.
 */
import type { DevicePort } from '../../link/device-port';
import { CAN_BITRATES, type CanFrame } from '../../link/can/can-frame';
import { decodeSlcan, encodeSlcanLine, SlcanStatus, type SlcanLine } from '../../link/can/slcan-codec';
import type { BusAttachment, VirtualCanBus } from './virtual-can-bus';

export interface VirtualSlcanAdapterOptions {
  /** Answer transmits with z/Z (Lawicel). Default true. */
  acks?: boolean;
  /** `Vhhss` reply. */
  version?: string;
  /** `Nxxxx` reply. */
  serial?: string;
  /** Frames the transmit FIFO holds while nobody acknowledges them. */
  txFifoFrames?: number;
  now?: () => number;
}

export class VirtualSlcanAdapter implements DevicePort {
  /** A USB CDC adapter ignores the host's baud setting; this is what pty bridges configure. */
  readonly baudRate = 115200;
  /** Every line the host sent, in order (for tests and the simulator's log). */
  readonly received: SlcanLine[] = [];
  readonly #bus: VirtualCanBus;
  readonly #attachment: BusAttachment;
  readonly #listeners = new Set<(bytes: Uint8Array) => void>();
  readonly #options: Required<Omit<VirtualSlcanAdapterOptions, 'now'>> & { now: () => number };
  #rest: Uint8Array = new Uint8Array(0);
  #bitrateIndex: number | undefined;
  #mode: 'closed' | 'open' | 'listen' = 'closed';
  #timestamps = false;
  #flags = 0;
  #stuckFrames = 0;

  constructor(bus: VirtualCanBus, options: VirtualSlcanAdapterOptions = {}) {
    this.#bus = bus;
    this.#options = {
      acks: options.acks ?? true,
      version: options.version ?? '1013',
      serial: options.serial ?? 'VB01',
      txFifoFrames: options.txFifoFrames ?? 3,
      now: options.now ?? (() => performance.now())
    };
    this.#attachment = bus.attach({ receive: (frame) => this.#fromBus(frame) });
  }

  get isOpen(): boolean {
    return this.#mode !== 'closed';
  }

  receive(bytes: Uint8Array): void {
    const joined = new Uint8Array(this.#rest.length + bytes.length);
    joined.set(this.#rest);
    joined.set(bytes, this.#rest.length);
    const { lines, rest } = decodeSlcan(joined);
    this.#rest = rest;
    for (const line of lines) {
      this.received.push(line);
      this.#handle(line);
    }
  }

  onTransmit(listener: (bytes: Uint8Array) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Unplugs the adapter from the bus (the host link stays up). */
  detach(): void {
    this.#attachment.detach();
  }

  #reply(line: SlcanLine): void {
    const bytes = encodeSlcanLine(line);
    for (const listener of this.#listeners) listener(bytes);
  }

  #handle(line: SlcanLine): void {
    const closed = this.#mode === 'closed';
    switch (line.kind) {
      case 'bitrate':
        if (!closed) return this.#reply({ kind: 'bell' });
        this.#bitrateIndex = line.index;
        return this.#reply({ kind: 'ok' });
      case 'timestamps':
        if (!closed) return this.#reply({ kind: 'bell' });
        this.#timestamps = line.on;
        return this.#reply({ kind: 'ok' });
      case 'open':
      case 'listen':
        if (!closed || this.#bitrateIndex === undefined) return this.#reply({ kind: 'bell' });
        this.#mode = line.kind;
        this.#stuckFrames = 0;
        return this.#reply({ kind: 'ok' });
      case 'close':
        if (closed) return this.#reply({ kind: 'bell' });
        this.#mode = 'closed';
        return this.#reply({ kind: 'ok' });
      case 'version':
        return this.#reply(line.value === undefined ? { kind: 'version', value: this.#options.version } : { kind: 'bell' });
      case 'serial':
        return this.#reply(line.value === undefined ? { kind: 'serial', value: this.#options.serial } : { kind: 'bell' });
      case 'status': {
        if (line.flags !== undefined) return this.#reply({ kind: 'bell' });
        const flags = this.#flags | (this.#bus.busOff ? SlcanStatus.busError | SlcanStatus.errorPassive : 0);
        this.#flags = 0;
        return this.#reply({ kind: 'status', flags });
      }
      case 'frame':
        return this.#transmit(line.frame);
      default:
        return this.#reply({ kind: 'bell' });
    }
  }

  #transmit(frame: CanFrame): void {
    if (this.#mode !== 'open') return this.#reply({ kind: 'bell' });
    if (!this.#rateMatches() || this.#bus.busOff) {
      // Wrong bit rate or a shorted bus: every attempt ends in an error frame until the controller gives up.
      this.#flags |= SlcanStatus.busError | SlcanStatus.errorPassive;
      return this.#reply({ kind: 'bell' });
    }
    if (!this.#attachment.send(frame)) {
      // Nobody acknowledges: the frame stays in the FIFO and is retried; the FIFO fills up.
      this.#stuckFrames += 1;
      this.#flags |= SlcanStatus.errorPassive;
      if (this.#stuckFrames > this.#options.txFifoFrames) {
        this.#flags |= SlcanStatus.txFifoFull;
        return this.#reply({ kind: 'bell' });
      }
    }
    if (this.#options.acks) this.#reply({ kind: 'sent', extended: frame.extended });
  }

  #fromBus(frame: CanFrame): void {
    if (this.#mode === 'closed') return;
    if (!this.#rateMatches()) {
      this.#flags |= SlcanStatus.busError;
      return;
    }
    this.#reply(this.#timestamps ? { kind: 'frame', frame, timestampMs: Math.floor(this.#options.now()) % 60_000 } : { kind: 'frame', frame });
  }

  #rateMatches(): boolean {
    return this.#bitrateIndex !== undefined && CAN_BITRATES[this.#bitrateIndex] === this.#bus.bitrate;
  }
}
