/**
 * LibreSolar bms-firmware's data objects (app/src/data_objects.c, thingset-zephyr-sdk dfu.c) on the
 * shared battery model: root `pNodeID`, `Device` (identity, xShutdown, xReset, xDebugPrintRegisters),
 * `Conf` (stored settings and the LFP / NMC presets), `Meas` (the live subset), `Input` (charge and
 * discharge enable) and `DFU`. Values are read from one battery sample per request.
 */
import type { BatterySample } from '../board/battery';
import { CONF_ITEMS, defaultConf, fitsType, storeValue, type Conf } from './libresolar-conf';
import type { LibreSolarBoard } from './libresolar-boards';
import type { DfuTarget } from './dfu-target';
import type { TsData, TsGroup, TsNode, TsValue } from './thingset-objects';

export interface LibreSolarHost {
  board: LibreSolarBoard;
  nodeId: string;
  firmwareVersion(): string;
  sample(): BatterySample;
  conf: Conf;
  /** thingset_storage_save_queued: Conf to flash */
  saveConf(): void;
  dfu: DfuTarget;
  input: { chgEnable: boolean; disEnable: boolean };
  /** sys_reboot now (xReset) or 1 s after a DFU boot request */
  reboot(afterMs: number): void;
  /** a line on the firmware's log output (it shares the serial port) */
  log(line: string): void;
}

/** bms.h error flag bits the model can raise. */
const ERR = { CELL_UNDERVOLTAGE: 1 << 0, CELL_OVERVOLTAGE: 1 << 1, DIS_UNDERTEMP: 1 << 6, DIS_OVERTEMP: 1 << 7, CHG_UNDERTEMP: 1 << 8, CHG_OVERTEMP: 1 << 9 };
const BMS_STATE = { OFF: 0, NORMAL: 3 };
/** CONFIG_THINGSET_DFU_CHUNK_SIZE (default 256, not changed by bms-firmware): the bData buffer. */
const DFU_CHUNK = 256;

const value = (id: number, name: string, read: () => TsData, decimals?: number): TsValue => ({ kind: 'value', id, name, read, decimals });

interface Derived {
  cellsV: number[];
  cellTemps: (number | null)[];
  icTemp: number | null;
  errorFlags: number;
  balancing: number;
}

function derive(sample: BatterySample, conf: Conf, board: LibreSolarBoard): Derived {
  const cellsV = sample.cells_mv.map((mv) => mv / 1000);
  const temps = sample.temps_dc.map((t) => (t === null ? null : t / 10));
  const cellTemps = temps.slice(0, board.cellThermistors);
  const known = cellTemps.filter((t): t is number => t !== null);
  const [min, max] = [Math.min(...cellsV), Math.max(...cellsV)];
  const charging = sample.current_ma > 0;
  let errorFlags = 0;
  if (min < conf.sCellUndervoltage_V) errorFlags |= ERR.CELL_UNDERVOLTAGE;
  if (max > conf.sCellOvervoltage_V) errorFlags |= ERR.CELL_OVERVOLTAGE;
  if (known.length && Math.max(...known) > (charging ? conf.sChgMaxTemp_degC : conf.sDisMaxTemp_degC)) errorFlags |= charging ? ERR.CHG_OVERTEMP : ERR.DIS_OVERTEMP;
  if (known.length && Math.min(...known) < (charging ? conf.sChgMinTemp_degC : conf.sDisMinTemp_degC)) errorFlags |= charging ? ERR.CHG_UNDERTEMP : ERR.DIS_UNDERTEMP;
  // Balancing runs only while the pack is idle, on cells above the lowest by the target difference.
  const idle = Math.abs(sample.current_ma) / 1000 < conf.sBalIdleCurrent_A;
  const balancing = idle
    ? cellsV.reduce((bits, v, i) => (v - min > conf.sBalTargetVoltageDiff_V && v > conf.sBalMinVoltage_V ? bits | (1 << i) : bits), 0) >>> 0
    : 0;
  return { cellsV, cellTemps, icTemp: temps[board.cellThermistors] ?? null, errorFlags, balancing };
}

function measGroup(host: LibreSolarHost): TsGroup {
  let cached: { sample: BatterySample; derived: Derived } | undefined;
  // One sample per request: the items of one answer come from the same measurement cycle.
  const now = () => {
    const sample = host.sample();
    if (!cached || cached.sample !== sample) cached = { sample, derived: derive(sample, host.conf, host.board) };
    return cached;
  };
  const s = () => now().sample;
  const d = () => now().derived;
  return {
    kind: 'group',
    id: 0x07,
    name: 'Meas',
    children: [
      value(0x71, 'rPackVoltage_V', () => s().pack_mv / 1000, 2),
      value(0x72, 'rStackVoltage_V', () => s().supply_mv / 1000, 2),
      value(0x73, 'rPackCurrent_A', () => s().current_ma / 1000, 2),
      value(0x74, 'rCellTemps_degC', () => d().cellTemps, 1),
      value(0x75, 'rICTemp_degC', () => d().icTemp, 1),
      value(0x77, 'rMOSFETTemp_degC', () => (d().icTemp === null ? null : (d().icTemp as number) + Math.abs(s().current_ma) / 5000), 1),
      value(0x7c, 'rSOC_pct', () => s().soc_pm / 10, 1),
      value(0x7e, 'rErrorFlags', () => d().errorFlags),
      value(0x7f, 'rBmsState', () => (d().errorFlags ? BMS_STATE.OFF : BMS_STATE.NORMAL)),
      value(0x80, 'rCellVoltages_V', () => d().cellsV, 3),
      value(0x81, 'rCellAvgVoltage_V', () => d().cellsV.reduce((a, b) => a + b, 0) / d().cellsV.length, 3),
      value(0x82, 'rCellMinVoltage_V', () => Math.min(...d().cellsV), 3),
      value(0x83, 'rCellMaxVoltage_V', () => Math.max(...d().cellsV), 3),
      value(0x84, 'rBalancingStatus', () => d().balancing)
    ]
  };
}

/** bms_init_config: the chemistry's limits, the given capacity, everything else the defaults. */
function preset(host: LibreSolarHost, chemistry: 'lfp' | 'nmc', capacity: number): number {
  const nmc = { sCellOvervoltage_V: 4.2, sCellOvervoltageReset_V: 4.05, sCellUndervoltage_V: 3, sCellUndervoltageReset_V: 3.5, sBalMinVoltage_V: 3.7 };
  Object.assign(host.conf, defaultConf(), chemistry === 'nmc' ? nmc : {}, { sNominalCapacity_Ah: Math.fround(capacity) });
  host.saveConf();
  return 0;
}

function confGroup(host: LibreSolarHost): TsGroup {
  const items: TsNode[] = CONF_ITEMS.map((item) => ({
    kind: 'value',
    id: item.id,
    name: item.name,
    decimals: item.decimals,
    read: () => host.conf[item.name],
    write: {
      accepts: (v) => fitsType(item, v),
      apply: (v) => (host.conf[item.name] = storeValue(item, v as number))
    }
  }));
  const capacity = (id: number) => [{ id, name: 'fCapacity_Ah', type: 'float' as const }];
  items.push(
    { kind: 'function', id: 0xa0, name: 'xPresetNMC', params: capacity(0xa1), run: ([c]) => preset(host, 'nmc', c as number) },
    { kind: 'function', id: 0xa2, name: 'xPresetLFP', params: capacity(0xa3), run: ([c]) => preset(host, 'lfp', c as number) }
  );
  return { kind: 'group', id: 0x05, name: 'Conf', children: items, afterWrite: () => host.saveConf() };
}

function flag(id: number, name: string, get: () => boolean, set: (on: boolean) => void): TsValue {
  return { kind: 'value', id, name, read: get, write: { accepts: (v) => typeof v === 'boolean', apply: (v) => set(v as boolean) } };
}

export function buildObjects(host: LibreSolarHost): { root: TsGroup; live: TsGroup[] } {
  const { board, dfu, input } = host;
  const meas = measGroup(host);
  const device: TsGroup = {
    kind: 'group',
    id: 0x04,
    name: 'Device',
    children: [
      value(0x40, 'cManufacturer', () => 'Libre Solar'),
      value(0x41, 'cDeviceType', () => board.deviceType),
      value(0x42, 'cHardwareVersion', () => board.hardwareVersion),
      value(0x43, 'cFirmwareVersion', () => host.firmwareVersion()),
      { kind: 'function', id: 0x4a, name: 'xShutdown', params: [], run: () => undefined },
      { kind: 'function', id: 0x4b, name: 'xReset', params: [], run: () => (host.reboot(0), 'no-answer') },
      {
        kind: 'function',
        id: 0x4e,
        name: 'xDebugPrintRegisters',
        params: [],
        run: () => {
          host.log('[00:00:00.000,000] <inf> bms_ic: SYS_STAT: 0x00  CELLBAL1: 0x00  SYS_CTRL2: 0x43');
          return undefined;
        }
      }
    ]
  };
  const dfuGroup: TsGroup = {
    kind: 'group',
    id: 0x2d,
    name: 'DFU',
    children: [
      { kind: 'function', id: 0x2d0, name: 'xInit', params: [], run: () => dfu.init() },
      {
        kind: 'function',
        id: 0x2d1,
        name: 'xWrite',
        params: [{ id: 0x2d2, name: 'bData', type: 'bytes', maxBytes: DFU_CHUNK }],
        run: ([data]) => dfu.write(data as Uint8Array)
      },
      {
        kind: 'function',
        id: 0x2d3,
        name: 'xBoot',
        params: [],
        run: () => {
          const rc = dfu.requestTestUpgrade();
          if (rc === 0) host.reboot(1000);
          return rc;
        }
      }
    ]
  };
  const inputs: TsGroup = {
    kind: 'group',
    id: 0x09,
    name: 'Input',
    children: [
      flag(0x90, 'wChgEnable', () => input.chgEnable, (on) => (input.chgEnable = on)),
      flag(0x91, 'wDisEnable', () => input.disEnable, (on) => (input.disEnable = on))
    ]
  };
  const root: TsGroup = { kind: 'group', id: 0x00, name: '', children: [value(0x1d, 'pNodeID', () => host.nodeId), device, confGroup(host), meas, inputs, dfuGroup] };
  return { root, live: [meas] };
}
