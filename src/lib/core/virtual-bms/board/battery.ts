/**
 * The pack the virtual BMS measures: state of charge drifting with the current (coulomb counting),
 * cell voltages from an LFP open-circuit-voltage curve plus per-cell offsets, IR drop and ADC noise,
 * several temperature sensors, and the supply seen at the BMS input. Knobs reproduce the conditions of
 * the update procedure (R01–R03, R18, R20): SoC, temperature, supply ripple and drops, a dead
 * temperature sensor, a cell whose bleed resistor does not work, an ADC calibration error.
 * Deterministic: a seeded generator and the injected clock.
 */
import { seededRandom } from '../../link/seeded-random';
import type { BmsTelemetry } from '../../protocol/smp/groups/bms-group';

export const TEMPERATURE_SENSORS = 4;

/** Everything that survives a power cycle of the BMS (it is the battery, not the board). */
export interface BatteryState {
  socPm: number;
  /** when socPm was last anchored, in clock ms */
  atMs: number;
  /** positive = charging */
  currentMa: number;
  ambientDc: number;
  failedSensors: number[];
  /** peak ripple on the supply reading, mV */
  rippleMv: number;
  /** depth of a supply drop, mV, and the chance a reading catches one */
  dropMv: number;
  dropChance: number;
  /** a cell whose balancing resistor has no effect (R20), or null */
  stuckCell: number | null;
  /** ADC gain error of the cell channels, in 0.01 % (R18 limit: 50 = 0.5 %) */
  calibrationErrorCpct: number;
  cycles: number;
}

export function defaultBatteryState(nowMs: number): BatteryState {
  return {
    socPm: 550,
    atMs: nowMs,
    currentMa: -1500,
    ambientDc: 230,
    failedSensors: [],
    rippleMv: 20,
    dropMv: 0,
    dropChance: 0,
    stuckCell: null,
    calibrationErrorCpct: 8,
    cycles: 37
  };
}

/** The pack's physical readings, in the telemetry's units; buildTelemetry adds the BMS's own state. */
export interface BatterySample extends Pick<BmsTelemetry, 'soc_pm' | 'pack_mv' | 'supply_mv' | 'current_ma' | 'cells_mv' | 'temps_dc' | 'cycles'> {
  /** sum of the true cell voltages: the independent pack channel */
  pack_mv: number;
  /** as the cell ADC reads them (with its calibration error) */
  cells_mv: number[];
}

/** LFP open-circuit voltage, (SoC %, mV) points. */
const OCV: [number, number][] = [
  [0, 2500], [5, 3000], [10, 3200], [20, 3250], [30, 3280], [40, 3295], [50, 3300],
  [60, 3310], [70, 3325], [80, 3335], [90, 3350], [95, 3400], [100, 3550]
];

export function ocvMv(socPct: number): number {
  const s = Math.min(100, Math.max(0, socPct));
  for (let i = 1; i < OCV.length; i += 1) {
    const [s1, v1] = OCV[i];
    const [s0, v0] = OCV[i - 1];
    if (s <= s1) return v0 + ((v1 - v0) * (s - s0)) / (s1 - s0);
  }
  return OCV[OCV.length - 1][1];
}

/** milliohms of cell internal resistance, for the IR drop under current */
const CELL_RESISTANCE_MOHM = 1;

export class BatteryModel {
  state: BatteryState;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #cellOffsets: number[];
  readonly #sensorOffsets: number[];

  constructor(state: BatteryState, now: () => number, seed: number) {
    this.state = state;
    this.#now = now;
    this.#random = seededRandom(seed);
    const fixed = seededRandom(seed ^ 0x5eed);
    this.#cellOffsets = Array.from({ length: 32 }, () => Math.round((fixed() - 0.5) * 8));
    this.#sensorOffsets = Array.from({ length: TEMPERATURE_SENSORS }, () => Math.round((fixed() - 0.5) * 20));
  }

  socPm(capacityMah: number): number {
    const { socPm, atMs, currentMa } = this.state;
    const drift = (currentMa * (this.#now() - atMs)) / 3_600_000 / capacityMah * 1000;
    return Math.min(1000, Math.max(0, socPm + drift));
  }

  /** Re-anchors the coulomb counter, then applies a knob change. */
  update(capacityMah: number, change: Partial<BatteryState>): void {
    this.state = { ...this.state, socPm: this.socPm(capacityMah), atMs: this.#now(), ...change };
  }

  /** The true open-circuit-plus-IR voltage of each cell, before the ADC. */
  trueCellsMv(cellCount: number, capacityMah: number): number[] {
    const ocv = ocvMv(this.socPm(capacityMah) / 10);
    const ir = (this.state.currentMa * CELL_RESISTANCE_MOHM) / 1000;
    return Array.from({ length: cellCount }, (_, i) => {
      const stuckBias = i === this.state.stuckCell ? 12 : 0;
      return ocv + this.#cellOffsets[i % this.#cellOffsets.length] + stuckBias + ir;
    });
  }

  sample(cellCount: number, capacityMah: number): BatterySample {
    const { state } = this;
    const noise = (amplitude: number) => (this.#random() - 0.5) * 2 * amplitude;
    const trueCells = this.trueCellsMv(cellCount, capacityMah);
    const gain = 1 + state.calibrationErrorCpct / 10_000;
    const packMv = trueCells.reduce((sum, v) => sum + v, 0);
    const ripple = state.rippleMv * Math.sin(2 * Math.PI * this.#random());
    const drop = this.#random() < state.dropChance ? state.dropMv : 0;
    const heat = Math.abs(state.currentMa) / 5000;
    return {
      soc_pm: Math.round(this.socPm(capacityMah)),
      pack_mv: Math.round(packMv),
      supply_mv: Math.round(packMv + ripple - drop + noise(5)),
      current_ma: Math.round(state.currentMa + noise(20)),
      cells_mv: trueCells.map((v) => Math.round(v * gain + noise(1))),
      temps_dc: this.#sensorOffsets.map((offset, i) =>
        state.failedSensors.includes(i) ? null : Math.round(state.ambientDc + offset + heat + noise(2))
      ),
      cycles: state.cycles
    };
  }
}
