/**
 * The JBD EEPROM settings (bms-tools JBD_REGISTER_MAP "Stored registers"), one 16-bit big-endian word
 * each. Values stay in the register's own unit so a backup restores bit for bit; `unit` says what
 * that is. Identity words (manufacture date 0x15, serial 0x16, cycle count 0x17) are not settings a
 * restore should write, and the calibration / MOSFET / balance-test registers (0xAD–0xE2) act on the
 * hardware, so neither is listed.
 */
import { fail } from '../../errors';

export interface JbdSetting {
  register: number;
  name: string;
  unit: string;
  signed?: boolean;
}

const s = (register: number, name: string, unit: string, signed?: boolean): JbdSetting => ({ register, name, unit, signed });

export const JBD_SETTINGS: readonly JbdSetting[] = [
  s(0x10, 'design_cap', '10 mAh'),
  s(0x11, 'cycle_cap', '10 mAh'),
  s(0x12, 'cap_100', 'mV'),
  s(0x13, 'cap_0', 'mV'),
  s(0x14, 'dsg_rate', '0.1 %'),
  s(0x18, 'chgot', '0.1 K'),
  s(0x19, 'chgot_rel', '0.1 K'),
  s(0x1a, 'chgut', '0.1 K'),
  s(0x1b, 'chgut_rel', '0.1 K'),
  s(0x1c, 'dsgot', '0.1 K'),
  s(0x1d, 'dsgot_rel', '0.1 K'),
  s(0x1e, 'dsgut', '0.1 K'),
  s(0x1f, 'dsgut_rel', '0.1 K'),
  s(0x20, 'povp', '10 mV'),
  s(0x21, 'povp_rel', '10 mV'),
  s(0x22, 'puvp', '10 mV'),
  s(0x23, 'puvp_rel', '10 mV'),
  s(0x24, 'covp', 'mV'),
  s(0x25, 'covp_rel', 'mV'),
  s(0x26, 'cuvp', 'mV'),
  s(0x27, 'cuvp_rel', 'mV'),
  s(0x28, 'chgoc', '10 mA', true),
  s(0x29, 'dsgoc', '10 mA', true),
  s(0x2a, 'bal_start', 'mV', true),
  s(0x2b, 'bal_window', 'mV'),
  s(0x2c, 'shunt_res', '0.1 mΩ'),
  s(0x2d, 'func_config', 'bits'),
  s(0x2e, 'ntc_config', 'bits'),
  s(0x2f, 'cell_cnt', 'cells'),
  s(0x30, 'fet_ctrl', 's'),
  s(0x31, 'led_timer', 's'),
  s(0x32, 'cap_80', 'mV'),
  s(0x33, 'cap_60', 'mV'),
  s(0x34, 'cap_40', 'mV'),
  s(0x35, 'cap_20', 'mV'),
  s(0x36, 'covp_high', 'mV'),
  s(0x37, 'cuvp_high', 'mV'),
  s(0x38, 'sc_dsgoc2', 'bits'),
  s(0x39, 'cxvp_high_delay_sc_rel', 'bits'),
  s(0x3a, 'chg_t_delays', 's|s'),
  s(0x3b, 'dsg_t_delays', 's|s'),
  s(0x3c, 'pack_v_delays', 's|s'),
  s(0x3d, 'cell_v_delays', 's|s'),
  s(0x3e, 'chgoc_delays', 's|s'),
  s(0x3f, 'dsgoc_delays', 's|s')
];

export type JbdSettings = Record<string, number>;

export function jbdSetting(name: string): JbdSetting {
  const setting = JBD_SETTINGS.find((x) => x.name === name);
  if (!setting) fail('JBD_SETTING_INVALID', `"${name}" is not a JBD setting`);
  return setting;
}

export function decodeSettingWord(setting: JbdSetting, data: Uint8Array): number {
  if (data.length !== 2) fail('JBD_FRAME_INVALID', `setting ${setting.name} (0x${setting.register.toString(16)}) has ${data.length} bytes, 2 expected`);
  const view = new DataView(data.buffer, data.byteOffset, 2);
  return setting.signed ? view.getInt16(0) : view.getUint16(0);
}

export function encodeSettingWord(setting: JbdSetting, value: number): Uint8Array {
  const [min, max] = setting.signed ? [-0x8000, 0x7fff] : [0, 0xffff];
  if (!Number.isInteger(value) || value < min || value > max) {
    fail('JBD_SETTING_INVALID', `${setting.name} = ${value} is outside ${min}…${max} (${setting.unit})`);
  }
  const out = new Uint8Array(2);
  const view = new DataView(out.buffer);
  if (setting.signed) view.setInt16(0, value);
  else view.setUint16(0, value);
  return out;
}
