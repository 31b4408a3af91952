/** The settings group client against the virtual stock mcumgr device's settings (device-families.md §1). */
import { afterEach, describe, expect, it } from 'vitest';
import { connectMcumgr, type McumgrConnection } from '../../../virtual-bms/mcumgr/testing/connect-mcumgr';
import { exampleSettings } from '../../../virtual-bms/mcumgr/mcumgr-device';
import { reset, echo } from './os-group';
import { commitSettings, deleteSetting, loadSettings, readSetting, saveSettings, writeSetting } from './settings-group';

const open: McumgrConnection[] = [];
afterEach(async () => {
  for (const connection of open.splice(0)) await connection.close();
});

async function connect(settings = true) {
  const connection = await connectMcumgr(settings ? { settings: exampleSettings() } : {});
  open.push(connection);
  return connection.client;
}

describe('SMP settings group (3)', () => {
  it('R09 reads every setting a backup needs, as the opaque bytes the firmware stores', async () => {
    const client = await connect();
    expect((await readSetting(client, 'bms/cell_ov_mv')).value).toEqual(Uint8Array.of(0x68, 0x10));
    expect(new TextDecoder().decode((await readSetting(client, 'app/name')).value)).toBe('smp_svr');
    expect((await readSetting(client, 'bms/cell_uv_mv', { maxSize: 1 })).value).toEqual(Uint8Array.of(0xf0));
  });

  it('R09 R23 restores a value: written, saved and still there after a reset; unsaved writes are lost', async () => {
    const client = await connect();
    await writeSetting(client, 'bms/balance_mv', Uint8Array.of(20, 0));
    await commitSettings(client);
    await saveSettings(client);
    await writeSetting(client, 'bms/cell_ov_mv', Uint8Array.of(0, 0));
    expect((await readSetting(client, 'bms/cell_ov_mv')).value).toEqual(Uint8Array.of(0, 0));
    await loadSettings(client);
    expect((await readSetting(client, 'bms/cell_ov_mv')).value).toEqual(Uint8Array.of(0x68, 0x10));
    await writeSetting(client, 'bms/cell_ov_mv', Uint8Array.of(1, 1));
    await reset(client);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await echo(client, 'back', { retries: 20, timeoutMs: 200 });
    expect((await readSetting(client, 'bms/balance_mv')).value).toEqual(Uint8Array.of(20, 0));
    expect((await readSetting(client, 'bms/cell_ov_mv')).value).toEqual(Uint8Array.of(0x68, 0x10));
  });

  it('R21 reports unknown settings, refused names and a firmware without settings as typed errors', async () => {
    const client = await connect();
    await expect(readSetting(client, 'bms/nothing')).rejects.toMatchObject({ code: 'SMP_SETTING_NOT_FOUND', detail: expect.stringContaining('KEY_NOT_FOUND') });
    await expect(writeSetting(client, 'wifi/ssid', Uint8Array.of(1))).rejects.toMatchObject({ code: 'SMP_SETTING_REFUSED' });
    await deleteSetting(client, 'bms/balance_mv');
    await expect(readSetting(client, 'bms/balance_mv')).rejects.toMatchObject({ code: 'SMP_SETTING_NOT_FOUND' });
    const bare = await connect(false);
    await expect(readSetting(bare, 'bms/cell_ov_mv')).rejects.toMatchObject({ code: 'SMP_NOT_SUPPORTED' });
  });
});
