/**
 * Settings management group (3, smp_group_3.rst): read, write, delete, commit, load and save of
 * settings, whose values are opaque byte strings the firmware defines. Errors are typed:
 * SMP_SETTING_NOT_FOUND, SMP_SETTING_REFUSED, or SMP_NOT_SUPPORTED where the firmware has no settings group.
 */
import type { SmpClient } from '../smp-client';
import { SettingsCommand, SmpGroup } from '../smp-ids';
import { maybe, need } from './body-fields';
import type { CallOptions } from './os-group';

export interface SettingValue {
  value: Uint8Array;
  /** set when the device's largest value is below the max_size asked for */
  maxSize?: number;
}

export async function readSetting(client: SmpClient, name: string, options: CallOptions & { maxSize?: number } = {}): Promise<SettingValue> {
  const { maxSize, ...call } = options;
  const body = await client.request({
    op: 'read',
    group: SmpGroup.settings,
    command: SettingsCommand.readWrite,
    body: maxSize === undefined ? { name } : { name, max_size: maxSize },
    ...call
  });
  const value = need(body, 'val', 'bytes', 'settings read');
  const deviceMax = maybe(body, 'max_size', 'number', 'settings read');
  return deviceMax === undefined ? { value } : { value, maxSize: deviceMax };
}

/** Sets the running value; it is lost at the next reset unless saved (saveSettings). */
export async function writeSetting(client: SmpClient, name: string, value: Uint8Array, options: CallOptions = {}): Promise<void> {
  await client.request({
    op: 'write',
    group: SmpGroup.settings,
    command: SettingsCommand.readWrite,
    body: { name, val: value },
    // writing the same value twice leaves the same setting
    idempotent: true,
    ...options
  });
}

export async function deleteSetting(client: SmpClient, name: string, options: CallOptions = {}): Promise<void> {
  await client.request({ op: 'write', group: SmpGroup.settings, command: SettingsCommand.delete, body: { name }, ...options });
}

/** Asks the handlers to apply the values written so far. */
export async function commitSettings(client: SmpClient, options: CallOptions = {}): Promise<void> {
  await client.request({ op: 'write', group: SmpGroup.settings, command: SettingsCommand.commit, idempotent: true, ...options });
}

/** Reloads the values saved in flash, dropping unsaved writes. */
export async function loadSettings(client: SmpClient, options: CallOptions = {}): Promise<void> {
  await client.request({ op: 'read', group: SmpGroup.settings, command: SettingsCommand.loadSave, ...options });
}

/** Stores the running values in flash, so they survive a reset. */
export async function saveSettings(client: SmpClient, options: CallOptions = {}): Promise<void> {
  await client.request({ op: 'write', group: SmpGroup.settings, command: SettingsCommand.loadSave, idempotent: true, ...options });
}
