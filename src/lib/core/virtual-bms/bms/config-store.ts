/**
 * The settings as the firmware keeps them: one power-safe record (record-store.ts), so a power cut
 * during a write leaves the old or the new configuration, never a mix. A blank or unreadable store
 * reads as the defaults, as a fresh board does.
 */
import type { BmsConfig } from '../../protocol/smp/groups/bms-group';
import { defaultConfig, validateConfig } from './config-schema';
import type { FlashArea } from '../flash/flash-layout';
import { readRecord, writeRecord } from '../flash/record-store';

export function loadConfig(area: FlashArea): BmsConfig {
  const record = readRecord(area);
  if (!record) return defaultConfig();
  const config = JSON.parse(new TextDecoder().decode(record)) as BmsConfig;
  try {
    validateConfig(config);
    return config;
  } catch {
    // A record written by a firmware with another settings layout: start from the defaults.
    return defaultConfig();
  }
}

/** Stores a configuration the caller has already validated. */
export function saveConfig(area: FlashArea, config: BmsConfig): void {
  writeRecord(area, new TextEncoder().encode(JSON.stringify(config)));
}
