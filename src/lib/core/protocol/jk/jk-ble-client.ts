/**
 * The JK client over Bluetooth (a Link on the BMS's GATT UART): 0x97 brings the device-info record,
 * 0x96 the settings record followed by cell info. Records arrive in ATT-sized pieces and are
 * reassembled by the codec; a record whose sum is wrong is dropped and the command sent again.
 */
import type { Link } from '../../link/link';
import { FrameExchange } from '../exchange';
import {
  decodeJkBleCellInfo,
  decodeJkBleDeviceInfo,
  decodeJkBleRecords,
  decodeJkBleSettings,
  encodeJkBleCommand,
  JkBleCommand,
  JkBleRecordType,
  type JkBleCellInfo,
  type JkBleDeviceInfo,
  type JkBleRecord
} from './jk-ble';
import type { JkSettings } from './jk-registers';

export interface JkBleClientOptions {
  /** a 300-byte record in 20-byte notifications takes a few hundred ms (default 2000) */
  timeoutMs?: number;
  retries?: number;
}

export class JkBleClient {
  readonly #exchange: FrameExchange<JkBleRecord>;

  constructor(link: Link, options: JkBleClientOptions = {}) {
    this.#exchange = new FrameExchange(link, {
      decode: decodeJkBleRecords,
      noAnswer: 'JK_NO_ANSWER',
      timeoutMs: options.timeoutMs ?? 2000,
      retries: options.retries ?? 1
    });
  }

  async #record(command: number, type: number): Promise<JkBleRecord> {
    const [record] = await this.#exchange.request({
      bytes: encodeJkBleCommand(command),
      accept: (frame) => frame.type === type,
      what: `JK Bluetooth command 0x${command.toString(16)}`
    });
    return record;
  }

  async readDeviceInfo(): Promise<JkBleDeviceInfo> {
    return decodeJkBleDeviceInfo(await this.#record(JkBleCommand.deviceInfo, JkBleRecordType.deviceInfo));
  }

  async readCellInfo(): Promise<JkBleCellInfo> {
    return decodeJkBleCellInfo(await this.#record(JkBleCommand.cellInfo, JkBleRecordType.cellInfo));
  }

  async readSettings(): Promise<JkSettings> {
    return decodeJkBleSettings(await this.#record(JkBleCommand.cellInfo, JkBleRecordType.settings));
  }
}
