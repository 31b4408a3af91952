import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupStore } from '../../core/backup/backup-store';
import { makeBackup } from '../../core/backup/config-backup';
import { ed25519Verify } from '../../core/image/ed25519';
import { createTechnicianKeyFile, fileRecordStore, loadTechnicianKeyFile } from './file-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bms-file-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const identity = {
  model: 'BMS-16S', serial: 'SN/1:2', hw_rev: 'C', bl_version: '2.1.0', fw_version: '1.2.0+0',
  fw_hash: new Uint8Array(32), sec_cnt: 1, in_bootloader: false
};

describe('Node file store', () => {
  it('R09 keeps backups as files named by serial and time, atomically, and reads them back', async () => {
    const store = createBackupStore(fileRecordStore(join(dir, 'backups')));
    expect(await store.list()).toEqual([]);
    const backup = makeBackup(identity, { cell_ov_mv: 3650 }, new Date('2026-01-02T03:04:05Z'));
    await store.save(backup);
    expect(await store.get(backup.id)).toEqual(backup);
    const files = await readdir(join(dir, 'backups'));
    expect(files).toEqual(['SN%2f1%3a2%402026-01-02T03%3a04%3a05.000Z.json']);
    await writeFile(join(dir, 'backups', 'broken.json'), '{trunc');
    expect(await store.list()).toEqual([backup]);
    await expect(store.get('nope')).rejects.toMatchObject({ code: 'UPDATE_BACKUP_NOT_FOUND' });
  });

  it('R14 creates an owner-only technician key file, refuses to overwrite it, and signs with it', async () => {
    const path = join(dir, 'technician.pem');
    const created = await createTechnicianKeyFile(path, 'tech');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await expect(createTechnicianKeyFile(path)).rejects.toThrow();
    const loaded = await loadTechnicianKeyFile(path);
    expect(loaded.publicKey).toEqual(created.publicKey);
    const message = new TextEncoder().encode('challenge');
    expect(ed25519Verify(await loaded.sign(message), message, created.publicKey)).toBe(true);
  });
});
