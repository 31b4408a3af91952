import { afterEach, describe, expect, it } from 'vitest';
import { SmpClient } from '../smp-client';
import { FakeSmpDevice } from '../testing/fake-smp-device';
import { BMS_GROUP_ID, BmsCommand } from './bms-group';
import { authChallenge, authRespond, balanceTest, bootLog, identity, readConfig, selfTest, telemetry, writeConfig } from './bms-client';

const clients: SmpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

function setup() {
  const device = new FakeSmpDevice();
  const client = new SmpClient(device, { timeoutMs: 60 });
  clients.push(client);
  return { device, client };
}

const IDENTITY = {
  model: 'BMS-16S',
  serial: 'SN123',
  hw_rev: 'C',
  bl_version: '1.0.0',
  fw_version: '2.1.0+7',
  fw_hash: new Uint8Array(32).fill(7),
  sec_cnt: 3,
  in_bootloader: false
};

describe('BMS group calls', () => {
  it('reads identity, telemetry (null for a silent sensor), self-test and boot log', async () => {
    const { device, client } = setup();
    const telemetryBody = {
      soc_pm: 553, pack_mv: 52_100, supply_mv: 52_080, current_ma: -1200, cells_mv: [3256, 3260],
      temps_dc: [251, null], balancing: [false, true], protections: 0, chg_fet: true, dsg_fet: true, cycles: 12, uptime_ms: 5000
    };
    const report = { done: true, pass: true, items: [{ name: 'rs485', pass: true, value: 0, limit: 0, detail: '115200 ok' }] };
    device.on(BMS_GROUP_ID, BmsCommand.identity, () => IDENTITY);
    device.on(BMS_GROUP_ID, BmsCommand.telemetry, () => telemetryBody);
    device.on(BMS_GROUP_ID, BmsCommand.selfTest, () => report);
    device.on(BMS_GROUP_ID, BmsCommand.bootLog, () => ({ events: [{ t_ms: 0, phase: 'reset', detail: '' }] }));
    expect(await identity(client)).toEqual(IDENTITY);
    expect(await telemetry(client)).toEqual(telemetryBody);
    expect(await selfTest(client)).toEqual(report);
    expect(await bootLog(client)).toEqual([{ t_ms: 0, phase: 'reset', detail: '' }]);
  });

  it('refuses a telemetry list with a wrong item type', async () => {
    const { device, client } = setup();
    device.on(BMS_GROUP_ID, BmsCommand.telemetry, () => ({ cells_mv: [3256, 'x'] }));
    await expect(telemetry(client)).rejects.toMatchObject({ code: 'SMP_RESPONSE_INVALID' });
  });

  it('R09 reads and writes the configuration; range errors come back typed', async () => {
    const { device, client } = setup();
    const config: Record<string, number | string> = { ov_cell_mv: 3650, name: 'pack A' };
    device.on(BMS_GROUP_ID, BmsCommand.config, (req) => {
      if (req.header.op === 0) return { config };
      const changes = req.body.config as Record<string, number>;
      if (changes.ov_cell_mv > 4000) return { err: { group: BMS_GROUP_ID, rc: 3 }, rsn: 'ov_cell_mv 2500..4000' };
      Object.assign(config, changes);
      return { config };
    });
    expect(await readConfig(client)).toEqual({ ov_cell_mv: 3650, name: 'pack A' });
    expect(await writeConfig(client, { ov_cell_mv: 3600 })).toEqual({ ov_cell_mv: 3600, name: 'pack A' });
    await expect(writeConfig(client, { ov_cell_mv: 5000 })).rejects.toMatchObject({
      code: 'SMP_BMS_SETTING_OUT_OF_RANGE',
      detail: 'bms config failed: BMS group rc 3 (SETTING_OUT_OF_RANGE): ov_cell_mv 2500..4000'
    });
  });

  it('R14 runs the challenge-response without resending either half', async () => {
    const { device, client } = setup();
    const nonce = new Uint8Array(32).fill(1);
    device.on(BMS_GROUP_ID, BmsCommand.auth, (req) => (req.header.op === 0 ? { nonce, serial: 'SN123' } : { idle_timeout_s: 300 }));
    expect(await authChallenge(client)).toEqual({ nonce, serial: 'SN123' });
    const answer = { pubkey: new Uint8Array(32).fill(2), sig: new Uint8Array(64).fill(3) };
    expect(await authRespond(client, answer)).toEqual({ idle_timeout_s: 300 });
    expect(device.received.at(-1)?.body).toEqual(answer);
    device.dropRequests = 1;
    await expect(authChallenge(client)).rejects.toMatchObject({ code: 'SMP_TIMEOUT' });
    expect(device.received.filter((p) => p.header.command === BmsCommand.auth)).toHaveLength(3);
  });

  it('R20 runs the balancing test and maps "not possible"', async () => {
    const { device, client } = setup();
    const cells = [{ index: 0, before_mv: 3400, after_mv: 3390, ok: true }];
    device.on(BMS_GROUP_ID, BmsCommand.balanceTest, () => ({ pass: true, cells }));
    expect(await balanceTest(client)).toEqual({ pass: true, cells });
    device.on(BMS_GROUP_ID, BmsCommand.balanceTest, () => ({ rc: 256 + 7 }));
    await expect(balanceTest(client)).rejects.toMatchObject({ code: 'SMP_BMS_BALANCE_NOT_POSSIBLE' });
  });
});
