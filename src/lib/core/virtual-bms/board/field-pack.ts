/**
 * What every field-BMS room (JBD, JK, Daly) shares: the battery model of the virtual BMS measured once
 * per measurement cycle, as these boards do (a reading changes once a second, not per request), and
 * the board's interfaces (UART, BLE) with their answer latency. Each room adds its protocol on top.
 */
import { BatteryModel, defaultBatteryState, type BatteryState } from './battery';
import type { DeviceClock, PowerDomain } from './device-clock';
import type { DevicePort, GattEndpoint } from '../../link/device-port';

/** How often the board's AFE measures; every answer within one cycle carries the same numbers. */
export const MEASURE_MS = 1000;
/** An open NTC reads as the bottom of the ADC range, shown as −40 °C by these boards. */
export const OPEN_NTC_DC = -400;

export interface PackReading {
  cellsMv: number[];
  packMv: number;
  /** positive = charging */
  currentMa: number;
  /** °C ×10; an open sensor reads OPEN_NTC_DC */
  tempsDc: number[];
  socPm: number;
  cycles: number;
  capacityMah: number;
  remainingMah: number;
}

export interface FieldPackOptions {
  clock: DeviceClock;
  cellCount: number;
  capacityMah: number;
  seed?: number;
  battery?: BatteryState;
}

export class FieldPack {
  readonly model: BatteryModel;
  readonly cellCount: number;
  readonly capacityMah: number;
  readonly #clock: DeviceClock;
  #cached: { cycle: number; reading: PackReading } | undefined;

  constructor(options: FieldPackOptions) {
    this.#clock = options.clock;
    this.cellCount = options.cellCount;
    this.capacityMah = options.capacityMah;
    this.model = new BatteryModel(options.battery ?? defaultBatteryState(options.clock.now()), () => this.#clock.now(), options.seed ?? 1);
  }

  /** The measurement of the current cycle (what the board reports right now). */
  reading(): PackReading {
    const cycle = Math.floor(this.#clock.now() / MEASURE_MS);
    if (this.#cached?.cycle === cycle) return this.#cached.reading;
    const sample = this.model.sample(this.cellCount, this.capacityMah);
    const reading: PackReading = {
      cellsMv: sample.cells_mv,
      packMv: sample.cells_mv.reduce((sum, v) => sum + v, 0),
      currentMa: sample.current_ma,
      tempsDc: sample.temps_dc.map((t) => t ?? OPEN_NTC_DC),
      socPm: sample.soc_pm,
      cycles: sample.cycles,
      capacityMah: this.capacityMah,
      remainingMah: Math.round((this.capacityMah * sample.soc_pm) / 1000)
    };
    this.#cached = { cycle, reading };
    return reading;
  }

  /** Changes a battery knob (SoC, current, temperature…), re-anchoring the coulomb counter. */
  tune(change: Partial<BatteryState>): void {
    this.model.update(this.capacityMah, change);
    this.#cached = undefined;
  }

  exportBattery(): BatteryState {
    return { ...this.model.state, socPm: this.model.socPm(this.capacityMah), atMs: this.#clock.now() };
  }
}

/** Where a room's answer goes back: the interface the request came in on. */
export interface RoomInterface {
  answer(bytes: Uint8Array, latencyMs: number): void;
}

/**
 * The device end of a UART: bytes in go to `handle`, answers leave after `latencyMs` on the board's
 * power domain (a power cut drops answers not yet sent). A powered-off board neither hears nor answers.
 */
export class RoomPort implements DevicePort, RoomInterface {
  readonly baudRate: number;
  powered = true;
  readonly #power: PowerDomain;
  readonly #listeners = new Set<(bytes: Uint8Array) => void>();
  readonly #handle: (bytes: Uint8Array, from: RoomInterface) => void;

  constructor(baudRate: number, power: PowerDomain, handle: (bytes: Uint8Array, from: RoomInterface) => void) {
    this.baudRate = baudRate;
    this.#power = power;
    this.#handle = handle;
  }

  receive(bytes: Uint8Array): void {
    if (this.powered) this.#handle(bytes, this);
  }

  onTransmit(listener: (bytes: Uint8Array) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  answer(bytes: Uint8Array, latencyMs: number): void {
    this.#power.after(latencyMs, () => {
      if (this.powered) for (const listener of this.#listeners) listener(bytes);
    });
  }
}

/**
 * A BLE UART service seen from inside the board (JBD's Bluetooth dongle on the UART header, JK's own
 * radio): the host writes requests, answers go out as notifications of at most `notifySize` bytes
 * (the ATT payload, 20 at the default MTU), so a 300-byte JK record arrives in pieces.
 */
export class RoomGatt implements GattEndpoint, RoomInterface {
  readonly notifySize: number;
  readonly #power: PowerDomain;
  readonly #listeners = new Set<(bytes: Uint8Array) => void>();
  readonly #handle: (bytes: Uint8Array, from: RoomInterface) => void;

  constructor(notifySize: number, power: PowerDomain, handle: (bytes: Uint8Array, from: RoomInterface) => void) {
    this.notifySize = notifySize;
    this.#power = power;
    this.#handle = handle;
  }

  write(bytes: Uint8Array): void {
    this.#handle(bytes, this);
  }

  onNotify(listener: (bytes: Uint8Array) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  answer(bytes: Uint8Array, latencyMs: number): void {
    this.#power.after(latencyMs, () => {
      for (let at = 0; at < bytes.length; at += this.notifySize) {
        const piece = bytes.slice(at, at + this.notifySize);
        for (const listener of this.#listeners) listener(piece);
      }
    });
  }
}

/** Joins received pieces per interface and hands whole frames to the room (requests may arrive split). */
export class RoomReceiver<F> {
  readonly #rx = new Map<RoomInterface, Uint8Array>();
  readonly #decode: (buffer: Uint8Array) => { frames: F[]; rest: Uint8Array };

  constructor(decode: (buffer: Uint8Array) => { frames: F[]; rest: Uint8Array }) {
    this.#decode = decode;
  }

  push(bytes: Uint8Array, from: RoomInterface): F[] {
    const before = this.#rx.get(from) ?? new Uint8Array(0);
    const joined = new Uint8Array(before.length + bytes.length);
    joined.set(before);
    joined.set(bytes, before.length);
    const { frames, rest } = this.#decode(joined);
    this.#rx.set(from, rest);
    return frames;
  }

  /** A reset empties the receive buffers. */
  clear(): void {
    this.#rx.clear();
  }
}
