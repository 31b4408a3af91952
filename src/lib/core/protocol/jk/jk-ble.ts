/**
 * JK BMS Bluetooth frames (syssi/esphome-jk-bms protocol-design-ble.md; bms-can-stm32.md §1.3).
 *   command (host → BMS, 20 bytes): AA 55 90 EB | cmd | length | u32 value LE | 9 × 00 | sum of bytes 0–18
 *     0x96 asks for cell info (the BMS then streams it), 0x97 for device info.
 *   record (BMS → host, 300 bytes, split over notifications): 55 AA EB 90 | type | counter | … | sum of 0–298
 *     type 0x01 settings, 0x02 cell info, 0x03 device info. Multi-byte values are little-endian.
 * Cell info is decoded in the JK02 24-cell layout (the documented offsets agree with each other there);
 * 32-cell boards move every field after the cells by 32 bytes and are refused rather than misread.
 */
import { BmsError, fail } from '../../errors';
import type { Decoded } from '../exchange';
import { JK_SETTINGS, type JkSettings } from './jk-registers';

export const JK_BLE_COMMAND = Uint8Array.of(0xaa, 0x55, 0x90, 0xeb);
export const JK_BLE_RECORD = Uint8Array.of(0x55, 0xaa, 0xeb, 0x90);
export const JK_BLE_RECORD_SIZE = 300;

export const JkBleCommand = { cellInfo: 0x96, deviceInfo: 0x97 } as const;
export const JkBleRecordType = { settings: 0x01, cellInfo: 0x02, deviceInfo: 0x03 } as const;

export interface JkBleRecord {
  type: number;
  counter: number;
  /** the whole 300 bytes, header and checksum included, so offsets match the documents */
  bytes: Uint8Array;
}

function sum8(bytes: Uint8Array): number {
  let sum = 0;
  for (const b of bytes) sum += b;
  return sum & 0xff;
}

export function encodeJkBleCommand(command: number, value = 0, length = 0): Uint8Array {
  const out = new Uint8Array(20);
  out.set(JK_BLE_COMMAND);
  out[4] = command;
  out[5] = length;
  new DataView(out.buffer).setUint32(6, value >>> 0, true);
  out[19] = sum8(out.subarray(0, 19));
  return out;
}

export interface JkBleCommandFrame {
  command: number;
  value: number;
}

/** The BMS side: 20-byte commands from a stream of writes; a bad sum drops the command (JK_CHECKSUM). */
export function decodeJkBleCommands(buffer: Uint8Array): Decoded<JkBleCommandFrame> {
  const frames: JkBleCommandFrame[] = [];
  const errors: BmsError[] = [];
  let at = 0;
  while (at + 4 <= buffer.length) {
    if (!(buffer[at] === 0xaa && buffer[at + 1] === 0x55 && buffer[at + 2] === 0x90 && buffer[at + 3] === 0xeb)) {
      at++;
      continue;
    }
    if (buffer.length - at < 20) break;
    const bytes = buffer.subarray(at, at + 20);
    if (sum8(bytes.subarray(0, 19)) !== bytes[19]) {
      errors.push(new BmsError('JK_CHECKSUM', `command 0x${bytes[4].toString(16)}: bad checksum`));
      at++;
      continue;
    }
    frames.push({ command: bytes[4], value: new DataView(bytes.buffer, bytes.byteOffset + 6, 4).getUint32(0, true) });
    at += 20;
  }
  return { frames, rest: buffer.slice(at), errors };
}

/** Wraps 294 bytes of body (offsets 6–299 minus the checksum) into a record: the room side and tests. */
export function encodeJkBleRecord(type: number, counter: number, body: Uint8Array): Uint8Array {
  if (body.length > JK_BLE_RECORD_SIZE - 7) fail('JK_FRAME_INVALID', `record body of ${body.length} bytes exceeds 293`);
  const out = new Uint8Array(JK_BLE_RECORD_SIZE);
  out.set(JK_BLE_RECORD);
  out[4] = type;
  out[5] = counter;
  out.set(body, 6);
  out[JK_BLE_RECORD_SIZE - 1] = sum8(out.subarray(0, JK_BLE_RECORD_SIZE - 1));
  return out;
}

function startAt(buffer: Uint8Array, from: number): number {
  for (let i = from; i + 4 <= buffer.length; i++) {
    if (buffer[i] === 0x55 && buffer[i + 1] === 0xaa && buffer[i + 2] === 0xeb && buffer[i + 3] === 0x90) return i;
  }
  return -1;
}

/** Reassembles records from notifications; a bad checksum drops the record (JK_CHECKSUM) and resyncs. */
export function decodeJkBleRecords(buffer: Uint8Array): Decoded<JkBleRecord> {
  const frames: JkBleRecord[] = [];
  const errors: BmsError[] = [];
  let at = 0;
  for (;;) {
    const start = startAt(buffer, at);
    if (start < 0) {
      // Keep a possible partial header at the end.
      at = Math.max(at, buffer.length - 3);
      break;
    }
    at = start;
    if (buffer.length - at < JK_BLE_RECORD_SIZE) break;
    const bytes = buffer.slice(at, at + JK_BLE_RECORD_SIZE);
    const expected = sum8(bytes.subarray(0, JK_BLE_RECORD_SIZE - 1));
    if (expected !== bytes[JK_BLE_RECORD_SIZE - 1]) {
      errors.push(new BmsError('JK_CHECKSUM', `record type 0x${bytes[4].toString(16)}: checksum 0x${bytes[299].toString(16)}, expected 0x${expected.toString(16)}`));
      at++;
      continue;
    }
    frames.push({ type: bytes[4], counter: bytes[5], bytes });
    at += JK_BLE_RECORD_SIZE;
  }
  return { frames, rest: buffer.slice(Math.max(0, at)), errors };
}

export interface JkBleCellInfo {
  cellsMv: number[];
  mosTempDc: number;
  packMv: number;
  powerMw: number;
  /** positive = charging */
  currentMa: number;
  tempsDc: [number, number];
  errors: number;
  balanceCurrentMa: number;
  /** 0 off, 1 charging balance, 2 discharging balance */
  balancing: number;
  socPct: number;
  remainingMah: number;
  nominalMah: number;
  cycles: number;
  sohPct: number;
  chargeFet: boolean;
  dischargeFet: boolean;
}

/** JK02 24-cell cell-info offsets. */
const C = { cells: 6, enabled: 54, mosTemp: 112, packMv: 118, power: 122, current: 126, temp1: 130, temp2: 132, errors: 134, balanceMa: 138, balancing: 140, soc: 141, remaining: 142, nominal: 146, cycles: 150, soh: 158, chargeFet: 166, dischargeFet: 167 } as const;
const CELLS_24 = 24;

export function decodeJkBleCellInfo(record: JkBleRecord): JkBleCellInfo {
  if (record.type !== JkBleRecordType.cellInfo) fail('JK_FRAME_INVALID', `record type 0x${record.type.toString(16)} is not cell info (0x02)`);
  const b = record.bytes;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const enabled = v.getUint32(C.enabled, true);
  if (enabled >>> CELLS_24 !== 0) fail('JK_FRAME_INVALID', `cell mask 0x${enabled.toString(16)} announces more than 24 cells (32-cell layout)`);
  const cellsMv: number[] = [];
  for (let i = 0; i < CELLS_24; i++) if ((enabled >>> i) & 1) cellsMv.push(v.getUint16(C.cells + 2 * i, true));
  return {
    cellsMv,
    mosTempDc: v.getInt16(C.mosTemp, true),
    packMv: v.getUint32(C.packMv, true),
    powerMw: v.getUint32(C.power, true),
    currentMa: v.getInt32(C.current, true),
    tempsDc: [v.getInt16(C.temp1, true), v.getInt16(C.temp2, true)],
    errors: v.getUint16(C.errors, true),
    balanceCurrentMa: v.getInt16(C.balanceMa, true),
    balancing: b[C.balancing],
    socPct: b[C.soc],
    remainingMah: v.getUint32(C.remaining, true),
    nominalMah: v.getUint32(C.nominal, true),
    cycles: v.getUint32(C.cycles, true),
    sohPct: b[C.soh],
    chargeFet: b[C.chargeFet] === 1,
    dischargeFet: b[C.dischargeFet] === 1
  };
}

export interface JkBleDeviceInfo {
  model: string;
  hardware: string;
  software: string;
  uptimeS: number;
  powerOnCount: number;
  name: string;
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes).replace(/\0+$/, '');

export function decodeJkBleDeviceInfo(record: JkBleRecord): JkBleDeviceInfo {
  if (record.type !== JkBleRecordType.deviceInfo) fail('JK_FRAME_INVALID', `record type 0x${record.type.toString(16)} is not device info (0x03)`);
  const b = record.bytes;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    model: ascii(b.subarray(6, 22)),
    hardware: ascii(b.subarray(22, 30)),
    software: ascii(b.subarray(30, 38)),
    uptimeS: v.getUint32(38, true),
    powerOnCount: v.getUint32(42, true),
    name: ascii(b.subarray(46, 62))
  };
}

export function encodeJkBleCellInfo(counter: number, info: JkBleCellInfo): Uint8Array {
  if (info.cellsMv.length > CELLS_24) fail('JK_FRAME_INVALID', `${info.cellsMv.length} cells do not fit the 24-cell layout`);
  const body = new Uint8Array(JK_BLE_RECORD_SIZE);
  const v = new DataView(body.buffer);
  info.cellsMv.forEach((mv, i) => v.setUint16(C.cells + 2 * i, mv, true));
  v.setUint32(C.enabled, (1 << info.cellsMv.length) - 1, true);
  v.setInt16(C.mosTemp, info.mosTempDc, true);
  v.setUint32(C.packMv, info.packMv, true);
  v.setUint32(C.power, info.powerMw, true);
  v.setInt32(C.current, info.currentMa, true);
  v.setInt16(C.temp1, info.tempsDc[0], true);
  v.setInt16(C.temp2, info.tempsDc[1], true);
  v.setUint16(C.errors, info.errors, true);
  v.setInt16(C.balanceMa, info.balanceCurrentMa, true);
  body[C.balancing] = info.balancing;
  body[C.soc] = info.socPct;
  v.setUint32(C.remaining, info.remainingMah, true);
  v.setUint32(C.nominal, info.nominalMah, true);
  v.setUint32(C.cycles, info.cycles, true);
  body[C.soh] = info.sohPct;
  body[C.chargeFet] = info.chargeFet ? 1 : 0;
  body[C.dischargeFet] = info.dischargeFet ? 1 : 0;
  return encodeJkBleRecord(JkBleRecordType.cellInfo, counter, body.subarray(6, JK_BLE_RECORD_SIZE - 1));
}

export function encodeJkBleDeviceInfo(counter: number, info: JkBleDeviceInfo): Uint8Array {
  const body = new Uint8Array(56);
  const put = (text: string, at: number, size: number) => body.set(Uint8Array.from(text.slice(0, size), (c) => c.charCodeAt(0) & 0x7f), at);
  put(info.model, 0, 16);
  put(info.hardware, 16, 8);
  put(info.software, 24, 8);
  new DataView(body.buffer).setUint32(32, info.uptimeS, true);
  new DataView(body.buffer).setUint32(36, info.powerOnCount, true);
  put(info.name, 40, 16);
  return encodeJkBleRecord(JkBleRecordType.deviceInfo, counter, body);
}

/**
 * The settings record carries the 32-bit settings from offset 6, little-endian, in the order of the
 * JK-PB Modbus settings block (0x1000 + n ↔ record offset 6 + n).
 */
export function decodeJkBleSettings(record: JkBleRecord): JkSettings {
  if (record.type !== JkBleRecordType.settings) fail('JK_FRAME_INVALID', `record type 0x${record.type.toString(16)} is not settings (0x01)`);
  const v = new DataView(record.bytes.buffer, record.bytes.byteOffset, record.bytes.byteLength);
  return Object.fromEntries(JK_SETTINGS.map((x) => [x.name, x.signed ? v.getInt32(6 + x.offset, true) : v.getUint32(6 + x.offset, true)]));
}

export function encodeJkBleSettings(counter: number, settings: JkSettings): Uint8Array {
  const body = new Uint8Array(JK_BLE_RECORD_SIZE - 7);
  const v = new DataView(body.buffer);
  for (const x of JK_SETTINGS) {
    if (x.signed) v.setInt32(x.offset, settings[x.name] ?? 0, true);
    else v.setUint32(x.offset, settings[x.name] ?? 0, true);
  }
  return encodeJkBleRecord(JkBleRecordType.settings, counter, body);
}
