/**
 * Every setting of the virtual BMS: type, unit (in the key name, as the BMS group contract wants),
 * allowed range or values, default, and the rules between settings a real BMS firmware enforces before
 * it stores anything. Exported so the tool can check a backup before restoring it (R09).
 */
import { fail } from '../../errors';
import type { BmsConfig } from '../../protocol/smp/groups/bms-group';

interface IntSetting {
  kind: 'int';
  min: number;
  max: number;
  /** when present, only these values (line rates) */
  values?: readonly number[];
  default: number;
  label: string;
}

interface TextSetting {
  kind: 'text';
  maxLength: number;
  default: string;
  label: string;
}

export type SettingSpec = IntSetting | TextSetting;

export const CONFIG_SCHEMA = {
  cell_count: { kind: 'int', min: 4, max: 24, default: 16, label: 'cells in series' },
  capacity_mah: { kind: 'int', min: 1_000, max: 1_000_000, default: 100_000, label: 'pack capacity' },
  cell_ov_mv: { kind: 'int', min: 3_000, max: 4_500, default: 3_650, label: 'cell overvoltage trip' },
  cell_uv_mv: { kind: 'int', min: 2_000, max: 3_400, default: 2_500, label: 'cell undervoltage trip' },
  ot_dc: { kind: 'int', min: 200, max: 900, default: 600, label: 'over-temperature trip (0.1 °C)' },
  ut_dc: { kind: 'int', min: -400, max: 300, default: -200, label: 'under-temperature trip (0.1 °C)' },
  oc_charge_ma: { kind: 'int', min: 1_000, max: 300_000, default: 50_000, label: 'charge over-current trip' },
  oc_discharge_ma: { kind: 'int', min: 1_000, max: 500_000, default: 100_000, label: 'discharge over-current trip' },
  balance_start_mv: { kind: 'int', min: 3_000, max: 4_300, default: 3_400, label: 'balancing starts above' },
  balance_delta_mv: { kind: 'int', min: 2, max: 100, default: 10, label: 'balancing cell spread' },
  rs485_address: { kind: 'int', min: 1, max: 247, default: 1, label: 'RS485 (Modbus) address' },
  rs485_baud: {
    kind: 'int',
    min: 9_600,
    max: 115_200,
    values: [9_600, 19_200, 38_400, 57_600, 115_200],
    default: 115_200,
    label: 'RS485 line rate'
  },
  can_id: { kind: 'int', min: 1, max: 0x7ff, default: 0x100, label: 'CAN base identifier (11-bit)' },
  can_bitrate: {
    kind: 'int',
    min: 125_000,
    max: 1_000_000,
    values: [125_000, 250_000, 500_000, 1_000_000],
    default: 500_000,
    label: 'CAN bit rate'
  },
  device_name: { kind: 'text', maxLength: 32, default: 'BMS', label: 'device name' }
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof CONFIG_SCHEMA;

/** Minimum distance between the cell voltage trips, so the pack can be used at all. */
const MIN_VOLTAGE_WINDOW_MV = 300;
const MIN_TEMPERATURE_WINDOW_DC = 100;
const PRINTABLE = /^[\x20-\x7e]+$/;

export function defaultConfig(): BmsConfig {
  return Object.fromEntries(Object.entries(CONFIG_SCHEMA).map(([key, spec]) => [key, spec.default]));
}

function describeRange(spec: SettingSpec): string {
  if (spec.kind === 'text') return `printable text of 1 to ${spec.maxLength} characters`;
  if (spec.values) return `one of ${spec.values.join(', ')}`;
  return `an integer from ${spec.min} to ${spec.max}`;
}

/** Checks one key and value; throws DEVICE_SETTING_UNKNOWN or DEVICE_SETTING_OUT_OF_RANGE. */
export function checkSetting(key: string, value: unknown): void {
  const spec = (CONFIG_SCHEMA as Record<string, SettingSpec | undefined>)[key];
  if (!spec) fail('DEVICE_SETTING_UNKNOWN', `"${key}" is not a setting of this BMS`);
  const ok =
    spec.kind === 'text'
      ? typeof value === 'string' && value.length <= spec.maxLength && PRINTABLE.test(value)
      : typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= spec.min &&
        value <= spec.max &&
        (!spec.values || spec.values.includes(value));
  if (!ok) fail('DEVICE_SETTING_OUT_OF_RANGE', `${key} = ${JSON.stringify(value)}: ${spec.label} must be ${describeRange(spec)}`);
}

/** The rules between settings; throws DEVICE_SETTING_CONFLICT naming both keys. */
function checkConsistency(config: BmsConfig): void {
  const n = (key: SettingKey) => config[key] as number;
  if (n('cell_uv_mv') + MIN_VOLTAGE_WINDOW_MV > n('cell_ov_mv')) {
    fail('DEVICE_SETTING_CONFLICT', `cell_uv_mv ${n('cell_uv_mv')} must be at least ${MIN_VOLTAGE_WINDOW_MV} mV below cell_ov_mv ${n('cell_ov_mv')}`);
  }
  if (n('balance_start_mv') <= n('cell_uv_mv') || n('balance_start_mv') >= n('cell_ov_mv')) {
    fail(
      'DEVICE_SETTING_CONFLICT',
      `balance_start_mv ${n('balance_start_mv')} must lie between cell_uv_mv ${n('cell_uv_mv')} and cell_ov_mv ${n('cell_ov_mv')}`
    );
  }
  if (n('ut_dc') + MIN_TEMPERATURE_WINDOW_DC > n('ot_dc')) {
    fail('DEVICE_SETTING_CONFLICT', `ut_dc ${n('ut_dc')} must be at least ${MIN_TEMPERATURE_WINDOW_DC} (10 °C) below ot_dc ${n('ot_dc')}`);
  }
}

/** A whole configuration: every key known and in range, none missing, consistent. */
export function validateConfig(config: BmsConfig): void {
  for (const [key, value] of Object.entries(config)) checkSetting(key, value);
  const missing = Object.keys(CONFIG_SCHEMA).filter((key) => !(key in config));
  if (missing.length > 0) fail('DEVICE_SETTING_UNKNOWN', `missing settings: ${missing.join(', ')}`);
  checkConsistency(config);
}

/** The configuration after a partial write, validated as a whole; the current one is left untouched. */
export function applyConfigUpdate(current: BmsConfig, update: Record<string, unknown>): BmsConfig {
  for (const [key, value] of Object.entries(update)) checkSetting(key, value);
  const next = { ...current, ...(update as BmsConfig) };
  checkConsistency(next);
  return next;
}
