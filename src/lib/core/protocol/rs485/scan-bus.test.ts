import { afterEach, describe, expect, it } from 'vitest';
import { bankRig, ourUnits, type BankRig } from '../../update/testing/bank-rig';
import { scanBus } from './scan-bus';
import { createVirtualBms } from '../../virtual-bms/virtual-bms';
import { BUS_BMS_PROFILE } from '../../virtual-bms/bus/addressed-framing';
import { fastClock, untilRunning } from '../../update/testing/virtual-bench';

let rig: BankRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const ADDRESSES = Array.from({ length: 10 }, (_, i) => i + 1);

describe('bus scan (R05, R12: every unit of a bank in one table)', () => {
  it('R12 finds all 8 units of a bank at their addresses, with identity, firmware and readings', async () => {
    rig = bankRig(ourUnits(8));
    await rig.ready();
    const result = await scanBus(rig.host, { addresses: ADDRESSES, families: ['bms'] });
    expect(result.units.map((u) => u.address)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.units.map((u) => u.serial)).toEqual(ADDRESSES.slice(0, 8).map((a) => `VB-BANK-00${a}`));
    for (const unit of result.units) {
      expect(unit).toMatchObject({ family: 'bms', firmware: '1.0.0+0', caps: ['bcast'] });
      expect(unit.readings?.packMv).toBeGreaterThan(40_000);
    }
    expect(result.missing).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('R12 a unit that dropped off the bus is reported missing, the others are listed', async () => {
    rig = bankRig(ourUnits(8));
    await rig.ready();
    rig.units[4].tap.dropped = true;
    const result = await scanBus(rig.host, { addresses: ADDRESSES, families: ['bms'] });
    expect(result.units.map((u) => u.address)).toEqual([1, 2, 3, 4, 6, 7, 8]);
    expect(result.missing).toEqual([5]);
  });

  it('R12 a mixed bus shows each family: our BMS by address, JK-PB by Modbus slave id, JBD and Daly at 9600 baud', async () => {
    rig = bankRig([{ family: 'bms' }, { family: 'jk' }, { family: 'bms' }, { family: 'jbd' }, { family: 'daly' }]);
    await rig.ready();
    const result = await scanBus(rig.host, { addresses: [1, 2, 3, 4] });
    expect(result.units.map((u) => [u.family, u.address])).toEqual([
      ['bms', 1],
      ['jk', 2],
      ['bms', 3],
      ['jbd', undefined],
      ['daly', undefined]
    ]);
    const jk = result.units[1];
    expect(jk.model).toMatch(/^JK/);
    expect(jk.readings?.socPm).toBeGreaterThan(0);
    expect(result.units[3].readings?.packMv).toBeGreaterThan(0);
    expect(result.missing).toEqual([]);
  });

  it('R12 two boards set to the same address are reported as a problem, not listed as one', async () => {
    rig = bankRig(ourUnits(3));
    const twin = createVirtualBms({ clock: fastClock(10), serial: 'VB-TWIN', factoryConfig: { rs485_address: 2 }, profile: BUS_BMS_PROFILE });
    rig.bus.attach(twin.port, 'twin at address 2');
    await rig.ready();
    await untilRunning(twin, 5_000);
    const result = await scanBus(rig.host, { addresses: [1, 2, 3], families: ['bms'] });
    expect(result.units.map((u) => u.address)).toEqual([1, 3]);
    expect(result.missing).toEqual([2]);
    expect(result.problems).toEqual([{ address: 2, family: 'bms', detail: expect.stringMatching(/two units may share this address/) }]);
    await twin.powerOff();
  });
});
