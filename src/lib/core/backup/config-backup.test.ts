import { describe, expect, it } from 'vitest';
import { BmsError } from '../errors';
import type { BmsIdentity } from '../protocol/smp/groups/bms-group';
import { createBackupStore } from './backup-store';
import { MAX_BACKUP_FILE_BYTES, backupFileName, checkBackupFileSize, exportBackupJson, importBackupJson, makeBackup, validateBackup } from './config-backup';
import { diffConfig, restoreWrites } from './config-diff';
import { createMemoryRecordStore } from './record-store';

const identity: BmsIdentity = {
  model: 'BMS-16S', serial: 'SN-0042', hw_rev: 'C', bl_version: '2.1.0', fw_version: '1.2.0+0',
  fw_hash: new Uint8Array(32), sec_cnt: 1, in_bootloader: false
};
const config = { cell_ov_mv: 3650, cell_uv_mv: 2500, name: 'rack 3' };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof BmsError ? error.code : 'not a BmsError';
  }
  return undefined;
}

describe('configuration backup', () => {
  it('R09 exports to JSON and imports back identical; the file name is portable', () => {
    const backup = makeBackup(identity, config, new Date('2026-03-01T10:20:30.456Z'));
    expect(backup.id).toBe('SN-0042@2026-03-01T10:20:30.456Z');
    expect(importBackupJson(exportBackupJson(backup))).toEqual(backup);
    expect(backupFileName(backup)).toBe('bms-backup-SN-0042-2026-03-01T10-20-30-456Z.json');
  });

  it('R23 judges a picked file by its size before reading it: empty and oversized files are refused', () => {
    expect(codeOf(() => checkBackupFileSize(0))).toBe('UPDATE_BACKUP_INVALID');
    expect(codeOf(() => checkBackupFileSize(200 * 1024 * 1024))).toBe('UPDATE_BACKUP_INVALID');
    expect(codeOf(() => checkBackupFileSize(MAX_BACKUP_FILE_BYTES))).toBeUndefined();
    expect(codeOf(() => importBackupJson(' '.repeat(MAX_BACKUP_FILE_BYTES + 1)))).toBe('UPDATE_BACKUP_INVALID');
  });

  it('R23 refuses files that are not valid backups', () => {
    const good = makeBackup(identity, config, new Date());
    expect(codeOf(() => importBackupJson('{not json'))).toBe('UPDATE_BACKUP_INVALID');
    expect(codeOf(() => validateBackup({ ...good, format: 'other' }))).toBe('UPDATE_BACKUP_INVALID');
    expect(codeOf(() => validateBackup({ ...good, serial: '' }))).toBe('UPDATE_BACKUP_INVALID');
    expect(codeOf(() => validateBackup({ ...good, takenAt: 'yesterday' }))).toBe('UPDATE_BACKUP_INVALID');
    expect(codeOf(() => validateBackup({ ...good, config: {} }))).toBe('UPDATE_BACKUP_INVALID');
    expect(codeOf(() => validateBackup({ ...good, config: { a: 1.5 } }))).toBe('UPDATE_BACKUP_INVALID');
    expect(codeOf(() => validateBackup({ ...good, config: { a: { nested: 1 } } }))).toBe('UPDATE_BACKUP_INVALID');
    expect(codeOf(() => validateBackup({ ...good, config: { a: 'x'.repeat(65) } }))).toBe('UPDATE_BACKUP_INVALID');
  });

  it('R23 diff lists changed, missing and new keys; a restore writes only the changed ones', () => {
    const device = { cell_ov_mv: 3600, name: 'rack 3', new_key: 1 };
    const changes = diffConfig(device, config);
    expect(changes).toEqual([
      { key: 'cell_ov_mv', kind: 'changed', device: 3600, backup: 3650 },
      { key: 'cell_uv_mv', kind: 'missing-on-device', backup: 2500 },
      { key: 'new_key', kind: 'new-on-device', device: 1 }
    ]);
    expect(restoreWrites(changes)).toEqual({ cell_ov_mv: 3650 });
    expect(diffConfig(config, { ...config })).toEqual([]);
  });

  it('R09 the store keeps backups by serial and time, newest first, and skips corrupted records', async () => {
    const records = createMemoryRecordStore();
    const store = createBackupStore(records);
    const older = makeBackup(identity, config, new Date('2026-01-01T00:00:00Z'));
    const newer = makeBackup(identity, { ...config, name: 'b' }, new Date('2026-02-01T00:00:00Z'));
    const other = makeBackup({ ...identity, serial: 'SN-7' }, config, new Date('2026-03-01T00:00:00Z'));
    for (const b of [older, other, newer]) await store.save(b);
    await records.put('junk', { format: 'nope' });
    expect((await store.list('SN-0042')).map((b) => b.id)).toEqual([newer.id, older.id]);
    expect(await store.list()).toHaveLength(3);
    expect(await store.get(older.id)).toEqual(older);
    await store.delete(older.id);
    await expect(store.get(older.id)).rejects.toMatchObject({ code: 'UPDATE_BACKUP_NOT_FOUND' });
  });
});
