/**
 * The virtual JK-PB board: a Modbus RTU slave (RS485, 115200 8N1) answering the JK register map from
 * the shared battery model, with what field units do:
 * - only its own slave id answers (others on the bus stay silent); function 03 reads, 16 writes,
 *   anything else gets exception 01; a range outside the map gets 02, a voltage setting outside
 *   1–5 V gets 03;
 * - settings are saved as soon as written (they survive a power cycle);
 * - a write reaching 0x1626 starts the vendor updater: the board goes silent until power-cycled,
 *   as reports describe (device-families.md §4). `updateRegisterWritten` lets a test prove the tool
 *   never does that;
 * - its Bluetooth answers the JK BLE commands: 0x97 with the device-info record, 0x96 with the settings
 *   record then a cell-info record (JK02 24-cell layout). Real units keep streaming cell info after
 *   0x96; the room sends one record per command.
 */
import type { BatteryState } from '../board/battery';
import { PowerDomain, systemClock, type DeviceClock } from '../board/device-clock';
import { decodeJkBleCommands, encodeJkBleCellInfo, encodeJkBleDeviceInfo, encodeJkBleSettings, JkBleCommand, type JkBleCommandFrame } from '../../protocol/jk/jk-ble';
import { decodeModbusRequests, encodeModbusResponse, ModbusException, type ModbusRequest, type ModbusResponse } from '../../protocol/modbus/modbus-rtu';
import {
  bytesToRegisters,
  encodeData,
  encodeInfo,
  encodeSettings,
  JK_DATA_BASE,
  JK_INFO_BASE,
  JK_SETTINGS,
  JK_SETTINGS_BASE,
  JK_SETTINGS_SIZE,
  JK_UPDATE_REGISTER,
  registersToBytes,
  type JkSettings
} from '../../protocol/jk/jk-registers';
import { FieldPack, RoomGatt, RoomPort, RoomReceiver, type PackReading, type RoomInterface } from '../board/field-pack';

export interface JkRoomState {
  family: 'jk';
  slave: number;
  settings: JkSettings;
  powerOnCount: number;
  battery: BatteryState;
}

export interface JkRoomOptions {
  clock?: DeviceClock;
  seed?: number;
  /** Modbus slave id set on the board (default 1) */
  slave?: number;
  latencyMs?: number;
  state?: JkRoomState;
}

const CELLS = 16;
export const JK_ROOM_MODEL = 'JK_PB2A16S20P';

export function defaultJkSettings(): JkSettings {
  return {
    VolSmartSleep: 3350, VolCellUV: 2600, VolCellUVPR: 2800, VolCellOV: 3650, VolCellOVPR: 3400, VolBalanTrig: 3400,
    VolSOC100: 3450, VolSOC0: 2900, VolCellRCV: 3500, VolCellRFV: 3400, VolSysPwrOff: 2500,
    CurBatCOC: 100_000, TIMBatCOCPDly: 30, TIMBatCOCPRDly: 60, CurBatDcOC: 150_000, TIMBatDcOCPDly: 300, TIMBatDcOCPRDly: 60,
    TIMBatSCPRDly: 60, CurBalanMax: 2000, TMPBatCOT: 550, TMPBatCOTPR: 500, TMPBatDcOT: 650, TMPBatDcOTPR: 600,
    TMPBatCUT: 20, TMPBatCUTPR: 50, TMPMosOT: 900, TMPMosOTPR: 800, CellCount: CELLS,
    BatChargeEN: 1, BatDisChargeEN: 1, BalanEN: 1, CapBatCell: 280_000
  };
}

export class JkRoom {
  readonly port: RoomPort;
  /** the board's own Bluetooth (JK BLE records) */
  readonly gatt: RoomGatt;
  readonly pack: FieldPack;
  readonly slave: number;
  /** set once anything wrote the updater register: the board then stays silent until power-cycled */
  updateRegisterWritten = false;
  readonly #clock: DeviceClock;
  readonly #latencyMs: number;
  #settings: JkSettings;
  #powerOnCount: number;
  #poweredAtMs: number;
  #hung = false;
  #recordCounter = 0;
  readonly #power: PowerDomain;
  readonly #modbus = new RoomReceiver(decodeModbusRequests);
  readonly #ble = new RoomReceiver(decodeJkBleCommands);

  constructor(options: JkRoomOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#latencyMs = options.latencyMs ?? 5;
    this.slave = options.state?.slave ?? options.slave ?? 1;
    this.#settings = { ...defaultJkSettings(), ...options.state?.settings };
    this.#powerOnCount = (options.state?.powerOnCount ?? 0) + 1;
    this.#poweredAtMs = this.#clock.now();
    this.pack = new FieldPack({ clock: this.#clock, cellCount: CELLS, capacityMah: this.#settings.CapBatCell, seed: options.seed, battery: options.state?.battery });
    this.#power = new PowerDomain(this.#clock);
    this.port = new RoomPort(115200, this.#power, (bytes, from) => this.#receive(bytes, from));
    this.gatt = new RoomGatt(20, this.#power, (bytes, from) => this.#receiveBle(bytes, from));
  }

  settings(): JkSettings {
    return { ...this.#settings };
  }

  reading(): PackReading {
    return this.pack.reading();
  }

  get hung(): boolean {
    return this.#hung;
  }

  powerCycle(): void {
    this.#power.cutAll();
    this.#modbus.clear();
    this.#ble.clear();
    this.#hung = false;
    this.#powerOnCount++;
    this.#poweredAtMs = this.#clock.now();
  }

  exportState(): JkRoomState {
    return { family: 'jk', slave: this.slave, settings: this.settings(), powerOnCount: this.#powerOnCount, battery: this.pack.exportBattery() };
  }

  #receive(bytes: Uint8Array, from: RoomInterface): void {
    for (const request of this.#modbus.push(bytes, from)) {
      if (this.#hung || request.slave !== this.slave) continue;
      const response = this.#handle(request);
      if (response) from.answer(encodeModbusResponse(response), this.#latencyMs);
    }
  }

  #receiveBle(bytes: Uint8Array, from: RoomInterface): void {
    for (const command of this.#ble.push(bytes, from)) {
      if (this.#hung) continue;
      for (const record of this.#bleRecords(command)) from.answer(record, this.#latencyMs);
    }
  }

  #bleRecords({ command }: JkBleCommandFrame): Uint8Array[] {
    const counter = () => (this.#recordCounter = (this.#recordCounter + 1) & 0xff);
    if (command === JkBleCommand.deviceInfo) return [encodeJkBleDeviceInfo(counter(), { ...this.#info(), name: 'JK-PB' })];
    if (command !== JkBleCommand.cellInfo) return [];
    const data = this.#data();
    const { BatChargeEN, BatDisChargeEN } = this.#settings;
    return [
      encodeJkBleSettings(counter(), this.#settings),
      encodeJkBleCellInfo(counter(), { ...data, nominalMah: data.fullChargeMah, errors: data.alarms, chargeFet: BatChargeEN === 1, dischargeFet: BatDisChargeEN === 1 })
    ];
  }

  #handle(request: ModbusRequest): ModbusResponse | undefined {
    const exception = (code: number): ModbusResponse => ({ slave: this.slave, function: request.function, exception: code });
    if ('count' in request && request.function === 0x03) {
      const bytes = this.#read(request.address, request.count);
      return bytes ? { slave: this.slave, function: 0x03, registers: bytesToRegisters(bytes) } : exception(ModbusException.illegalAddress);
    }
    if ('values' in request) {
      const end = request.address + 2 * request.values.length;
      if (JK_UPDATE_REGISTER >= request.address && JK_UPDATE_REGISTER < end) {
        this.updateRegisterWritten = true;
        this.#hung = true;
        return undefined;
      }
      const result = this.#writeSettings(request.address, registersToBytes(request.values));
      return result === 'ok' ? { slave: this.slave, function: 0x10, address: request.address, count: request.values.length } : exception(result);
    }
    // A write-multiple the codec left raw has a quantity that disagrees with its byte count.
    if ('raw' in request && request.function === 0x10) return exception(ModbusException.illegalValue);
    return exception(ModbusException.illegalFunction);
  }

  /** The bytes at a JK byte address, or undefined outside the map. */
  #read(address: number, count: number): Uint8Array | undefined {
    const domains: [number, () => Uint8Array][] = [
      [JK_SETTINGS_BASE, () => encodeSettings(this.#settings)],
      [JK_DATA_BASE, () => encodeData(this.#data())],
      [JK_INFO_BASE, () => encodeInfo(this.#info())]
    ];
    for (const [base, image] of domains) {
      if (address < base || address >= base + 0x200) continue;
      const bytes = image();
      const offset = address - base;
      return offset + 2 * count <= bytes.length ? bytes.slice(offset, offset + 2 * count) : undefined;
    }
    return undefined;
  }

  #writeSettings(address: number, bytes: Uint8Array): 'ok' | number {
    const offset = address - JK_SETTINGS_BASE;
    if (offset < 0 || offset + bytes.length > JK_SETTINGS_SIZE || offset % 4 !== 0 || bytes.length % 4 !== 0) return ModbusException.illegalAddress;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const next = { ...this.#settings };
    for (let at = 0; at < bytes.length; at += 4) {
      const setting = JK_SETTINGS.find((x) => x.offset === offset + at);
      if (!setting) return ModbusException.illegalAddress;
      const value = setting.signed ? view.getInt32(at) : view.getUint32(at);
      if (setting.unit === 'mV' && (value < 1000 || value > 5000)) return ModbusException.illegalValue;
      next[setting.name] = value;
    }
    this.#settings = next;
    return 'ok';
  }

  #data() {
    const r = this.reading();
    const s = this.#settings;
    const min = Math.min(...r.cellsMv);
    const balancing = s.BalanEN === 1 && r.cellsMv.some((v) => v > s.VolBalanTrig && v - min > 10);
    return {
      cellsMv: r.cellsMv,
      packMv: r.packMv,
      currentMa: r.currentMa,
      powerMw: Math.round((r.packMv * Math.abs(r.currentMa)) / 1000),
      tempsDc: [r.tempsDc[0], r.tempsDc[1]] as [number, number],
      mosTempDc: r.tempsDc[2],
      // The alarm bit layout is not in the documents at hand: the room reports none rather than guess.
      alarms: 0,
      balanceCurrentMa: 0,
      balancing: balancing ? 2 : 0,
      socPct: Math.round(r.socPm / 10),
      remainingMah: r.remainingMah,
      fullChargeMah: s.CapBatCell,
      cycles: r.cycles,
      sohPct: 100
    };
  }

  #info() {
    return {
      model: JK_ROOM_MODEL,
      hardware: 'V19',
      software: 'V19.05',
      uptimeS: Math.floor((this.#clock.now() - this.#poweredAtMs) / 1000),
      powerOnCount: this.#powerOnCount
    };
  }
}
