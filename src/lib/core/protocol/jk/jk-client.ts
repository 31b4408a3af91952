/**
 * The JK-PB client: the register map over a Modbus master. Each block is one read (the whole live
 * data in 94 registers), settings are written one 32-bit value at a time with function 16 (the only
 * write JK-PB implements). Every write passes one guard: nothing may cover the updater register 0x1626.
 */
import { fail } from '../../errors';
import type { ModbusClient } from '../modbus/modbus-client';
import {
  decodeData,
  decodeInfo,
  decodeSettings,
  encodeSettingValue,
  JK_DATA_BASE,
  JK_DATA_SIZE,
  JK_INFO_BASE,
  JK_INFO_SIZE,
  JK_SETTINGS_BASE,
  JK_SETTINGS_SIZE,
  JK_UPDATE_REGISTER,
  jkSetting,
  registersToBytes,
  type JkData,
  type JkInfo,
  type JkSettings
} from './jk-registers';

export class JkPbClient {
  readonly modbus: ModbusClient;

  constructor(modbus: ModbusClient) {
    this.modbus = modbus;
  }

  async #block(base: number, size: number): Promise<Uint8Array> {
    return registersToBytes(await this.modbus.readHoldingRegisters(base, size / 2));
  }

  /** Model, versions: also the cheap request that identifies a JK-PB on a bus. */
  async readInfo(): Promise<JkInfo> {
    return decodeInfo(await this.#block(JK_INFO_BASE, JK_INFO_SIZE));
  }

  async readData(): Promise<JkData> {
    return decodeData(await this.#block(JK_DATA_BASE, JK_DATA_SIZE));
  }

  async readSettings(): Promise<JkSettings> {
    return decodeSettings(await this.#block(JK_SETTINGS_BASE, JK_SETTINGS_SIZE));
  }

  /** Writes each setting (already range-checked as a whole before the first write). */
  async writeSettings(changes: JkSettings): Promise<void> {
    const writes = Object.entries(changes).map(([name, value]) => {
      const setting = jkSetting(name);
      return { address: JK_SETTINGS_BASE + setting.offset, registers: encodeSettingValue(setting, value) };
    });
    for (const { address, registers } of writes) await this.writeRegisters(address, registers);
  }

  /** The only write path: refuses any range that reaches the updater register (bytes, as JK addresses). */
  async writeRegisters(address: number, registers: number[]): Promise<void> {
    const end = address + 2 * registers.length;
    if (JK_UPDATE_REGISTER >= address && JK_UPDATE_REGISTER < end) {
      fail('JK_UPDATE_REGISTER_REFUSED', `a write of ${registers.length} registers at 0x${address.toString(16)} would reach 0x1626`);
    }
    await this.modbus.writeMultipleRegisters(address, registers);
  }
}
