import { afterEach, describe, expect, it } from 'vitest';
import { SmpClient } from '../smp-client';
import { FakeSmpDevice } from '../testing/fake-smp-device';
import { OsCommand, SmpGroup } from '../smp-ids';
import { bootloaderInfo, params, reset } from './os-group';

const clients: SmpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

describe('OS group calls', () => {
  it('resets (optionally forced), reads params and bootloader info', async () => {
    const device = new FakeSmpDevice({ params: { bufSize: 1024, bufCount: 2 } });
    const client = new SmpClient(device, { timeoutMs: 60 });
    clients.push(client);
    device.on(SmpGroup.os, OsCommand.bootloaderInfo, (req) => (req.body.query === 'mode' ? { mode: 2 } : { bootloader: 'MCUboot' }));
    await reset(client);
    await reset(client, { force: true });
    expect(device.received.map((p) => p.body)).toEqual([{}, { force: true }]);
    expect(await params(client)).toEqual({ bufSize: 1024, bufCount: 2 });
    expect(await bootloaderInfo(client)).toEqual({ bootloader: 'MCUboot' });
    expect(await bootloaderInfo(client, 'mode')).toEqual({ mode: 2 });
  });

  it('maps MCUboot without the params option to SMP_NOT_SUPPORTED', async () => {
    const client = new SmpClient(new FakeSmpDevice(), { timeoutMs: 60 });
    clients.push(client);
    await expect(params(client)).rejects.toMatchObject({ code: 'SMP_NOT_SUPPORTED' });
  });
});
