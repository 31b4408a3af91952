/**
 * What every field-BMS room (JBD, JK, Daly) shares: the battery model of the virtual BMS measured once
 * per measurement cycle, as these boards do (a reading changes once a second, not per request), and
 * the device end of the UART with its answer latency. Each room adds its protocol on top.
 */
import { BatteryModel, defaultBatteryState, type BatteryState } from '../../device/battery';
import type { DeviceClock } from '../../device/device-clock';
import type { DevicePort } from '../../device/device-port';

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

/**
 * The device end of a UART: bytes in go to `handle`, answers leave after `latencyMs` on the device
 * clock. A powered-off board neither hears nor answers.
 */
export class RoomPort implements DevicePort {
  readonly baudRate: number;
  powered = true;
  readonly #clock: DeviceClock;
  readonly #listeners = new Set<(bytes: Uint8Array) => void>();
  readonly #handle: (bytes: Uint8Array) => void;
  readonly #timers = new Set<unknown>();

  constructor(baudRate: number, clock: DeviceClock, handle: (bytes: Uint8Array) => void) {
    this.baudRate = baudRate;
    this.#clock = clock;
    this.#handle = handle;
  }

  receive(bytes: Uint8Array): void {
    if (this.powered) this.#handle(bytes);
  }

  onTransmit(listener: (bytes: Uint8Array) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Sends after the board's processing time. */
  answer(bytes: Uint8Array, latencyMs: number): void {
    const timer = this.#clock.setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.powered) return;
      for (const listener of this.#listeners) listener(bytes);
    }, latencyMs);
    this.#timers.add(timer);
  }

  /** A power cut drops answers not yet sent. */
  cut(): void {
    for (const timer of this.#timers) this.#clock.clearTimeout(timer);
    this.#timers.clear();
  }
}
