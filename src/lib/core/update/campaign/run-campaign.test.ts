import { afterEach, describe, expect, it } from 'vitest';
import { makeTestFirmware } from '../../virtual-bms/firmware-behaviour';
import { ourUnits } from '../testing/bank-rig';
import { createBankBench, type BankBench } from '../testing/bank-bench';
import { runCampaign, type CampaignEvent } from './run-campaign';

let bench: BankBench | undefined;
afterEach(async () => {
  await bench?.stop();
  bench = undefined;
});

const IMAGE = makeTestFirmware({ version: '1.1.0', size: 6000 });

describe('bank campaign (R05, R12: one run for every unit of a bus)', () => {
  it('R12 R18 a bank update of all 8 units ends with every unit running the new image, confirmed as read back', { timeout: 120_000 }, async () => {
    bench = createBankBench(ourUnits(8));
    await bench.rig.ready();
    const record = await runCampaign(bench.campaign(IMAGE));
    expect(record.status).toBe('complete');
    expect(record.units.map((u) => [u.address, u.outcome, u.versionBefore, u.versionAfter, u.confirmed, u.transfer])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((a) => [a, 'updated', '1.0.0+0', '1.1.0+0', true, 'broadcast'])
    );
    expect(record.broadcastMs).toBeGreaterThan(0);
    for (const unit of record.units) expect(unit.readings?.packMv).toBeGreaterThan(40_000);
    for (const unit of bench.rig.units) expect(unit.bms!.snapshot()).toMatchObject({ confirmed: true, slots: [{ version: '1.1.0+0' }, { version: '1.0.0+0' }] });
  });

  it('R19 a unit that fails its self-test rolls back; the campaign stops there and its report says so', { timeout: 120_000 }, async () => {
    bench = createBankBench(ourUnits(4));
    await bench.rig.ready();
    // unit 2's RS485 transceiver test fails on the new firmware's first start
    bench.rig.units[1].bms!.setInterfaceFault('rs485', true);
    const record = await runCampaign(bench.campaign(IMAGE));
    expect(record.status).toBe('stopped');
    expect(record.units.map((u) => [u.address, u.outcome, u.versionAfter])).toEqual([
      [1, 'updated', '1.1.0+0'],
      [2, 'rolled-back', '1.0.0+0']
    ]);
    expect(record.units[1].error?.code).toMatch(/SELF_TEST/);
    // units 3 and 4 were not touched
    expect(bench.rig.units.slice(2).map((u) => u.bms!.snapshot().slots[0]?.version)).toEqual(['1.0.0+0', '1.0.0+0']);
  });

  it('R12 told to continue, the campaign updates the other units past a failure', { timeout: 120_000 }, async () => {
    bench = createBankBench(ourUnits(3));
    await bench.rig.ready();
    bench.rig.units[0].bms!.setInterfaceFault('rs485', true);
    const record = await runCampaign(bench.campaign(IMAGE, { continueOnFailure: true }));
    expect(record.units.map((u) => u.outcome)).toEqual(['rolled-back', 'updated', 'updated']);
    expect(record.status).toBe('stopped');
  });

  it('R16 an interrupted campaign resumes without redoing the units already updated', { timeout: 120_000 }, async () => {
    bench = createBankBench(ourUnits(4));
    await bench.rig.ready();
    const stop = new AbortController();
    const first = await runCampaign(
      bench.campaign(IMAGE, {
        signal: stop.signal,
        onEvent: (e) => {
          if (e.type === 'unit-done' && e.unit.address === 2) stop.abort();
        }
      })
    );
    expect(first.status).toBe('interrupted');
    expect(first.units.map((u) => u.outcome)).toEqual(['updated', 'updated']);
    const started: number[] = [];
    const onEvent = (e: CampaignEvent) => e.type === 'unit-start' && started.push(e.address);
    const resumed = await runCampaign(bench.campaign(IMAGE, { resume: first.id, onEvent }));
    expect(started).toEqual([3, 4]);
    expect(resumed.status).toBe('complete');
    expect(resumed.units.map((u) => u.reportId).slice(0, 2)).toEqual(first.units.map((u) => u.reportId));
    expect(bench.rig.units.map((u) => u.bms!.snapshot().slots[0]?.version)).toEqual(Array(4).fill('1.1.0+0'));
  });

  it('R12 units whose firmware lacks the broadcast extension get the image unit by unit', { timeout: 120_000 }, async () => {
    const old = makeTestFirmware({ version: '1.0.0', behaviour: { noBroadcast: true } });
    bench = createBankBench([{ family: 'bms' }, { family: 'bms', bms: { factoryImage: old } }, { family: 'bms' }]);
    await bench.rig.ready();
    const record = await runCampaign(bench.campaign(IMAGE));
    expect(record.units.map((u) => [u.outcome, u.transfer])).toEqual([
      ['updated', 'broadcast'],
      ['updated', 'unit-by-unit'],
      ['updated', 'broadcast']
    ]);
  });

  it('R12 a unit that dropped off the bus is reported missing and stops the campaign before it', { timeout: 120_000 }, async () => {
    bench = createBankBench(ourUnits(3));
    await bench.rig.ready();
    bench.rig.units[1].tap.dropped = true;
    const record = await runCampaign(bench.campaign(IMAGE));
    expect(record.status).toBe('stopped');
    expect(record.units.map((u) => [u.address, u.outcome])).toEqual([
      [1, 'updated'],
      [2, 'missing']
    ]);
    expect(bench.rig.units[2].bms!.snapshot().slots[0]?.version).toBe('1.0.0+0');
  });

  it('a resume with another image file is refused', async () => {
    bench = createBankBench(ourUnits(1));
    const record = await runCampaign(bench.campaign(IMAGE, { addresses: [] }));
    await expect(runCampaign(bench.campaign(makeTestFirmware({ version: '1.2.0' }), { resume: record.id }))).rejects.toMatchObject({ code: 'RS485_CAMPAIGN_MISMATCH' });
  });
});
