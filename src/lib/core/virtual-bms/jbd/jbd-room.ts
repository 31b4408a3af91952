/**
 * The virtual JBD / Xiaoxiang board: answers the general protocol (9600 8N1) from the shared battery
 * model, with the quirks field units show (bms-can-stm32.md §1.1, bms-tools register map):
 * - after `sleepAfterMs` without traffic it sleeps, and the frame that wakes it is ignored;
 * - EEPROM settings are read and written only in factory mode (0x00 ← 56 78), anything else there gets
 *   an error status (0x80); leaving with 28 28 saves to EEPROM, 00 00 discards;
 * - a power cycle keeps the EEPROM and loses unsaved writes and factory mode.
 */
import { PowerDomain, systemClock, type DeviceClock } from '../board/device-clock';
import type { BatteryState } from '../board/battery';
import { decodeJbdRequests, encodeJbdResponse, JBD_STATUS_OK, type JbdRequest } from '../../protocol/jbd/jbd-frame';
import { encodeBasicInfo, encodeCells, encodeName, JbdProtection, JbdRegister } from '../../protocol/jbd/jbd-registers';
import { decodeSettingWord, encodeSettingWord, JBD_SETTINGS, type JbdSettings } from '../../protocol/jbd/jbd-settings';
import { FieldPack, RoomGatt, RoomPort, RoomReceiver, type PackReading, type RoomInterface } from '../board/field-pack';

export const JBD_STATUS_ERROR = 0x80;

export interface JbdRoomState {
  family: 'jbd';
  eeprom: JbdSettings;
  battery: BatteryState;
}

export interface JbdRoomOptions {
  clock?: DeviceClock;
  seed?: number;
  /** idle time after which the board sleeps and drops the next frame (default 10 s) */
  sleepAfterMs?: number;
  /** time to answer a request (default 20 ms) */
  latencyMs?: number;
  state?: JbdRoomState;
}

const CELLS = 4;
const NTCS = 2;
const SOFTWARE_VERSION = 0x1a;
export const JBD_ROOM_NAME = 'SP04S034-L4S-100A';
const MANUFACTURED = '2024-05-17';

/** A 4S 100 Ah LiFePO4 pack as JBD ships it, in register units. */
export function defaultJbdSettings(): JbdSettings {
  const defaults: JbdSettings = {
    design_cap: 10000, cycle_cap: 10000, cap_100: 3450, cap_0: 2900, dsg_rate: 20,
    chgot: 3231, chgot_rel: 3181, chgut: 2731, chgut_rel: 2781, dsgot: 3331, dsgot_rel: 3281, dsgut: 2531, dsgut_rel: 2581,
    povp: 1460, povp_rel: 1380, puvp: 1000, puvp_rel: 1100,
    covp: 3650, covp_rel: 3450, cuvp: 2500, cuvp_rel: 2750,
    chgoc: 10000, dsgoc: -15000, bal_start: 3400, bal_window: 30, shunt_res: 10,
    func_config: 0b0000_1101, ntc_config: 0b11, cell_cnt: CELLS, fet_ctrl: 10, led_timer: 5,
    cap_80: 3330, cap_60: 3300, cap_40: 3280, cap_20: 3250,
    covp_high: 3700, cuvp_high: 2300, sc_dsgoc2: 0x0244, cxvp_high_delay_sc_rel: 0x0005,
    chg_t_delays: 0x0202, dsg_t_delays: 0x0202, pack_v_delays: 0x0202, cell_v_delays: 0x0202,
    chgoc_delays: 0x0520, dsgoc_delays: 0x0520
  };
  return defaults;
}

export class JbdRoom {
  readonly port: RoomPort;
  /** the Bluetooth dongle on the UART header: the same protocol over a GATT notify/write pair */
  readonly gatt: RoomGatt;
  readonly pack: FieldPack;
  /** frames ignored because they woke the board */
  wakeFramesDropped = 0;
  readonly #clock: DeviceClock;
  readonly #sleepAfterMs: number;
  readonly #latencyMs: number;
  #eeprom: JbdSettings;
  #working: JbdSettings;
  #factoryMode = false;
  #lastFrameMs = -Infinity;
  readonly #power: PowerDomain;
  readonly #receiver = new RoomReceiver(decodeJbdRequests);

  constructor(options: JbdRoomOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#sleepAfterMs = options.sleepAfterMs ?? 10_000;
    this.#latencyMs = options.latencyMs ?? 20;
    this.#eeprom = { ...defaultJbdSettings(), ...options.state?.eeprom };
    this.#working = { ...this.#eeprom };
    this.pack = new FieldPack({ clock: this.#clock, cellCount: CELLS, capacityMah: this.#eeprom.design_cap * 10, seed: options.seed, battery: options.state?.battery });
    this.#power = new PowerDomain(this.#clock);
    this.port = new RoomPort(9600, this.#power, (bytes, from) => this.#receive(bytes, from));
    this.gatt = new RoomGatt(20, this.#power, (bytes, from) => this.#receive(bytes, from));
  }

  get factoryMode(): boolean {
    return this.#factoryMode;
  }

  /** The settings saved in EEPROM (what survives a power cycle). */
  eeprom(): JbdSettings {
    return { ...this.#eeprom };
  }

  reading(): PackReading {
    return this.pack.reading();
  }

  powerCycle(): void {
    this.#power.cutAll();
    this.#receiver.clear();
    this.#working = { ...this.#eeprom };
    this.#factoryMode = false;
    this.#lastFrameMs = -Infinity;
  }

  exportState(): JbdRoomState {
    return { family: 'jbd', eeprom: this.eeprom(), battery: this.pack.exportBattery() };
  }

  #receive(bytes: Uint8Array, from: RoomInterface): void {
    for (const request of this.#receiver.push(bytes, from)) {
      const now = this.#clock.now();
      const asleep = now - this.#lastFrameMs >= this.#sleepAfterMs;
      this.#lastFrameMs = now;
      if (asleep) {
        this.wakeFramesDropped++;
        continue;
      }
      const { status, data } = this.#handle(request);
      from.answer(encodeJbdResponse({ register: request.register, status, data }), this.#latencyMs);
    }
  }

  #handle(request: JbdRequest): { status: number; data: Uint8Array } {
    const ok = (data: Uint8Array = new Uint8Array(0)) => ({ status: JBD_STATUS_OK, data });
    const refused = { status: JBD_STATUS_ERROR, data: new Uint8Array(0) };
    const { op, register, data } = request;
    if (op === 'read' && register === JbdRegister.basicInfo) return ok(this.#basicInfo());
    if (op === 'read' && register === JbdRegister.cells) return ok(encodeCells(this.reading().cellsMv));
    if (op === 'read' && register === JbdRegister.name) return ok(encodeName(JBD_ROOM_NAME));
    if (op === 'write' && register === JbdRegister.enterFactory) {
      if (data.length !== 2 || data[0] !== 0x56 || data[1] !== 0x78) return refused;
      this.#factoryMode = true;
      return ok();
    }
    if (op === 'write' && register === JbdRegister.exitFactory) {
      if (data.length === 2 && data[0] === 0x28 && data[1] === 0x28) this.#eeprom = { ...this.#working };
      else this.#working = { ...this.#eeprom };
      this.#factoryMode = false;
      return ok();
    }
    const setting = JBD_SETTINGS.find((s) => s.register === register);
    if (!setting || !this.#factoryMode) return refused;
    if (op === 'read') return ok(encodeSettingWord(setting, this.#working[setting.name]));
    if (data.length !== 2) return refused;
    this.#working[setting.name] = decodeSettingWord(setting, data);
    return ok();
  }

  /** Basic info as the firmware computes it from its measurement and its (working) settings. */
  #basicInfo(): Uint8Array {
    const reading = this.reading();
    const s = this.#working;
    const temps = reading.tempsDc.slice(0, NTCS);
    const tempK = (dk: number) => dk + 2731;
    let protection = 0;
    if (reading.cellsMv.some((v) => v > s.covp)) protection |= JbdProtection.cellOvervoltage;
    if (reading.cellsMv.some((v) => v < s.cuvp)) protection |= JbdProtection.cellUndervoltage;
    if (reading.currentMa > 0 && temps.some((t) => tempK(t) > s.chgot)) protection |= JbdProtection.chargeOvertemp;
    if (reading.currentMa > 0 && temps.some((t) => tempK(t) < s.chgut)) protection |= JbdProtection.chargeUndertemp;
    if (reading.currentMa < 0 && temps.some((t) => tempK(t) > s.dsgot)) protection |= JbdProtection.dischargeOvertemp;
    if (reading.currentMa < 0 && temps.some((t) => tempK(t) < s.dsgut)) protection |= JbdProtection.dischargeUndertemp;
    const chargeBlock = JbdProtection.cellOvervoltage | JbdProtection.chargeOvertemp | JbdProtection.chargeUndertemp;
    const dischargeBlock = JbdProtection.cellUndervoltage | JbdProtection.dischargeOvertemp | JbdProtection.dischargeUndertemp;
    const min = Math.min(...reading.cellsMv);
    const balanceEnabled = (s.func_config & 0b100) !== 0;
    return encodeBasicInfo({
      packMv: reading.packMv,
      currentMa: reading.currentMa,
      remainingMah: reading.remainingMah,
      nominalMah: s.design_cap * 10,
      cycles: reading.cycles,
      date: MANUFACTURED,
      balancing: reading.cellsMv.map((v) => balanceEnabled && v > s.bal_start && v - min > s.bal_window),
      protection,
      version: SOFTWARE_VERSION,
      socPct: Math.round(reading.socPm / 10),
      chargeFet: (protection & chargeBlock) === 0,
      dischargeFet: (protection & dischargeBlock) === 0,
      cellCount: reading.cellsMv.length,
      tempsDc: temps
    });
  }
}
