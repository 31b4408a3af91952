import { describe, expect, it } from 'vitest';
import type { CborMap } from '../protocol/smp/cbor';
import { BMS_GROUP_ID, BmsCommand, BmsGroupRc } from '../protocol/smp/groups/bms-group';
import { ImageCommand, MgmtRc, SmpGroup } from '../protocol/smp/smp-ids';
import { CONFIG_SCHEMA, defaultConfig } from './bms/config-schema';
import { makeTestFirmware } from './firmware-behaviour';
import { createVirtualBms } from './virtual-bms';
import { authenticate, resetAndWait, startVirtualBms, uploadImage, type SmpHarness } from './testing/smp-harness';

const readConfig = async (smp: SmpHarness) => (await smp.request(BMS_GROUP_ID, BmsCommand.config, 'read')).body.config as CborMap;
const writeConfig = (smp: SmpHarness, config: CborMap, version: 0 | 1 = 1) =>
  smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { config }, { version });

describe('settings over SMP (R09)', () => {
  it('R09 reads every setting, with the defaults of a fresh board', async () => {
    const { smp } = await startVirtualBms();
    const config = await readConfig(smp);
    expect(Object.keys(config).sort()).toEqual(Object.keys(CONFIG_SCHEMA).sort());
    expect(config).toEqual(defaultConfig());
  });

  it('R09 writes a partial update, answers the whole configuration and keeps it across a power cycle', async () => {
    const { smp, bms } = await startVirtualBms();
    await authenticate(smp);
    const answer = await writeConfig(smp, { device_name: 'Site 4 rack 2', can_id: 0x120, capacity_mah: 280_000 });
    expect(answer.body.config).toMatchObject({ device_name: 'Site 4 rack 2', can_id: 0x120, cell_ov_mv: 3650 });
    await bms.powerCycle();
    await smp.waitUntilReady();
    expect(await readConfig(smp)).toMatchObject({ device_name: 'Site 4 rack 2', can_id: 0x120, capacity_mah: 280_000 });
  });

  it('R09 refuses unknown, out-of-range and conflicting settings, naming them, and writes nothing', async () => {
    const { smp } = await startVirtualBms();
    await authenticate(smp);
    const unknown = await writeConfig(smp, { cell_ov_volts: 3 });
    expect(unknown.body).toMatchObject({ err: { group: BMS_GROUP_ID, rc: BmsGroupRc.UNKNOWN_SETTING } });
    expect(unknown.body.rsn).toMatch(/cell_ov_volts/);
    const range = await writeConfig(smp, { device_name: 'ok', cell_uv_mv: 1000 });
    expect(range.body).toMatchObject({ err: { group: BMS_GROUP_ID, rc: BmsGroupRc.SETTING_OUT_OF_RANGE } });
    expect(range.body.rsn).toMatch(/cell_uv_mv = 1000: .* from 2000 to 3400/);
    const conflict = await writeConfig(smp, { balance_start_mv: 3700 });
    expect(conflict.body).toMatchObject({ err: { group: BMS_GROUP_ID, rc: BmsGroupRc.SETTING_CONFLICT } });
    expect((await writeConfig(smp, { rs485_baud: 12345 }, 0)).body).toMatchObject({ rc: 256 + BmsGroupRc.SETTING_OUT_OF_RANGE });
    expect((await smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { settings: {} })).body).toMatchObject({ rc: MgmtRc.INVALID });
    expect(await readConfig(smp)).toEqual(defaultConfig());
  });

  it('R09 R21 a firmware with another settings layout resets them to its defaults and says so in the boot log', async () => {
    const { smp } = await startVirtualBms();
    await authenticate(smp);
    await writeConfig(smp, { device_name: 'Customised', cell_ov_mv: 3600 });
    await uploadImage(smp, makeTestFirmware({ version: '2.0.0', securityCounter: 2, behaviour: { resetConfig: true } }));
    const hash = ((await smp.request(SmpGroup.image, ImageCommand.state, 'read')).body.images as CborMap[])[1].hash as Uint8Array;
    await smp.request(SmpGroup.image, ImageCommand.state, 'write', { hash, confirm: false });
    await resetAndWait(smp);
    expect(await readConfig(smp)).toEqual(defaultConfig());
    const events = (await smp.request(BMS_GROUP_ID, BmsCommand.bootLog, 'read')).body.events as CborMap[];
    expect(events.map((e) => e.phase)).toContain('config_reset');
  });

  it('R09 a board commissioned at the factory starts with its site settings, checked as a config write is', async () => {
    const site = { device_name: 'Site 4 rack 2', rs485_address: 17, can_id: 0x120 };
    const { smp } = await startVirtualBms({ factoryConfig: site });
    expect(await readConfig(smp)).toEqual({ ...defaultConfig(), ...site });
    expect(() => createVirtualBms({ factoryConfig: { rs485_address: 900 } })).toThrow(/rs485_address = 900/);
  });
});
