/**
 * The JK-PB ("inverter BMS") register map over Modbus RTU, RS485 at 115200 8N1 (JK BMS RS485 Modbus
 * V1.0; bms-can-stm32.md §1.3). Three read domains and one control domain:
 *   0x1000 settings (32-bit values, read/write with function 16), 0x1200 live data, 0x1400 device info,
 *   0x1600 control — 0x1626 starts the firmware updater and is never written by this tool.
 * JK addresses by BYTE offset: register address = domain base + byte offset, and a read of N registers
 * returns the 2N bytes from that offset. That is why BatVol sits at 0x1290 (offset 0x90) although 32
 * cells of 2 bytes come before it. Words are big-endian, 32-bit values high word first.
 * The live-data layout follows the addresses readers use against real units (SoC in the low byte of
 * 0x12A6, capacity from 0x12A8, cycles 0x12B0): the specification's offset column is one field off there.
 */
import { fail } from '../../errors';

export const JK_SETTINGS_BASE = 0x1000;
export const JK_DATA_BASE = 0x1200;
export const JK_INFO_BASE = 0x1400;
/** Writing here hands the unit to its own updater; reports say it can hang there (device-families.md §4). */
export const JK_UPDATE_REGISTER = 0x1626;

export const JK_MAX_CELLS = 32;
/** Bytes of each domain this map covers (a read beyond them is refused by the device). */
export const JK_DATA_SIZE = 0xbc;
export const JK_INFO_SIZE = 0x28;

export interface JkSetting {
  /** byte offset from 0x1000 */
  offset: number;
  name: string;
  unit: string;
  signed?: boolean;
}

const s = (offset: number, name: string, unit: string, signed?: boolean): JkSetting => ({ offset, name, unit, signed });

export const JK_SETTINGS: readonly JkSetting[] = [
  s(0x00, 'VolSmartSleep', 'mV'),
  s(0x04, 'VolCellUV', 'mV'),
  s(0x08, 'VolCellUVPR', 'mV'),
  s(0x0c, 'VolCellOV', 'mV'),
  s(0x10, 'VolCellOVPR', 'mV'),
  s(0x14, 'VolBalanTrig', 'mV'),
  s(0x18, 'VolSOC100', 'mV'),
  s(0x1c, 'VolSOC0', 'mV'),
  s(0x20, 'VolCellRCV', 'mV'),
  s(0x24, 'VolCellRFV', 'mV'),
  s(0x28, 'VolSysPwrOff', 'mV'),
  s(0x2c, 'CurBatCOC', 'mA'),
  s(0x30, 'TIMBatCOCPDly', 's'),
  s(0x34, 'TIMBatCOCPRDly', 's'),
  s(0x38, 'CurBatDcOC', 'mA'),
  s(0x3c, 'TIMBatDcOCPDly', 's'),
  s(0x40, 'TIMBatDcOCPRDly', 's'),
  s(0x44, 'TIMBatSCPRDly', 's'),
  s(0x48, 'CurBalanMax', 'mA'),
  s(0x4c, 'TMPBatCOT', '0.1 °C', true),
  s(0x50, 'TMPBatCOTPR', '0.1 °C', true),
  s(0x54, 'TMPBatDcOT', '0.1 °C', true),
  s(0x58, 'TMPBatDcOTPR', '0.1 °C', true),
  s(0x5c, 'TMPBatCUT', '0.1 °C', true),
  s(0x60, 'TMPBatCUTPR', '0.1 °C', true),
  s(0x64, 'TMPMosOT', '0.1 °C', true),
  s(0x68, 'TMPMosOTPR', '0.1 °C', true),
  s(0x6c, 'CellCount', 'cells'),
  s(0x70, 'BatChargeEN', '0/1'),
  s(0x74, 'BatDisChargeEN', '0/1'),
  s(0x78, 'BalanEN', '0/1'),
  s(0x7c, 'CapBatCell', 'mAh')
];

/** Bytes of the settings domain this map covers. */
export const JK_SETTINGS_SIZE = 0x80;

export type JkSettings = Record<string, number>;

export function jkSetting(name: string): JkSetting {
  const setting = JK_SETTINGS.find((x) => x.name === name);
  if (!setting) fail('JK_SETTING_INVALID', `"${name}" is not a JK-PB setting`);
  return setting;
}

/** Registers (16-bit words) → the bytes they carry, big-endian. */
export function registersToBytes(registers: readonly number[]): Uint8Array {
  return Uint8Array.from(registers.flatMap((r) => [r >> 8, r & 0xff]));
}

export function bytesToRegisters(bytes: Uint8Array): number[] {
  return Array.from({ length: bytes.length >> 1 }, (_, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1]);
}

function view(bytes: Uint8Array, need: number, what: string): DataView {
  if (bytes.length < need) fail('JK_FRAME_INVALID', `${what}: ${bytes.length} bytes, ${need} expected`);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function decodeSettings(bytes: Uint8Array): JkSettings {
  const v = view(bytes, JK_SETTINGS_SIZE, 'settings block');
  return Object.fromEntries(JK_SETTINGS.map((x) => [x.name, x.signed ? v.getInt32(x.offset) : v.getUint32(x.offset)]));
}

export function encodeSettingValue(setting: JkSetting, value: number): number[] {
  const [min, max] = setting.signed ? [-0x8000_0000, 0x7fff_ffff] : [0, 0xffff_ffff];
  if (!Number.isInteger(value) || value < min || value > max) fail('JK_SETTING_INVALID', `${setting.name} = ${value} is outside ${min}…${max} (${setting.unit})`);
  const bytes = new Uint8Array(4);
  const v = new DataView(bytes.buffer);
  if (setting.signed) v.setInt32(0, value);
  else v.setUint32(0, value);
  return bytesToRegisters(bytes);
}

export function encodeSettings(settings: JkSettings): Uint8Array {
  const bytes = new Uint8Array(JK_SETTINGS_SIZE);
  const v = new DataView(bytes.buffer);
  for (const x of JK_SETTINGS) {
    if (x.signed) v.setInt32(x.offset, settings[x.name] ?? 0);
    else v.setUint32(x.offset, settings[x.name] ?? 0);
  }
  return bytes;
}

export interface JkData {
  /** the enabled cells only (CellSta bitmask) */
  cellsMv: number[];
  packMv: number;
  /** positive = charging */
  currentMa: number;
  powerMw: number;
  /** °C ×10: battery sensors 1 and 2, then the MOSFET sensor */
  tempsDc: [number, number];
  mosTempDc: number;
  alarms: number;
  balanceCurrentMa: number;
  /** 0 off, 1 charging balance, 2 discharging balance */
  balancing: number;
  socPct: number;
  remainingMah: number;
  fullChargeMah: number;
  cycles: number;
  sohPct: number;
}

const D = { cellSta: 0x40, mosTemp: 0x8a, packMv: 0x90, power: 0x94, current: 0x98, temp1: 0x9c, temp2: 0x9e, alarms: 0xa0, balanceMa: 0xa4, balanSta: 0xa6, soc: 0xa7, remaining: 0xa8, full: 0xac, cycles: 0xb0, soh: 0xb8 } as const;

export function decodeData(bytes: Uint8Array): JkData {
  const v = view(bytes, JK_DATA_SIZE, 'live data block');
  const enabled = v.getUint32(D.cellSta);
  const cellsMv: number[] = [];
  for (let i = 0; i < JK_MAX_CELLS; i++) if ((enabled >>> i) & 1) cellsMv.push(v.getUint16(2 * i));
  return {
    cellsMv,
    packMv: v.getUint32(D.packMv),
    currentMa: v.getInt32(D.current),
    powerMw: v.getUint32(D.power),
    tempsDc: [v.getInt16(D.temp1), v.getInt16(D.temp2)],
    mosTempDc: v.getInt16(D.mosTemp),
    alarms: v.getUint32(D.alarms),
    balanceCurrentMa: v.getInt16(D.balanceMa),
    balancing: bytes[D.balanSta],
    socPct: bytes[D.soc],
    remainingMah: v.getInt32(D.remaining),
    fullChargeMah: v.getUint32(D.full),
    cycles: v.getUint32(D.cycles),
    sohPct: bytes[D.soh]
  };
}

export function encodeData(data: JkData): Uint8Array {
  const bytes = new Uint8Array(JK_DATA_SIZE);
  const v = new DataView(bytes.buffer);
  data.cellsMv.forEach((mv, i) => v.setUint16(2 * i, mv));
  v.setUint32(D.cellSta, data.cellsMv.length >= 32 ? 0xffff_ffff : (1 << data.cellsMv.length) - 1);
  v.setUint32(D.packMv, data.packMv);
  v.setUint32(D.power, data.powerMw);
  v.setInt32(D.current, data.currentMa);
  v.setInt16(D.temp1, data.tempsDc[0]);
  v.setInt16(D.temp2, data.tempsDc[1]);
  v.setInt16(D.mosTemp, data.mosTempDc);
  v.setUint32(D.alarms, data.alarms);
  v.setInt16(D.balanceMa, data.balanceCurrentMa);
  bytes[D.balanSta] = data.balancing;
  bytes[D.soc] = data.socPct;
  v.setInt32(D.remaining, data.remainingMah);
  v.setUint32(D.full, data.fullChargeMah);
  v.setUint32(D.cycles, data.cycles);
  bytes[D.soh] = data.sohPct;
  return bytes;
}

export interface JkInfo {
  model: string;
  hardware: string;
  software: string;
  uptimeS: number;
  powerOnCount: number;
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes).replace(/\0+$/, '');

export function decodeInfo(bytes: Uint8Array): JkInfo {
  const v = view(bytes, JK_INFO_SIZE, 'device info block');
  return { model: ascii(bytes.subarray(0, 16)), hardware: ascii(bytes.subarray(16, 24)), software: ascii(bytes.subarray(24, 32)), uptimeS: v.getUint32(0x20), powerOnCount: v.getUint32(0x24) };
}

export function encodeInfo(info: JkInfo): Uint8Array {
  const bytes = new Uint8Array(JK_INFO_SIZE);
  const put = (text: string, at: number, size: number) => bytes.set(Uint8Array.from(text.slice(0, size), (c) => c.charCodeAt(0) & 0x7f), at);
  put(info.model, 0, 16);
  put(info.hardware, 16, 8);
  put(info.software, 24, 8);
  const v = new DataView(bytes.buffer);
  v.setUint32(0x20, info.uptimeS);
  v.setUint32(0x24, info.powerOnCount);
  return bytes;
}
