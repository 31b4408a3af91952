/**
 * Daly data ids and their 8 data bytes (big-endian). Read ids 0x90–0x98 are in the published protocol;
 * the settings reads (0x50 rated capacity / cell voltage, 0x59 cell and 0x5A pack voltage alarms) and
 * their writes at id − 0x40 (0x10, 0x19, 0x1A) come from captures of Daly's PC tool (Daly2MQTT,
 * dbus-serialbattery), not from the PDF. Current: raw − 30000 in 0.1 A with discharge POSITIVE, as a
 * capture shows (state "discharging" with raw 30021, jblance/mpp-solar#83) and dbus-serialbattery reads it.
 */
import { fail } from '../../errors';

export const DalyCommand = {
  ratedParams: 0x50,
  cellAlarms: 0x59,
  packAlarms: 0x5a,
  soc: 0x90,
  cellRange: 0x91,
  tempRange: 0x92,
  mos: 0x93,
  status: 0x94,
  cells: 0x95,
  temps: 0x96,
  balancing: 0x97,
  faults: 0x98,
  setSoc: 0x21,
  dischargeMos: 0xd9,
  chargeMos: 0xda
} as const;

/** The write id of a settings read id (the PC tool's convention). */
export const writeIdOf = (readId: number): number => readId - 0x40;

const TEMP_OFFSET = 40;
const CURRENT_OFFSET = 30000;
export const CELLS_PER_FRAME = 3;
export const TEMPS_PER_FRAME = 7;

const view = (data: Uint8Array) => new DataView(data.buffer, data.byteOffset, data.byteLength);
const frame = (fill: (v: DataView, bytes: Uint8Array) => void): Uint8Array => {
  const bytes = new Uint8Array(8);
  fill(new DataView(bytes.buffer), bytes);
  return bytes;
};

export interface DalySoc {
  packMv: number;
  /** positive = charging (the wire carries discharge positive) */
  currentMa: number;
  socPm: number;
}

export function decodeSoc(data: Uint8Array): DalySoc {
  const v = view(data);
  return { packMv: v.getUint16(0) * 100, currentMa: (CURRENT_OFFSET - v.getUint16(4)) * 100, socPm: v.getUint16(6) };
}

export function encodeSoc(soc: DalySoc): Uint8Array {
  return frame((v) => {
    v.setUint16(0, Math.round(soc.packMv / 100));
    v.setUint16(4, CURRENT_OFFSET - Math.round(soc.currentMa / 100));
    v.setUint16(6, soc.socPm);
  });
}

export interface DalyRange {
  max: number;
  /** 1-based */
  maxIndex: number;
  min: number;
  minIndex: number;
}

export function decodeCellRange(data: Uint8Array): DalyRange {
  const v = view(data);
  return { max: v.getUint16(0), maxIndex: data[2], min: v.getUint16(3), minIndex: data[5] };
}

export function encodeCellRange(range: DalyRange): Uint8Array {
  return frame((v, b) => {
    v.setUint16(0, range.max);
    b[2] = range.maxIndex;
    v.setUint16(3, range.min);
    b[5] = range.minIndex;
  });
}

/** Temperatures in °C ×10 (the wire carries whole degrees + 40). */
export function decodeTempRange(data: Uint8Array): DalyRange {
  return { max: (data[0] - TEMP_OFFSET) * 10, maxIndex: data[1], min: (data[2] - TEMP_OFFSET) * 10, minIndex: data[3] };
}

export function encodeTempRange(range: DalyRange): Uint8Array {
  return frame((_, b) => b.set([toTempByte(range.max), range.maxIndex, toTempByte(range.min), range.minIndex]));
}

export interface DalyMos {
  /** 0 idle, 1 charging, 2 discharging */
  state: number;
  chargeMos: boolean;
  dischargeMos: boolean;
  bmsLife: number;
  remainingMah: number;
}

export function decodeMos(data: Uint8Array): DalyMos {
  return { state: data[0], chargeMos: data[1] === 1, dischargeMos: data[2] === 1, bmsLife: data[3], remainingMah: view(data).getUint32(4) };
}

export function encodeMos(mos: DalyMos): Uint8Array {
  return frame((v, b) => {
    b.set([mos.state, mos.chargeMos ? 1 : 0, mos.dischargeMos ? 1 : 0, mos.bmsLife & 0xff]);
    v.setUint32(4, mos.remainingMah);
  });
}

export interface DalyStatus {
  cellCount: number;
  ntcCount: number;
  charger: boolean;
  load: boolean;
  dio: number;
  cycles: number;
}

export function decodeStatus(data: Uint8Array): DalyStatus {
  return { cellCount: data[0], ntcCount: data[1], charger: data[2] === 1, load: data[3] === 1, dio: data[4], cycles: view(data).getUint16(5) };
}

export function encodeStatus(status: DalyStatus): Uint8Array {
  return frame((v, b) => {
    b.set([status.cellCount, status.ntcCount, status.charger ? 1 : 0, status.load ? 1 : 0, status.dio]);
    v.setUint16(5, status.cycles);
  });
}

/** 0x95 answer frames → cell mV; frames carry 1-based numbers and 3 cells each. */
export function decodeCellFrames(frames: Uint8Array[], cellCount: number): number[] {
  const cells: number[] = [];
  for (const data of frames) {
    const first = (data[0] - 1) * CELLS_PER_FRAME;
    for (let i = 0; i < CELLS_PER_FRAME; i++) if (first + i < cellCount) cells[first + i] = view(data).getUint16(1 + 2 * i);
  }
  if (cells.length !== cellCount || cells.includes(undefined as unknown as number)) {
    fail('DALY_FRAME_INVALID', `cell frames cover ${cells.filter((c) => c !== undefined).length} of ${cellCount} cells`);
  }
  return cells;
}

export function encodeCellFrame(number: number, cellsMv: readonly number[]): Uint8Array {
  return frame((v, b) => {
    b[0] = number;
    cellsMv.slice(0, CELLS_PER_FRAME).forEach((mv, i) => v.setUint16(1 + 2 * i, mv));
  });
}

/** 0x96 answer frames → °C ×10. */
export function decodeTempFrames(frames: Uint8Array[], ntcCount: number): number[] {
  const temps: number[] = [];
  for (const data of frames) {
    const first = (data[0] - 1) * TEMPS_PER_FRAME;
    for (let i = 0; i < TEMPS_PER_FRAME; i++) if (first + i < ntcCount) temps[first + i] = (data[1 + i] - TEMP_OFFSET) * 10;
  }
  if (temps.length !== ntcCount) fail('DALY_FRAME_INVALID', `temperature frames cover ${temps.length} of ${ntcCount} sensors`);
  return temps;
}

export function encodeTempFrame(number: number, tempsDc: readonly number[]): Uint8Array {
  return frame((_, b) => {
    b[0] = number;
    tempsDc.slice(0, TEMPS_PER_FRAME).forEach((t, i) => (b[1 + i] = toTempByte(t)));
  });
}

/** 0x97: one bit per cell, cell 1 = bit 0 of the first byte. */
export function decodeBalancing(data: Uint8Array, cellCount: number): boolean[] {
  return Array.from({ length: cellCount }, (_, i) => ((data[i >> 3] >> (i & 7)) & 1) === 1);
}

export function encodeBalancing(balancing: readonly boolean[]): Uint8Array {
  return frame((_, b) => balancing.forEach((on, i) => on && (b[i >> 3] |= 1 << (i & 7))));
}

/** 0x98 byte 0: cell / pack voltage alarms, level 1 (warning) and level 2 (protection). */
export const DalyVoltageFault = {
  cellHighL1: 1 << 0,
  cellHighL2: 1 << 1,
  cellLowL1: 1 << 2,
  cellLowL2: 1 << 3,
  packHighL1: 1 << 4,
  packHighL2: 1 << 5,
  packLowL1: 1 << 6,
  packLowL2: 1 << 7
} as const;

export interface DalyFaults {
  /** the 7 fault bytes as sent */
  bytes: number[];
  voltage: number;
  faultCode: number;
}

export function decodeFaults(data: Uint8Array): DalyFaults {
  return { bytes: Array.from(data.subarray(0, 7)), voltage: data[0], faultCode: data[7] };
}

/** Settings the Daly tool reads and writes, in wire units. */
export interface DalySetting {
  name: string;
  command: number;
  offset: number;
  size: 2 | 4;
  unit: string;
}

const s = (name: string, command: number, offset: number, size: 2 | 4, unit: string): DalySetting => ({ name, command, offset, size, unit });

export const DALY_SETTINGS: readonly DalySetting[] = [
  s('rated_capacity', DalyCommand.ratedParams, 0, 4, 'mAh'),
  s('nominal_cell', DalyCommand.ratedParams, 4, 4, 'mV'),
  s('cell_high_l1', DalyCommand.cellAlarms, 0, 2, 'mV'),
  s('cell_high_l2', DalyCommand.cellAlarms, 2, 2, 'mV'),
  s('cell_low_l1', DalyCommand.cellAlarms, 4, 2, 'mV'),
  s('cell_low_l2', DalyCommand.cellAlarms, 6, 2, 'mV'),
  s('pack_high_l1', DalyCommand.packAlarms, 0, 2, '0.1 V'),
  s('pack_high_l2', DalyCommand.packAlarms, 2, 2, '0.1 V'),
  s('pack_low_l1', DalyCommand.packAlarms, 4, 2, '0.1 V'),
  s('pack_low_l2', DalyCommand.packAlarms, 6, 2, '0.1 V')
];

export const DALY_SETTING_COMMANDS = [DalyCommand.ratedParams, DalyCommand.cellAlarms, DalyCommand.packAlarms] as const;

export type DalySettings = Record<string, number>;

export function decodeSettingsFrame(command: number, data: Uint8Array, into: DalySettings): void {
  const v = view(data);
  for (const x of DALY_SETTINGS) if (x.command === command) into[x.name] = x.size === 4 ? v.getUint32(x.offset) : v.getUint16(x.offset);
}

/** The 8 data bytes of one settings id; every field of that id must be given. */
export function encodeSettingsFrame(command: number, settings: DalySettings): Uint8Array {
  return frame((v) => {
    for (const x of DALY_SETTINGS) {
      if (x.command !== command) continue;
      const value = settings[x.name];
      const max = x.size === 4 ? 0xffff_ffff : 0xffff;
      if (!Number.isInteger(value) || value < 0 || value > max) fail('DALY_SETTING_INVALID', `${x.name} = ${value} is outside 0…${max} (${x.unit})`);
      if (x.size === 4) v.setUint32(x.offset, value);
      else v.setUint16(x.offset, value);
    }
  });
}

function toTempByte(dc: number): number {
  return Math.min(255, Math.max(0, Math.round(dc / 10) + TEMP_OFFSET));
}
