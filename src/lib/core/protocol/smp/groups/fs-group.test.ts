/** The file-system group client against the virtual stock mcumgr device's files (device-families.md §1). */
import { afterEach, describe, expect, it } from 'vitest';
import { connectMcumgr, type McumgrConnection } from '../../../virtual-bms/mcumgr/testing/connect-mcumgr';
import { exampleSettingsFile } from '../../../virtual-bms/mcumgr/mcumgr-device';
import { downloadFile, fileStatus, uploadFile } from './fs-group';

const open: McumgrConnection[] = [];
afterEach(async () => {
  for (const connection of open.splice(0)) await connection.close();
});

/** null: a firmware built without the file-system group */
async function connect(files: Record<string, Uint8Array> | null = exampleSettingsFile()) {
  const connection = await connectMcumgr(files ? { files } : {});
  open.push(connection);
  return connection.client;
}

describe('SMP file-system group (8)', () => {
  it('R09 downloads a settings file whole, in chunks that fit the device buffer', async () => {
    const client = await connect({ '/lfs/big.bin': Uint8Array.from({ length: 1500 }, (_, i) => i & 0xff), ...exampleSettingsFile() });
    expect(new TextDecoder().decode(await downloadFile(client, '/lfs/settings.txt'))).toContain('cell_ov_mv=4200\n');
    const progress: number[] = [];
    const big = await downloadFile(client, '/lfs/big.bin', { onProgress: (done) => progress.push(done) });
    expect(big).toEqual(Uint8Array.from({ length: 1500 }, (_, i) => i & 0xff));
    expect(progress.length).toBeGreaterThan(3);
    expect(await fileStatus(client, '/lfs/big.bin')).toEqual({ len: 1500 });
  });

  it('R09 R23 uploads a file back (replacing it) and reads the same bytes', async () => {
    const client = await connect();
    const restored = new TextEncoder().encode('cell_ov_mv=4150\n'.repeat(60));
    await uploadFile(client, '/lfs/settings.txt', restored);
    expect(await downloadFile(client, '/lfs/settings.txt')).toEqual(restored);
    await uploadFile(client, '/lfs/empty', new Uint8Array(0));
    expect(await fileStatus(client, '/lfs/empty')).toEqual({ len: 0 });
  });

  it('R21 reports a missing file, a bad path and a firmware without files as typed errors', async () => {
    const client = await connect();
    await expect(downloadFile(client, '/lfs/none')).rejects.toMatchObject({ code: 'SMP_FILE_NOT_FOUND' });
    await expect(downloadFile(client, 'relative.txt')).rejects.toMatchObject({ code: 'SMP_FILE_FAILED' });
    const bare = await connect(null);
    await expect(fileStatus(bare, '/lfs/settings.txt')).rejects.toMatchObject({ code: 'SMP_NOT_SUPPORTED' });
  });
});
