/**
 * The running foxBMS 2 application's telemetry frames, as `tools/dbc/foxbms.dbc` (v1.11.0) defines them:
 * id, multiplexer and each signal's start bit, length, byte order, sign and scaling, transcribed into
 * our own table. Encoding and decoding are the generic DBC rules of dbc-signal.ts; no offsets by hand.
 * All of these are Motorola (@0) except the few flags marked intel.
 */
import { dataFrame, type CanFrame } from '../../link/can/can-frame';
import { fail } from '../../errors';
import { readSignal, writeSignal, type DbcSignal } from './dbc-signal';

const m = (start: number, length: number, factor = 1, signed = false): DbcSignal => ({ start, length, order: 'motorola', factor, signed });
const intel = (start: number, length: number): DbcSignal => ({ start, length, order: 'intel' });

export interface DbcMessage {
  id: number;
  name: string;
  /** The multiplexer signal (M), when the message is multiplexed. */
  mux?: DbcSignal;
  /** Signals present for a given multiplexer value (or always, without a multiplexer). */
  signals(mux: number): Record<string, DbcSignal>;
}

const fixed = (signals: Record<string, DbcSignal>) => () => signals;

/** Cells per 0x250 frame: 4 voltages (13 bit, mV) with invalid flags in bits 12–15. */
export const CELL_VOLTAGES_PER_FRAME = 4;
/** Sensors per 0x260 frame: 6 temperatures (8 bit signed, °C) with invalid flags in bits 8–13. */
export const CELL_TEMPERATURES_PER_FRAME = 6;
const CELL_VOLTAGE_STARTS = [11, 30, 33, 52];

export const FOX_APP_MESSAGES: readonly DbcMessage[] = [
  {
    id: 0x220,
    name: 'f_BmsState',
    signals: fixed({
      BmsState: m(3, 4),
      NumberOfConnectedStrings: m(7, 4),
      ChargingComplete: m(8, 1),
      GeneralWarning: m(9, 1),
      GeneralError: m(10, 1),
      EmergencyShutoff: m(11, 1),
      PackOvercurrentChargeError: m(25, 1),
      PackOvercurrentDischargeError: m(26, 1),
      BmsChargingFlag: intel(29, 1),
      BalancingAlgorithmState: intel(31, 1),
      BmsSubstate: m(37, 6)
    })
  },
  { id: 0x221, name: 'f_BmsStateDetails', signals: fixed({ TimingViolationEngineTask: m(0, 1), TimingViolation1msTask: m(1, 1) }) },
  { id: 0x222, name: 'f_BmsFatalError', signals: fixed({ FatalErrorCode: m(7, 8) }) },
  { id: 0x230, name: 'f_PackMinMaxCellTemperature', signals: fixed({ MaximumCellTemperature: m(47, 8, 1, true), MinimumCellTemperature: m(39, 8, 1, true) }) },
  {
    id: 0x231,
    name: 'f_PackMinMaxCellVoltage',
    signals: fixed({
      MinimumCellVoltage: m(53, 14, 1, true),
      MaximumCellVoltage: m(37, 14, 1, true),
      MaximumCellVoltageCellIndex: m(11, 4),
      MinimumCellVoltageCellIndex: m(15, 4)
    })
  },
  {
    id: 0x232,
    name: 'f_PackLimits',
    signals: fixed({
      MaximumChargeCurrent: m(11, 12, 0.25),
      MaximumDischargeCurrent: m(7, 12, 0.25),
      MaximumBatteryVoltage: m(55, 8, 4),
      MinimumBatteryVoltage: m(63, 8, 4)
    })
  },
  {
    id: 0x233,
    name: 'f_PackValuesP0',
    signals: fixed({ Current: m(40, 17, 0.01, true), BatteryVoltage: m(7, 15, 0.1, true), BusVoltage: m(8, 15, 0.1, true), Power: m(25, 17, 0.01, true) })
  },
  { id: 0x234, name: 'f_PackValuesP1', signals: fixed({ InsulationResistance: m(7, 13, 7) }) },
  {
    id: 0x235,
    name: 'f_PackStateEstimation',
    signals: fixed({
      MinimumSoc: m(7, 10, 0.1),
      MaximumSoc: m(13, 10, 0.1),
      MinimumSoe: m(19, 10, 0.1),
      MaximumSoe: m(25, 10, 0.1),
      Soh: m(47, 8, 0.5),
      Energy: m(55, 16, 0.1)
    })
  },
  { id: 0x240, name: 'f_StringState', mux: m(3, 4), signals: () => ({ IsStringConnected: m(4, 1), IsBalancingActive: m(5, 1) }) },
  {
    id: 0x241,
    name: 'f_StringMinMaxCellTemperature',
    mux: m(3, 4),
    signals: () => ({ MaximumCellTemperature: m(31, 8, 0.5, true), MinimumCellTemperature: m(39, 8, 0.5, true) })
  },
  {
    id: 0x242,
    name: 'f_StringMinMaxCellVoltage',
    mux: m(3, 4),
    signals: () => ({ MinimumCellVoltage: m(33, 14, 1, true), MaximumCellVoltage: m(31, 14, 1, true) })
  },
  {
    id: 0x243,
    name: 'f_StringValuesP0',
    mux: m(7, 3),
    signals: () => ({ Current: m(18, 18, 0.01, true), Voltage: m(4, 18, 0.01, true), Power: m(32, 18, 0.01, true) })
  },
  { id: 0x244, name: 'f_StringValuesP1', mux: m(7, 4), signals: () => ({ EnergyCounter: m(15, 32, 1, true) }) },
  {
    id: 0x245,
    name: 'f_StringStateEstimation',
    mux: m(7, 4),
    signals: () => ({
      MinimumSoc: m(3, 9, 0.2),
      MaximumSoc: m(10, 9, 0.2),
      MinimumSoe: m(17, 9, 0.2),
      MaximumSoe: m(24, 9, 0.2),
      Soh: m(47, 9, 0.2),
      Energy: m(54, 15, 0.01)
    })
  },
  {
    id: 0x250,
    name: 'f_CellVoltages',
    mux: m(7, 8),
    signals: (mux) =>
      Object.fromEntries(
        CELL_VOLTAGE_STARTS.flatMap((start, k) => {
          const cell = String(mux * CELL_VOLTAGES_PER_FRAME + k).padStart(3, '0');
          return [[`CellVoltage_${cell}`, m(start, 13)], [`CellVoltage_${cell}_invalidFlag`, m(12 + k, 1)]];
        })
      )
  },
  {
    id: 0x260,
    name: 'f_CellTemperatures',
    mux: m(7, 8),
    signals: (mux) =>
      Object.fromEntries(
        Array.from({ length: CELL_TEMPERATURES_PER_FRAME }, (_, k) => {
          const sensor = String(mux * CELL_TEMPERATURES_PER_FRAME + k).padStart(3, '0');
          return [[`CellTemperature_${sensor}`, m(23 + 8 * k, 8, 1, true)], [`CellTemperature_${sensor}_invalidFlag`, m(8 + k, 1)]];
        }).flat()
      )
  }
];

export interface DecodedMessage {
  name: string;
  mux?: number;
  values: Record<string, number>;
}

export function findMessage(id: number): DbcMessage | undefined {
  return FOX_APP_MESSAGES.find((message) => message.id === id);
}

/** A telemetry frame's signals in physical units, or undefined for ids outside the table. */
export function decodeFoxAppFrame(frame: CanFrame): DecodedMessage | undefined {
  const message = frame.extended || frame.remote || frame.data.length !== 8 ? undefined : findMessage(frame.id);
  if (!message) return undefined;
  const mux = message.mux ? readSignal(frame.data, message.mux) : 0;
  const values = Object.fromEntries(Object.entries(message.signals(mux)).map(([name, signal]) => [name, readSignal(frame.data, signal)]));
  return message.mux ? { name: message.name, mux, values } : { name: message.name, values };
}

/** Builds a telemetry frame (DLC 8, unused bits 0) from physical values; used by the virtual node. */
export function encodeFoxAppFrame(name: string, values: Record<string, number>, mux = 0): CanFrame {
  const message = FOX_APP_MESSAGES.find((candidate) => candidate.name === name);
  if (!message) fail('INTERNAL_ERROR', `no DBC message ${name}`);
  const data = new Uint8Array(8);
  if (message.mux) writeSignal(data, message.mux, mux);
  const signals = message.signals(mux);
  for (const [signal, value] of Object.entries(values)) {
    if (!signals[signal]) fail('INTERNAL_ERROR', `${name} has no signal ${signal} (mux ${mux})`);
    writeSignal(data, signals[signal], value);
  }
  return dataFrame(message.id, data);
}
