/**
 * The virtual Daly board ("BMS Monitor" protocol, 9600 8N1) on the shared battery model, with what
 * captures of real units show:
 * - it answers host address 0x40 (RS485 port) and 0x80 (UART/Bluetooth port) with address 0x01, and
 *   stays silent for any other address, an unknown data id or a corrupted frame;
 * - cell voltages (0x95) always come as 16 numbered frames (48 cells' worth), zero-padded past the
 *   real cells (jblance/mpp-solar#83);
 * - settings written with id − 0x40 are acknowledged by echoing the data, and kept across power cycles.
 */
import type { BatteryState } from '../board/battery';
import { PowerDomain, systemClock, type DeviceClock } from '../board/device-clock';
import {
  CELLS_PER_FRAME,
  DALY_SETTING_COMMANDS,
  DalyCommand,
  DalyVoltageFault,
  decodeSettingsFrame,
  encodeBalancing,
  encodeCellFrame,
  encodeCellRange,
  encodeMos,
  encodeSettingsFrame,
  encodeSoc,
  encodeStatus,
  encodeTempFrame,
  encodeTempRange,
  TEMPS_PER_FRAME,
  writeIdOf,
  type DalySettings
} from '../../protocol/daly/daly-data';
import { DalyAddress, decodeDalyFrames, encodeDalyFrame, type DalyFrame } from '../../protocol/daly/daly-frame';
import { FieldPack, RoomPort, RoomReceiver, type PackReading, type RoomInterface } from '../board/field-pack';

export interface DalyRoomState {
  family: 'daly';
  settings: DalySettings;
  battery: BatteryState;
}

export interface DalyRoomOptions {
  clock?: DeviceClock;
  seed?: number;
  latencyMs?: number;
  state?: DalyRoomState;
}

const CELLS = 8;
const NTCS = 2;
/** The firmware's fixed run of cell frames (16 × 3 = 48 cells). */
export const DALY_CELL_FRAMES = 16;

/** An 8S 100 Ah LiFePO4 pack (24 V). */
export function defaultDalySettings(): DalySettings {
  return {
    rated_capacity: 100_000, nominal_cell: 3200,
    cell_high_l1: 3550, cell_high_l2: 3650, cell_low_l1: 2800, cell_low_l2: 2500,
    pack_high_l1: 284, pack_high_l2: 292, pack_low_l1: 224, pack_low_l2: 200
  };
}

export class DalyRoom {
  readonly port: RoomPort;
  readonly pack: FieldPack;
  readonly #latencyMs: number;
  #settings: DalySettings;
  readonly #power: PowerDomain;
  readonly #receiver = new RoomReceiver(decodeDalyFrames);

  constructor(options: DalyRoomOptions = {}) {
    const clock = options.clock ?? systemClock;
    this.#latencyMs = options.latencyMs ?? 10;
    this.#settings = { ...defaultDalySettings(), ...options.state?.settings };
    this.pack = new FieldPack({ clock, cellCount: CELLS, capacityMah: this.#settings.rated_capacity, seed: options.seed, battery: options.state?.battery });
    this.#power = new PowerDomain(clock);
    this.port = new RoomPort(9600, this.#power, (bytes, from) => this.#receive(bytes, from));
  }

  settings(): DalySettings {
    return { ...this.#settings };
  }

  reading(): PackReading {
    return this.pack.reading();
  }

  powerCycle(): void {
    this.#power.cutAll();
    this.#receiver.clear();
  }

  exportState(): DalyRoomState {
    return { family: 'daly', settings: this.settings(), battery: this.pack.exportBattery() };
  }

  #receive(bytes: Uint8Array, from: RoomInterface): void {
    for (const request of this.#receiver.push(bytes, from)) {
      if (request.address !== DalyAddress.rs485Host && request.address !== DalyAddress.uartHost) continue;
      const answer = this.#handle(request);
      if (answer.length === 0) continue;
      const out = new Uint8Array(answer.length * 13);
      answer.forEach((data, i) => out.set(encodeDalyFrame({ address: DalyAddress.bms, command: request.command, data }), i * 13));
      from.answer(out, this.#latencyMs);
    }
  }

  #handle({ command, data }: DalyFrame): Uint8Array[] {
    const r = this.reading();
    const s = this.#settings;
    const cells = r.cellsMv;
    const temps = r.tempsDc.slice(0, NTCS);
    switch (command) {
      case DalyCommand.soc:
        return [encodeSoc({ packMv: r.packMv, currentMa: r.currentMa, socPm: r.socPm })];
      case DalyCommand.cellRange: {
        const max = Math.max(...cells);
        const min = Math.min(...cells);
        return [encodeCellRange({ max, maxIndex: cells.indexOf(max) + 1, min, minIndex: cells.indexOf(min) + 1 })];
      }
      case DalyCommand.tempRange: {
        const max = Math.max(...temps);
        const min = Math.min(...temps);
        return [encodeTempRange({ max, maxIndex: temps.indexOf(max) + 1, min, minIndex: temps.indexOf(min) + 1 })];
      }
      case DalyCommand.mos: {
        const faults = this.#voltageFaults(r);
        return [encodeMos({
          state: r.currentMa > 0 ? 1 : r.currentMa < 0 ? 2 : 0,
          chargeMos: (faults & (DalyVoltageFault.cellHighL2 | DalyVoltageFault.packHighL2)) === 0,
          dischargeMos: (faults & (DalyVoltageFault.cellLowL2 | DalyVoltageFault.packLowL2)) === 0,
          bmsLife: r.cycles,
          remainingMah: r.remainingMah
        })];
      }
      case DalyCommand.status:
        return [encodeStatus({ cellCount: cells.length, ntcCount: temps.length, charger: r.currentMa > 0, load: r.currentMa < 0, dio: 0, cycles: r.cycles })];
      case DalyCommand.cells:
        return Array.from({ length: DALY_CELL_FRAMES }, (_, i) => encodeCellFrame(i + 1, cells.slice(i * CELLS_PER_FRAME, (i + 1) * CELLS_PER_FRAME)));
      case DalyCommand.temps:
        return Array.from({ length: Math.ceil(temps.length / TEMPS_PER_FRAME) }, (_, i) => encodeTempFrame(i + 1, temps.slice(i * TEMPS_PER_FRAME)));
      case DalyCommand.balancing: {
        const min = Math.min(...cells);
        return [encodeBalancing(cells.map((v) => v > s.cell_high_l1 - 100 && v - min > 20))];
      }
      case DalyCommand.faults: {
        const out = new Uint8Array(8);
        out[0] = this.#voltageFaults(r);
        return [out];
      }
    }
    const settingsId = DALY_SETTING_COMMANDS.find((id) => id === command);
    if (settingsId !== undefined) return [encodeSettingsFrame(settingsId, s)];
    const written = DALY_SETTING_COMMANDS.find((id) => writeIdOf(id) === command);
    if (written === undefined) return [];
    const next = { ...s };
    decodeSettingsFrame(written, data, next);
    this.#settings = next;
    return [data];
  }

  #voltageFaults(r: PackReading): number {
    const s = this.#settings;
    const high = Math.max(...r.cellsMv);
    const low = Math.min(...r.cellsMv);
    const pack = r.packMv / 100;
    let flags = 0;
    if (high > s.cell_high_l1) flags |= DalyVoltageFault.cellHighL1;
    if (high > s.cell_high_l2) flags |= DalyVoltageFault.cellHighL2;
    if (low < s.cell_low_l1) flags |= DalyVoltageFault.cellLowL1;
    if (low < s.cell_low_l2) flags |= DalyVoltageFault.cellLowL2;
    if (pack > s.pack_high_l1) flags |= DalyVoltageFault.packHighL1;
    if (pack > s.pack_high_l2) flags |= DalyVoltageFault.packHighL2;
    if (pack < s.pack_low_l1) flags |= DalyVoltageFault.packLowL1;
    if (pack < s.pack_low_l2) flags |= DalyVoltageFault.packLowL2;
    return flags;
  }
}
