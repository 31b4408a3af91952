/** Pure comparison of two configurations: the restore preview and the after-update check (R09, R23). */
import type { BmsConfig } from '../protocol/smp/groups/bms-group';

export type ConfigChange =
  /** both have the key with different values */
  | { key: string; kind: 'changed'; device: number | string; backup: number | string }
  /** the backup has it, the device does not (e.g. removed by new firmware) */
  | { key: string; kind: 'missing-on-device'; backup: number | string }
  /** the device has it, the backup does not (e.g. added by new firmware) */
  | { key: string; kind: 'new-on-device'; device: number | string };

/** Differences from the device's point of view, sorted by key; empty means identical. */
export function diffConfig(device: BmsConfig, backup: BmsConfig): ConfigChange[] {
  const keys = [...new Set([...Object.keys(device), ...Object.keys(backup)])].sort();
  const changes: ConfigChange[] = [];
  for (const key of keys) {
    const inDevice = Object.hasOwn(device, key);
    const inBackup = Object.hasOwn(backup, key);
    if (inDevice && inBackup) {
      if (device[key] !== backup[key]) changes.push({ key, kind: 'changed', device: device[key], backup: backup[key] });
    } else if (inBackup) {
      changes.push({ key, kind: 'missing-on-device', backup: backup[key] });
    } else {
      changes.push({ key, kind: 'new-on-device', device: device[key] });
    }
  }
  return changes;
}

/** The values a restore writes: changed keys only (missing ones cannot be written, new ones are left alone). */
export function restoreWrites(changes: readonly ConfigChange[]): BmsConfig {
  const writes: BmsConfig = {};
  for (const change of changes) if (change.kind === 'changed') writes[change.key] = change.backup;
  return writes;
}
