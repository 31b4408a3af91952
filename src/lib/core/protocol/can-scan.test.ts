/**
 * The bus scan behind `bms-flasher can-scan`, on one virtual bus carrying a LibreSolar BMS-C1 (ThingSet
 * node 0x01) and a foxBMS 2 master, through our SLCAN driver and a virtual adapter.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FoxBmsNode } from '../virtual-bms/foxbms/foxbms-node';
import { startLibreSolarCanRig, type LibreSolarCanRig } from '../virtual-bms/libresolar/libresolar-can-rig';
import { scanCanBus } from './can-scan';
import { FoxBmsBootloaderClient } from './foxbms/foxbms-client';
import { prepareFoxBinary } from './foxbms/foxbms-binary';

let rig: LibreSolarCanRig | undefined;
let fox: FoxBmsNode | undefined;
afterEach(async () => {
  fox?.powerOff();
  await rig?.close();
  rig = fox = undefined;
});

describe('CAN bus scan', () => {
  it('R12 lists the ThingSet node with its identity and the foxBMS bootloader that answers the probe', async () => {
    rig = await startLibreSolarCanRig({ bms: { reportPeriodMs: 300 } });
    fox = new FoxBmsNode(rig.bus);
    fox.powerOn(); // empty flash: the bootloader keeps waiting after its window
    const result = await scanCanBus(rig.adapter, { listenMs: 1200, identify: true, probeFoxBms: true });
    expect(result.thingset).toEqual([
      expect.objectContaining({ address: 0x01, eui64: '3F8C21D0B7A45E19', identity: expect.objectContaining({ cDeviceType: 'BMS C1', cFirmwareVersion: 'v23.1-94-g9ff895e' }) })
    ]);
    expect(result.foxbms).toMatchObject({ bootloaderVersion: '1.11.0', applicationMessages: [] });
    expect(result.unknownIds).toEqual([]);
  });

  it('R12 recognises a running foxBMS application by its DBC telemetry without sending anything', async () => {
    rig = await startLibreSolarCanRig({ bms: { reportPeriodMs: 0 } });
    fox = new FoxBmsNode(rig.bus, { cyclePeriodMs: 100 });
    fox.powerOn();
    // Flash a small application through the same adapter; after its reset the node runs it.
    const loader = new FoxBmsBootloaderClient(rig.adapter, { sectorPauseMs: 0, firstLoopPauseMs: 0, statusMs: 300 });
    await loader.waitForBootloader(2000);
    await loader.loadApp(prepareFoxBinary(Uint8Array.from({ length: 32 + 0x800 }, (_, i) => (i * 5 + 1) & 0xff)));
    loader.close();
    while (fox.mode !== 'application') await new Promise((resolve) => setTimeout(resolve, 20));
    const sent = rig.device.received.length;
    const result = await scanCanBus(rig.adapter, { listenMs: 1000 });
    expect(rig.device.received.length).toBe(sent); // listening wrote nothing to the adapter
    expect(result.foxbms?.applicationMessages).toContain('f_BmsState');
    expect(result.thingset).toEqual([]); // no report, claim before the scan began: a silent node is not listed
    const asked = await scanCanBus(rig.adapter, { listenMs: 100, discover: [0x01, 0x02] });
    expect(asked.thingset).toEqual([expect.objectContaining({ address: 0x01, claims: 1 })]); // found by discovery
  });
});
