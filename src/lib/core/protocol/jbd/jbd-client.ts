/**
 * The JBD client: the general protocol over a Link. A JBD board that has been idle sleeps and ignores
 * the frame that wakes it, so every request is resent once on silence (retries ≥ 1 is not optional).
 * Settings live in EEPROM registers that answer only in factory mode: reads enter it and leave without
 * saving; writes enter it, write, and leave with "save" (28 28), which is what commits them.
 */
import { fail } from '../../errors';
import type { Link } from '../../link/link';
import { FrameExchange } from '../exchange';
import { decodeJbdResponses, encodeJbdRequest, JBD_STATUS_OK, type JbdResponse } from './jbd-frame';
import {
  decodeBasicInfo,
  decodeCells,
  decodeName,
  FACTORY_ENTER,
  FACTORY_EXIT_DISCARD,
  FACTORY_EXIT_SAVE,
  JbdRegister,
  type JbdBasicInfo
} from './jbd-registers';
import { decodeSettingWord, encodeSettingWord, JBD_SETTINGS, jbdSetting, type JbdSettings } from './jbd-settings';

export interface JbdClientOptions {
  /** per attempt; a 9600-baud answer of 40 bytes takes ~42 ms on the wire (default 500) */
  timeoutMs?: number;
  /** resends on silence (default 2: one for the wake-up frame, one for noise) */
  retries?: number;
}

export class JbdClient {
  readonly #exchange: FrameExchange<JbdResponse>;

  constructor(link: Link, options: JbdClientOptions = {}) {
    this.#exchange = new FrameExchange(link, {
      decode: decodeJbdResponses,
      noAnswer: 'JBD_NO_ANSWER',
      timeoutMs: options.timeoutMs ?? 500,
      retries: Math.max(1, options.retries ?? 2)
    });
  }

  get stats() {
    return { ...this.#exchange.stats };
  }

  /** Reads or writes one register and returns its data; an error status rejects JBD_ERROR_STATUS. */
  async transact(op: 'read' | 'write', register: number, data: Uint8Array = new Uint8Array(0)): Promise<Uint8Array> {
    const what = `JBD ${op} 0x${register.toString(16).padStart(2, '0')}`;
    const [response] = await this.#exchange.request({
      bytes: encodeJbdRequest({ op, register, data }),
      accept: (frame) => frame.register === register,
      what
    });
    if (response.status !== JBD_STATUS_OK) fail('JBD_ERROR_STATUS', `${what}: status 0x${response.status.toString(16)}`);
    return response.data;
  }

  async readBasicInfo(): Promise<JbdBasicInfo> {
    return decodeBasicInfo(await this.transact('read', JbdRegister.basicInfo));
  }

  async readCells(): Promise<number[]> {
    return decodeCells(await this.transact('read', JbdRegister.cells));
  }

  async readName(): Promise<string> {
    return decodeName(await this.transact('read', JbdRegister.name));
  }

  enterFactoryMode(): Promise<Uint8Array> {
    return this.transact('write', JbdRegister.enterFactory, FACTORY_ENTER);
  }

  exitFactoryMode(save: boolean): Promise<Uint8Array> {
    return this.transact('write', JbdRegister.exitFactory, save ? FACTORY_EXIT_SAVE : FACTORY_EXIT_DISCARD);
  }

  /** Every EEPROM setting, in register units. Leaves factory mode without saving, even on failure. */
  async readSettings(): Promise<JbdSettings> {
    return this.#inFactoryMode(false, async () => {
      const settings: JbdSettings = {};
      for (const setting of JBD_SETTINGS) settings[setting.name] = decodeSettingWord(setting, await this.transact('read', setting.register));
      return settings;
    });
  }

  /**
   * Writes the given settings and saves them to EEPROM. Every value is checked before factory mode is
   * entered; a failure mid-way leaves factory mode without saving, so the EEPROM keeps its old values.
   */
  async writeSettings(changes: JbdSettings): Promise<void> {
    const words = Object.entries(changes).map(([name, value]) => {
      const setting = jbdSetting(name);
      return { register: setting.register, data: encodeSettingWord(setting, value) };
    });
    if (words.length === 0) return;
    await this.#inFactoryMode(true, async () => {
      for (const { register, data } of words) await this.transact('write', register, data);
    });
  }

  async #inFactoryMode<T>(save: boolean, work: () => Promise<T>): Promise<T> {
    await this.enterFactoryMode();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await this.exitFactoryMode(false).catch(() => undefined);
      throw error;
    }
    await this.exitFactoryMode(save);
    return result;
  }
}
