/**
 * JBD register contents (bms-tools JBD_REGISTER_MAP, Jiabaida protocol V13): 0x03 basic info, 0x04 cell
 * voltages, 0x05 device name, and the EEPROM settings at 0x10–0x3F, read and written only in factory
 * mode (0x00 ← 56 78 enters; 0x01 ← 28 28 leaves and saves, 00 00 leaves without saving).
 * All 16-bit values are big-endian. Each decoder has its encoder: the virtual JBD room uses them.
 */
import { fail } from '../../errors';

export const JbdRegister = {
  enterFactory: 0x00,
  exitFactory: 0x01,
  basicInfo: 0x03,
  cells: 0x04,
  name: 0x05
} as const;

/** Data written to 0x00 to enter factory mode. */
export const FACTORY_ENTER = Uint8Array.of(0x56, 0x78);
/** Data written to 0x01: leave factory mode and save to EEPROM (also clears the 0xAA error counters). */
export const FACTORY_EXIT_SAVE = Uint8Array.of(0x28, 0x28);
/** Data written to 0x01: leave factory mode, discard the changes. */
export const FACTORY_EXIT_DISCARD = Uint8Array.of(0x00, 0x00);

/** Protection flags of basic info offset 0x10. */
export const JbdProtection = {
  cellOvervoltage: 1 << 0,
  cellUndervoltage: 1 << 1,
  packOvervoltage: 1 << 2,
  packUndervoltage: 1 << 3,
  chargeOvertemp: 1 << 4,
  chargeUndertemp: 1 << 5,
  dischargeOvertemp: 1 << 6,
  dischargeUndertemp: 1 << 7,
  chargeOvercurrent: 1 << 8,
  dischargeOvercurrent: 1 << 9,
  shortCircuit: 1 << 10,
  afeError: 1 << 11,
  fetLocked: 1 << 12
} as const;

export interface JbdBasicInfo {
  packMv: number;
  /** positive = charging */
  currentMa: number;
  remainingMah: number;
  nominalMah: number;
  cycles: number;
  /** manufacture date, "YYYY-MM-DD" */
  date: string;
  /** one bit per cell, cell 1 = bit 0 (cells 17–32 from the second word) */
  balancing: boolean[];
  protection: number;
  /** software version byte, 0x10 = 1.0 */
  version: number;
  socPct: number;
  chargeFet: boolean;
  dischargeFet: boolean;
  cellCount: number;
  /** °C ×10 (from 0.1 K) */
  tempsDc: number[];
}

const KELVIN_DK = 2731;

/**
 * Basic info layout. The register map's table puts the version at 0x11, but protection is 16 bits at
 * 0x10; the published examples (DD 03 00 1B … 10 48 03 0F 02 …) put version at 0x12, SoC 0x13, FETs
 * 0x14, cell count 0x15, NTC count 0x16 and the NTCs from 0x17, which is what devices send.
 */
const BASIC_NTC_COUNT = 0x16;

export function decodeBasicInfo(data: Uint8Array): JbdBasicInfo {
  if (data.length <= BASIC_NTC_COUNT) fail('JBD_FRAME_INVALID', `basic info has ${data.length} bytes, at least 23 expected`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const ntcCount = data[BASIC_NTC_COUNT];
  if (data.length < BASIC_NTC_COUNT + 1 + 2 * ntcCount) {
    fail('JBD_FRAME_INVALID', `basic info announces ${ntcCount} NTCs but has ${data.length} bytes`);
  }
  const cellCount = data[0x15];
  const bits = ((view.getUint16(0x0e) << 16) | view.getUint16(0x0c)) >>> 0;
  const date = view.getUint16(0x0a);
  return {
    packMv: view.getUint16(0x00) * 10,
    currentMa: view.getInt16(0x02) * 10,
    remainingMah: view.getUint16(0x04) * 10,
    nominalMah: view.getUint16(0x06) * 10,
    cycles: view.getUint16(0x08),
    date: `${2000 + (date >> 9)}-${pad((date >> 5) & 0x0f)}-${pad(date & 0x1f)}`,
    // Two 16-bit words hold 32 cells; a shift by 32 or more would wrap around to cell 1 in JavaScript.
    balancing: Array.from({ length: cellCount }, (_, i) => i < 32 && ((bits >>> i) & 1) === 1),
    protection: view.getUint16(0x10),
    version: data[0x12],
    socPct: data[0x13],
    chargeFet: (data[0x14] & 1) !== 0,
    dischargeFet: (data[0x14] & 2) !== 0,
    cellCount,
    tempsDc: Array.from({ length: ntcCount }, (_, i) => view.getUint16(BASIC_NTC_COUNT + 1 + 2 * i) - KELVIN_DK)
  };
}

/** The device side: values are rounded to the register units (10 mV, 10 mA, 10 mAh, 0.1 K). */
export function encodeBasicInfo(info: JbdBasicInfo): Uint8Array {
  const out = new Uint8Array(BASIC_NTC_COUNT + 1 + 2 * info.tempsDc.length);
  const view = new DataView(out.buffer);
  const [year, month, day] = info.date.split('-').map(Number);
  const bits = info.balancing.reduce((acc, on, i) => (on ? acc | (1 << i) : acc), 0) >>> 0;
  view.setUint16(0x00, Math.round(info.packMv / 10));
  view.setInt16(0x02, Math.round(info.currentMa / 10));
  view.setUint16(0x04, Math.round(info.remainingMah / 10));
  view.setUint16(0x06, Math.round(info.nominalMah / 10));
  view.setUint16(0x08, info.cycles);
  view.setUint16(0x0a, ((year - 2000) << 9) | (month << 5) | day);
  view.setUint16(0x0c, bits & 0xffff);
  view.setUint16(0x0e, bits >>> 16);
  view.setUint16(0x10, info.protection);
  out[0x12] = info.version;
  out[0x13] = info.socPct;
  out[0x14] = (info.chargeFet ? 1 : 0) | (info.dischargeFet ? 2 : 0);
  out[0x15] = info.cellCount;
  out[BASIC_NTC_COUNT] = info.tempsDc.length;
  info.tempsDc.forEach((t, i) => view.setUint16(BASIC_NTC_COUNT + 1 + 2 * i, t + KELVIN_DK));
  return out;
}

/** Register 0x04: one U16 mV per cell. */
export function decodeCells(data: Uint8Array): number[] {
  if (data.length % 2 !== 0) fail('JBD_FRAME_INVALID', `cell voltages: odd length ${data.length}`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return Array.from({ length: data.length / 2 }, (_, i) => view.getUint16(2 * i));
}

export function encodeCells(cellsMv: readonly number[]): Uint8Array {
  const out = new Uint8Array(cellsMv.length * 2);
  const view = new DataView(out.buffer);
  cellsMv.forEach((mv, i) => view.setUint16(2 * i, Math.round(mv)));
  return out;
}

/**
 * Register 0x05: the vendor document's examples carry the ASCII name as the whole data (DD 05 00 0A
 * "0123456789" FD E9 77), not the length-prefixed string of the EEPROM name registers 0xA0–0xA2.
 */
export function decodeName(data: Uint8Array): string {
  return String.fromCharCode(...data);
}

export function encodeName(name: string): Uint8Array {
  return Uint8Array.from(name, (c) => c.charCodeAt(0) & 0x7f);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
