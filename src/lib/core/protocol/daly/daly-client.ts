/**
 * The Daly client over a Link. Requests carry the host address of the port in use (0x40 RS485,
 * 0x80 UART/Bluetooth). Multi-frame answers (cells, temperatures) are collected by frame number from
 * frame 1: the firmware sends a fixed run of 16 cell frames whatever the cell count, so the tail of a
 * previous answer is still arriving when the next request goes out and must not be taken for it.
 */
import { fail } from '../../errors';
import type { Link } from '../../link/link';
import { FrameExchange } from '../exchange';
import {
  CELLS_PER_FRAME,
  DALY_SETTING_COMMANDS,
  DALY_SETTINGS,
  DalyCommand,
  decodeBalancing,
  decodeCellFrames,
  decodeCellRange,
  decodeFaults,
  decodeMos,
  decodeSettingsFrame,
  decodeSoc,
  decodeStatus,
  decodeTempFrames,
  decodeTempRange,
  encodeSettingsFrame,
  TEMPS_PER_FRAME,
  writeIdOf,
  type DalyFaults,
  type DalyMos,
  type DalyRange,
  type DalySettings,
  type DalySoc,
  type DalyStatus
} from './daly-data';
import { DalyAddress, decodeDalyFrames, encodeDalyFrame, type DalyFrame } from './daly-frame';

export interface DalyClientOptions {
  /** 0x40 on the RS485 port (default), 0x80 on the UART / Bluetooth port */
  hostAddress?: number;
  timeoutMs?: number;
  retries?: number;
}

export class DalyClient {
  readonly hostAddress: number;
  readonly #exchange: FrameExchange<DalyFrame>;

  constructor(link: Link, options: DalyClientOptions = {}) {
    this.hostAddress = options.hostAddress ?? DalyAddress.rs485Host;
    this.#exchange = new FrameExchange(link, {
      decode: decodeDalyFrames,
      noAnswer: 'DALY_NO_ANSWER',
      timeoutMs: options.timeoutMs ?? 500,
      retries: options.retries ?? 2
    });
  }

  get stats() {
    return { ...this.#exchange.stats };
  }

  /** One request; `frames` > 1 collects numbered frames 1…frames in order. */
  async request(command: number, data: Uint8Array = new Uint8Array(8), frames = 1): Promise<Uint8Array[]> {
    let next = 1;
    const answer = await this.#exchange.request({
      bytes: encodeDalyFrame({ address: this.hostAddress, command, data }),
      accept: (frame) => {
        if (frame.command !== command || frame.address !== DalyAddress.bms) return false;
        if (frames === 1) return true;
        // Frame 1 starts an answer (also the answer to a resend); anything else must follow in order.
        if (frame.data[0] === 1) next = 1;
        if (frame.data[0] !== next) return false;
        next++;
        return true;
      },
      frames,
      what: `Daly data id 0x${command.toString(16)}`
    });
    return answer.map((frame) => frame.data);
  }

  async #one(command: number): Promise<Uint8Array> {
    return (await this.request(command))[0];
  }

  readSoc = async (): Promise<DalySoc> => decodeSoc(await this.#one(DalyCommand.soc));
  readCellRange = async (): Promise<DalyRange> => decodeCellRange(await this.#one(DalyCommand.cellRange));
  readTempRange = async (): Promise<DalyRange> => decodeTempRange(await this.#one(DalyCommand.tempRange));
  readMos = async (): Promise<DalyMos> => decodeMos(await this.#one(DalyCommand.mos));
  readStatus = async (): Promise<DalyStatus> => decodeStatus(await this.#one(DalyCommand.status));
  readFaults = async (): Promise<DalyFaults> => decodeFaults(await this.#one(DalyCommand.faults));

  async readCells(cellCount: number): Promise<number[]> {
    const frames = await this.request(DalyCommand.cells, undefined, Math.ceil(cellCount / CELLS_PER_FRAME));
    return decodeCellFrames(frames, cellCount);
  }

  async readTemps(ntcCount: number): Promise<number[]> {
    const frames = await this.request(DalyCommand.temps, undefined, Math.ceil(ntcCount / TEMPS_PER_FRAME));
    return decodeTempFrames(frames, ntcCount);
  }

  async readBalancing(cellCount: number): Promise<boolean[]> {
    return decodeBalancing(await this.#one(DalyCommand.balancing), cellCount);
  }

  async readSettings(): Promise<DalySettings> {
    const settings: DalySettings = {};
    for (const command of DALY_SETTING_COMMANDS) decodeSettingsFrame(command, await this.#one(command), settings);
    return settings;
  }

  /**
   * Writes the settings ids that hold a changed value. A Daly id carries several fields, so each write
   * sends the whole id: the fields not being changed are read from the device first.
   */
  async writeSettings(changes: DalySettings): Promise<void> {
    for (const name of Object.keys(changes)) if (!DALY_SETTINGS.some((x) => x.name === name)) fail('DALY_SETTING_INVALID', `"${name}" is not a Daly setting`);
    const ids = DALY_SETTING_COMMANDS.filter((command) => DALY_SETTINGS.some((x) => x.command === command && x.name in changes));
    const frames = new Map<number, Uint8Array>();
    for (const command of ids) {
      const current: DalySettings = {};
      decodeSettingsFrame(command, await this.#one(command), current);
      frames.set(command, encodeSettingsFrame(command, { ...current, ...changes }));
    }
    for (const [command, data] of frames) {
      const [echo] = await this.request(writeIdOf(command), data);
      if (!echo.every((b, i) => b === data[i])) fail('DALY_FRAME_INVALID', `write 0x${writeIdOf(command).toString(16)}: the acknowledgement differs from the data sent`);
    }
  }
}
