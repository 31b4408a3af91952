/**
 * A Modbus RTU master on a Link, talking to one slave id: read holding registers (03), write one (06)
 * or several (16). Exceptions reject with their typed code; silence is resent, then MODBUS_NO_ANSWER.
 * Answers from another slave id on the same bus are ignored.
 */
import { fail } from '../../errors';
import type { Link } from '../../link/link';
import { FrameExchange } from '../exchange';
import { decodeModbusResponses, encodeModbusRequest, exceptionError, ModbusFunction, type ModbusRequest, type ModbusResponse } from './modbus-rtu';

export interface ModbusClientOptions {
  /** slave id, 1–247 (default 1) */
  slave?: number;
  timeoutMs?: number;
  retries?: number;
}

const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

export class ModbusClient {
  readonly slave: number;
  readonly #exchange: FrameExchange<ModbusResponse>;

  constructor(link: Link, options: ModbusClientOptions = {}) {
    this.slave = options.slave ?? 1;
    if (!Number.isInteger(this.slave) || this.slave < 1 || this.slave > 247) fail('MODBUS_FRAME_INVALID', `slave id ${this.slave} is outside 1–247`);
    this.#exchange = new FrameExchange(link, {
      decode: decodeModbusResponses,
      noAnswer: 'MODBUS_NO_ANSWER',
      timeoutMs: options.timeoutMs ?? 500,
      retries: options.retries ?? 2
    });
  }

  get stats() {
    return { ...this.#exchange.stats };
  }

  async #call(request: ModbusRequest, what: string): Promise<ModbusResponse> {
    const [response] = await this.#exchange.request({
      bytes: encodeModbusRequest(request),
      accept: (frame) => frame.slave === this.slave && frame.function === request.function,
      what
    });
    if ('exception' in response) throw exceptionError(response, what);
    return response;
  }

  async readHoldingRegisters(address: number, count: number): Promise<number[]> {
    const what = `read ${count} registers at ${hex(address)} from slave ${this.slave}`;
    if (!Number.isInteger(count) || count < 1 || count > 125) fail('MODBUS_FRAME_INVALID', `${what}: 1–125 registers per read`);
    const response = await this.#call({ slave: this.slave, function: ModbusFunction.readHolding, address, count }, what);
    if (!('registers' in response) || response.registers.length !== count) {
      fail('MODBUS_FRAME_INVALID', `${what}: ${'registers' in response ? response.registers.length : 0} registers came back`);
    }
    return response.registers;
  }

  async writeSingleRegister(address: number, value: number): Promise<void> {
    const what = `write ${hex(address)} = ${value} on slave ${this.slave}`;
    const response = await this.#call({ slave: this.slave, function: ModbusFunction.writeSingle, address, value }, what);
    if (!('value' in response) || response.address !== address || response.value !== value) fail('MODBUS_FRAME_INVALID', `${what}: the echo differs`);
  }

  async writeMultipleRegisters(address: number, values: number[]): Promise<void> {
    const what = `write ${values.length} registers at ${hex(address)} on slave ${this.slave}`;
    if (values.length < 1 || values.length > 123) fail('MODBUS_FRAME_INVALID', `${what}: 1–123 registers per write`);
    const response = await this.#call({ slave: this.slave, function: ModbusFunction.writeMultiple, address, values }, what);
    if (!('count' in response) || response.address !== address || response.count !== values.length) fail('MODBUS_FRAME_INVALID', `${what}: the echo differs`);
  }
}
