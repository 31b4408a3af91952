/**
 * The foxBMS 2 application as the virtual node runs it: one broadcast cycle of state, pack and cell
 * frames (foxbms.dbc layouts) built from a battery sample, the same battery model the virtual smart
 * BMS measures. Temperatures are whole °C and cells whole mV, as the DBC carries them.
 */
import type { BatterySample } from '../board/battery';
import type { CanFrame } from '../../link/can/can-frame';
import { CELL_TEMPERATURES_PER_FRAME, CELL_VOLTAGES_PER_FRAME, encodeFoxAppFrame } from '../../protocol/foxbms/foxbms-dbc';
import { FoxBmsState } from '../../protocol/foxbms/foxbms-telemetry';

export function applicationFrames(sample: BatterySample): CanFrame[] {
  const cells = sample.cells_mv;
  const temps = sample.temps_dc.map((dc) => (dc === null ? null : Math.round(dc / 10)));
  const validTemps = temps.filter((t): t is number => t !== null);
  const minCell = Math.min(...cells);
  const maxCell = Math.max(...cells);
  const frames: CanFrame[] = [
    encodeFoxAppFrame('f_BmsState', {
      BmsState: sample.current_ma > 0 ? FoxBmsState.charge : FoxBmsState.discharge,
      NumberOfConnectedStrings: 1,
      GeneralError: 0,
      BmsChargingFlag: sample.current_ma > 0 ? 1 : 0
    }),
    encodeFoxAppFrame('f_PackValuesP0', {
      Current: sample.current_ma / 1000,
      BatteryVoltage: sample.pack_mv / 1000,
      BusVoltage: sample.pack_mv / 1000,
      Power: (sample.current_ma * sample.pack_mv) / 1e9
    }),
    // One string, connected: its values are the pack's.
    encodeFoxAppFrame('f_StringState', { IsStringConnected: 1, IsBalancingActive: 0 }, 0),
    encodeFoxAppFrame(
      'f_StringValuesP0',
      { Current: sample.current_ma / 1000, Voltage: sample.pack_mv / 1000, Power: (sample.current_ma * sample.pack_mv) / 1e9 },
      0
    ),
    encodeFoxAppFrame('f_PackStateEstimation', { MinimumSoc: sample.soc_pm / 10, MaximumSoc: sample.soc_pm / 10, Soh: 100 }),
    encodeFoxAppFrame('f_PackMinMaxCellVoltage', {
      MinimumCellVoltage: minCell,
      MaximumCellVoltage: maxCell,
      MinimumCellVoltageCellIndex: cells.indexOf(minCell) & 0x0f,
      MaximumCellVoltageCellIndex: cells.indexOf(maxCell) & 0x0f
    }),
    encodeFoxAppFrame('f_PackMinMaxCellTemperature', {
      MinimumCellTemperature: Math.min(...validTemps),
      MaximumCellTemperature: Math.max(...validTemps)
    })
  ];
  for (let mux = 0; mux * CELL_VOLTAGES_PER_FRAME < cells.length; mux += 1) {
    const values: Record<string, number> = {};
    for (let k = 0; k < CELL_VOLTAGES_PER_FRAME; k += 1) {
      const index = mux * CELL_VOLTAGES_PER_FRAME + k;
      const name = `CellVoltage_${String(index).padStart(3, '0')}`;
      values[name] = cells[index] ?? 0;
      values[`${name}_invalidFlag`] = index < cells.length ? 0 : 1;
    }
    frames.push(encodeFoxAppFrame('f_CellVoltages', values, mux));
  }
  for (let mux = 0; mux * CELL_TEMPERATURES_PER_FRAME < temps.length; mux += 1) {
    const values: Record<string, number> = {};
    for (let k = 0; k < CELL_TEMPERATURES_PER_FRAME; k += 1) {
      const index = mux * CELL_TEMPERATURES_PER_FRAME + k;
      const name = `CellTemperature_${String(index).padStart(3, '0')}`;
      const value = temps[index];
      values[name] = value ?? 0;
      values[`${name}_invalidFlag`] = value === null || value === undefined ? 1 : 0;
    }
    frames.push(encodeFoxAppFrame('f_CellTemperatures', values, mux));
  }
  return frames;
}
