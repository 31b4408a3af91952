/**
 * What the pre-flight reads from a running foxBMS 2 application: its broadcast state, pack and cell
 * frames (foxbms-dbc.ts) merged into one snapshot as they arrive. Cells and sensors come in
 * multiplexed frames, so the arrays fill up over one broadcast cycle; an invalid flag gives null.
 */
import type { CanFrame } from '../../link/can/can-frame';
import { CELL_TEMPERATURES_PER_FRAME, CELL_VOLTAGES_PER_FRAME, decodeFoxAppFrame } from './foxbms-dbc';

/** BmsState values (VAL_ 544 BmsState). */
export const FoxBmsState = {
  uninitialized: 0,
  initialization: 1,
  initialized: 2,
  idle: 3,
  openContactors: 4,
  standby: 5,
  precharge: 6,
  normal: 7,
  discharge: 8,
  charge: 9,
  error: 10,
  undefined: 11
} as const;

export interface FoxTelemetry {
  bmsState?: number;
  generalError?: boolean;
  generalWarning?: boolean;
  currentA?: number;
  batteryVoltageV?: number;
  /** String 0 (a single-string pack): connected, and its voltage. */
  stringConnected?: boolean;
  stringVoltageV?: number;
  socMinPct?: number;
  socMaxPct?: number;
  minCellMv?: number;
  maxCellMv?: number;
  minTemperatureC?: number;
  maxTemperatureC?: number;
  /** By cell index; null where the BMS flags the reading invalid, undefined until its frame came. */
  cellVoltagesMv: (number | null)[];
  cellTemperaturesC: (number | null)[];
}

export function emptyFoxTelemetry(): FoxTelemetry {
  return { cellVoltagesMv: [], cellTemperaturesC: [] };
}

/** Merges one frame into the snapshot; returns false for frames that are not application telemetry. */
export function applyFoxAppFrame(telemetry: FoxTelemetry, frame: CanFrame): boolean {
  const decoded = decodeFoxAppFrame(frame);
  if (!decoded) return false;
  const v = decoded.values;
  const mux = decoded.mux ?? 0;
  switch (decoded.name) {
    case 'f_BmsState':
      telemetry.bmsState = v.BmsState;
      telemetry.generalError = v.GeneralError === 1;
      telemetry.generalWarning = v.GeneralWarning === 1;
      break;
    case 'f_PackValuesP0':
      telemetry.currentA = v.Current;
      telemetry.batteryVoltageV = v.BatteryVoltage;
      break;
    case 'f_StringState':
      if (mux === 0) telemetry.stringConnected = v.IsStringConnected === 1;
      break;
    case 'f_StringValuesP0':
      if (mux === 0) telemetry.stringVoltageV = v.Voltage;
      break;
    case 'f_PackStateEstimation':
      telemetry.socMinPct = v.MinimumSoc;
      telemetry.socMaxPct = v.MaximumSoc;
      break;
    case 'f_PackMinMaxCellVoltage':
      telemetry.minCellMv = v.MinimumCellVoltage;
      telemetry.maxCellMv = v.MaximumCellVoltage;
      break;
    case 'f_PackMinMaxCellTemperature':
      telemetry.minTemperatureC = v.MinimumCellTemperature;
      telemetry.maxTemperatureC = v.MaximumCellTemperature;
      break;
    case 'f_CellVoltages':
      for (let k = 0; k < CELL_VOLTAGES_PER_FRAME; k += 1) {
        const name = `CellVoltage_${String(mux * CELL_VOLTAGES_PER_FRAME + k).padStart(3, '0')}`;
        telemetry.cellVoltagesMv[mux * CELL_VOLTAGES_PER_FRAME + k] = v[`${name}_invalidFlag`] ? null : v[name];
      }
      break;
    case 'f_CellTemperatures':
      for (let k = 0; k < CELL_TEMPERATURES_PER_FRAME; k += 1) {
        const name = `CellTemperature_${String(mux * CELL_TEMPERATURES_PER_FRAME + k).padStart(3, '0')}`;
        telemetry.cellTemperaturesC[mux * CELL_TEMPERATURES_PER_FRAME + k] = v[`${name}_invalidFlag`] ? null : v[name];
      }
      break;
  }
  return true;
}
