/** Telemetry as the firmware reports it: the measurements plus what its protection logic decides. */
import { ProtectionFlag, type BmsConfig, type BmsTelemetry } from '../../protocol/smp/groups/bms-group';
import type { BatterySample } from './battery';

export function protectionFlags(sample: BatterySample, config: BmsConfig): number {
  const n = (key: string) => config[key] as number;
  const temps = sample.temps_dc.filter((t): t is number => t !== null);
  let flags = 0;
  if (sample.cells_mv.some((v) => v > n('cell_ov_mv'))) flags |= ProtectionFlag.cellOvervoltage;
  if (sample.cells_mv.some((v) => v < n('cell_uv_mv'))) flags |= ProtectionFlag.cellUndervoltage;
  if (temps.some((t) => t > n('ot_dc'))) flags |= ProtectionFlag.overTemperature;
  if (temps.some((t) => t < n('ut_dc'))) flags |= ProtectionFlag.underTemperature;
  if (sample.current_ma > n('oc_charge_ma')) flags |= ProtectionFlag.overCurrentCharge;
  if (-sample.current_ma > n('oc_discharge_ma')) flags |= ProtectionFlag.overCurrentDischarge;
  return flags;
}

export function balancingCells(cellsMv: readonly number[], config: BmsConfig): boolean[] {
  const min = Math.min(...cellsMv);
  return cellsMv.map((v) => v > (config.balance_start_mv as number) && v - min > (config.balance_delta_mv as number));
}

export function buildTelemetry(sample: BatterySample, config: BmsConfig, uptimeMs: number): BmsTelemetry {
  const flags = protectionFlags(sample, config);
  const charge = ProtectionFlag.cellOvervoltage | ProtectionFlag.overTemperature | ProtectionFlag.underTemperature | ProtectionFlag.overCurrentCharge;
  const discharge = ProtectionFlag.cellUndervoltage | ProtectionFlag.overTemperature | ProtectionFlag.overCurrentDischarge;
  return {
    soc_pm: sample.soc_pm,
    pack_mv: sample.pack_mv,
    supply_mv: sample.supply_mv,
    current_ma: sample.current_ma,
    cells_mv: sample.cells_mv,
    temps_dc: sample.temps_dc,
    balancing: balancingCells(sample.cells_mv, config),
    protections: flags,
    chg_fet: (flags & charge) === 0,
    dsg_fet: (flags & discharge) === 0,
    cycles: sample.cycles,
    uptime_ms: Math.round(uptimeMs)
  };
}
