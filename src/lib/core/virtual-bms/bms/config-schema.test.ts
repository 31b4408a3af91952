import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA, applyConfigUpdate, checkSetting, defaultConfig, validateConfig } from './config-schema';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('BMS settings', () => {
  it('has valid defaults covering every setting', () => {
    const config = defaultConfig();
    expect(Object.keys(config).sort()).toEqual(Object.keys(CONFIG_SCHEMA).sort());
    expect(() => validateConfig(config)).not.toThrow();
  });

  it('R09 refuses unknown keys, wrong types and out-of-range values', () => {
    expect(codeOf(() => checkSetting('cell_ov_volts', 3))).toBe('DEVICE_SETTING_UNKNOWN');
    expect(codeOf(() => checkSetting('cell_ov_mv', 5000))).toBe('DEVICE_SETTING_OUT_OF_RANGE');
    expect(codeOf(() => checkSetting('cell_ov_mv', '3650'))).toBe('DEVICE_SETTING_OUT_OF_RANGE');
    expect(codeOf(() => checkSetting('cell_ov_mv', 3650.5))).toBe('DEVICE_SETTING_OUT_OF_RANGE');
    expect(codeOf(() => checkSetting('rs485_baud', 100_000))).toBe('DEVICE_SETTING_OUT_OF_RANGE');
    expect(codeOf(() => checkSetting('device_name', 'x'.repeat(33)))).toBe('DEVICE_SETTING_OUT_OF_RANGE');
    expect(codeOf(() => checkSetting('device_name', 'tab\there'))).toBe('DEVICE_SETTING_OUT_OF_RANGE');
    expect(codeOf(() => checkSetting('can_bitrate', 250_000))).toBe('no error');
  });

  it('refuses settings that contradict each other, naming both', () => {
    const config = defaultConfig();
    expect(() => applyConfigUpdate(config, { balance_start_mv: 3700 })).toThrow(/balance_start_mv 3700 .* cell_ov_mv 3650/);
    expect(codeOf(() => applyConfigUpdate(config, { cell_uv_mv: 3400 }))).toBe('DEVICE_SETTING_CONFLICT');
    expect(codeOf(() => applyConfigUpdate(config, { ut_dc: 250, ot_dc: 300 }))).toBe('DEVICE_SETTING_CONFLICT');
    expect(applyConfigUpdate(config, { cell_ov_mv: 3600, balance_start_mv: 3450 })).toMatchObject({ cell_ov_mv: 3600, balance_start_mv: 3450 });
    expect(config.cell_ov_mv).toBe(3650);
  });

  it('refuses a whole configuration with a missing setting', () => {
    const { can_id: _dropped, ...partial } = defaultConfig();
    expect(() => validateConfig(partial)).toThrow(/missing settings: can_id/);
  });
});
