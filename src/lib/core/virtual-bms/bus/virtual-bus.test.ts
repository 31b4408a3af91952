import { afterEach, describe, expect, it } from 'vitest';
import { isBmsError } from '../../errors';
import * as bms from '../../protocol/smp/groups/bms-client';
import { echo } from '../../protocol/smp/groups/os-group';
import { encodePacket, SmpOp } from '../../protocol/smp/smp-packet';
import { SmpClient } from '../../protocol/smp/smp-client';
import { createVirtualBms } from '../virtual-bms';
import { fastClock, untilRunning } from '../../update/testing/virtual-bench';
import { BUS_BMS_PROFILE } from './addressed-framing';
import { bankRig, ourUnits, type BankRig } from '../../update/testing/bank-rig';

let rig: BankRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const clientFor = (r: BankRig, address: number) => new SmpClient(r.host.unit(address), { timeoutMs: 300, retries: 0 });

describe('virtual RS485 bus (R05, R12: a bank of units on one half-duplex line)', () => {
  it('R12 each unit answers only requests for its own address, with its own address', async () => {
    rig = bankRig(ourUnits(3));
    await rig.ready();
    const before = rig.bus.stats.transmissions;
    const id = await bms.identity(clientFor(rig, 2));
    expect(id.serial).toBe('VB-BANK-002');
    // one request, one answer: units 1 and 3 stayed silent
    expect(rig.bus.stats.transmissions - before).toBe(2);
    expect(rig.bus.stats.collisions).toBe(0);
    expect(id.caps).toEqual(['bcast']);
  });

  it('R12 a broadcast reaches every unit and none answers it', async () => {
    rig = bankRig(ourUnits(4));
    await rig.ready();
    const before = rig.bus.stats.transmissions;
    const request = encodePacket({ version: 1, op: SmpOp.write, group: 0, seq: 77, command: 0, body: { d: 'all' } });
    await rig.host.broadcast(request);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(rig.bus.stats.transmissions - before).toBe(1);
  });

  it('R12 two units answering at once collide: both answers are garbled and the request fails, never a wrong answer', async () => {
    rig = bankRig(ourUnits(2));
    // a second board wrongly set to address 2
    const twin = createVirtualBms({ clock: fastClock(10), serial: 'VB-TWIN', factoryConfig: { rs485_address: 2 }, profile: BUS_BMS_PROFILE });
    rig.bus.attach(twin.port, 'twin at address 2');
    await rig.ready();
    await untilRunning(twin, 5_000);
    const failure = await bms.identity(clientFor(rig, 2)).catch((error: unknown) => error);
    expect(isBmsError(failure) && failure.code).toBe('SMP_TIMEOUT');
    expect(rig.bus.stats.collisions).toBeGreaterThan(0);
    expect(rig.host.stats.garbled).toBeGreaterThan(0);
    await twin.powerOff();
  });

  it('R12 a unit that drops off the bus stops answering, and answers again once back', async () => {
    rig = bankRig(ourUnits(3));
    await rig.ready();
    rig.units[1].tap.dropped = true;
    const silent = await echo(clientFor(rig, 2), 'x').catch((error: unknown) => error);
    expect(isBmsError(silent) && silent.code).toBe('SMP_TIMEOUT');
    expect(await echo(clientFor(rig, 3), 'still here')).toBe('still here');
    rig.units[1].tap.dropped = false;
    expect(await echo(clientFor(rig, 2), 'back')).toBe('back');
  });

  it('R06 a unit on a noisy segment: damaged frames are dropped by the CRC, the others stay clean', async () => {
    rig = bankRig(ourUnits(2));
    await rig.ready();
    rig.units[0].tap.bitErrorRate = 0.02;
    const noisy = await echo(clientFor(rig, 1), 'x'.repeat(60)).catch((error: unknown) => error);
    expect(isBmsError(noisy) && noisy.code).toBe('SMP_TIMEOUT');
    expect(await echo(clientFor(rig, 2), 'clean')).toBe('clean');
  });
});
