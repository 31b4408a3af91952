/**
 * ThingSet over CAN, end to end: our SLCAN driver → virtual SLCAN adapter → virtual bus → the virtual
 * LibreSolar CAN board (BMS-C1, 8S50-IC). Identifiers and ISO-TP frames against the known answers,
 * discovery from address claims and reports, identity, Meas, a Conf backup and restore, and complete
 * firmware updates with the version read back after the restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dataFrame } from '../../link/can/can-frame';
import { CanReceiver } from '../../link/can/can-receiver';
import { segment } from '../../link/can/isotp-codec';
import { startLibreSolarCanRig, type LibreSolarCanRig } from '../../virtual-bms/libresolar/libresolar-can-rig';
import { makeLibreSolarFirmware } from '../../virtual-bms/libresolar/libresolar-firmware';
import { encodeBinaryRequest } from './binary-codec';
import { addressClaimFrame, parseThingSetId, reportFrames, requestId, ReportAssembler } from './can-ids';
import { ThingSetCanBus } from './can-client';
import { installImageCan, transferImageCan } from './can-dfu';
import type { JsonObject } from './text-codec';
import type { ThingSetReport } from './text-client';
import { BINARY_VECTORS, CAN_VECTORS } from './thingset-vectors';

const SLOT = 0x10000;
let rig: LibreSolarCanRig | undefined;
let bus: ThingSetCanBus | undefined;
afterEach(async () => {
  bus?.close();
  await rig?.close();
  rig = bus = undefined;
});

async function start(options: Parameters<typeof startLibreSolarCanRig>[0] = {}) {
  rig = await startLibreSolarCanRig({ ...options, bms: { slotSize: SLOT, reportPeriodMs: 0, ...options.bms } });
  bus = new ThingSetCanBus(rig.adapter);
  const node = await bus.nextClaim(rig.bms.canAddress!, 3000);
  return { rig, bus, node, client: bus.client(node.address, 2000) };
}

const image = (version: string, extra: Partial<Parameters<typeof makeLibreSolarFirmware>[0]> = {}) => makeLibreSolarFirmware({ slotSize: SLOT, ...extra, version });

describe('ThingSet CAN identifiers and frames', () => {
  it('R12 builds the 29-bit request / answer ids of device-families.md §2 and the address claim', () => {
    expect(requestId(CAN_VECTORS.request.route)).toBe(CAN_VECTORS.request.id);
    expect(requestId(CAN_VECTORS.answer.route)).toBe(CAN_VECTORS.answer.id);
    expect(requestId(CAN_VECTORS.routed.route)).toBe(CAN_VECTORS.routed.id);
    const claim = addressClaimFrame(0x01, CAN_VECTORS.claim.data);
    expect(claim).toMatchObject({ id: CAN_VECTORS.claim.id, extended: true, data: CAN_VECTORS.claim.data });
    expect(parseThingSetId(claim)).toMatchObject({ type: 'network', priority: 4, target: 0xff, source: 0x01 });
    expect(parseThingSetId(dataFrame(CAN_VECTORS.routed.id, [0], true))).toMatchObject({ type: 'request', target: 0x2a, source: 0x05, targetBus: 3, sourceBus: 1 });
    expect(() => requestId({ target: 0xfe, source: 0 })).toThrowError(expect.objectContaining({ code: 'CAN_FRAME_INVALID' }));
  });

  it('R12 carries the `01 19 07 04` GET and its answer as single ISO-TP frames', () => {
    expect(segment(encodeBinaryRequest(BINARY_VECTORS.getRequest.request))).toEqual([CAN_VECTORS.getFrame]);
    expect(segment(BINARY_VECTORS.getResponse.bytes)).toEqual([CAN_VECTORS.answerFrame]);
  });

  it('R12 splits and reassembles a multi-frame report; a missing frame drops the report', () => {
    const message = Uint8Array.from({ length: 20 }, (_, i) => i);
    const frames = reportFrames(0x07, 2, message);
    expect(frames.map((f) => f.data.length)).toEqual([8, 8, 4]);
    const assembler = new ReportAssembler();
    const results = frames.map((f) => assembler.push(parseThingSetId(f) as never, f.data));
    expect(results.at(-1)).toEqual(message);
    expect(assembler.push(parseThingSetId(frames[0]) as never, frames[0].data)).toBeUndefined();
    expect(assembler.push(parseThingSetId(frames[2]) as never, frames[2].data)).toBeUndefined(); // frame 1 lost
  });
});

describe('ThingSet CAN client against the virtual LibreSolar node', () => {
  it('R12 discovers the node from its address claim and reads its identity and Meas', async () => {
    const { bus, node, client } = await start();
    expect(node).toMatchObject({ address: 0x01, eui64: '3F8C21D0B7A45E19', seenBy: 'address claim' });
    expect(bus.nodes().map((n) => n.address)).toEqual([0x01]);
    expect(await client.get('Device')).toMatchObject({ cManufacturer: 'Libre Solar', cDeviceType: 'BMS C1', cFirmwareVersion: 'v23.1-94-g9ff895e' });
    expect(await client.get('pNodeID')).toBe('3F8C21D0B7A45E19');
    expect(await client.get('Meas/rSOC_pct')).toBe(55);
    const meas = (await client.get('Meas')) as JsonObject;
    expect((meas.rCellVoltages_V as number[]).length).toBe(16);
    expect(meas.rPackVoltage_V).toBeCloseTo((meas.rCellVoltages_V as number[]).reduce((a, b) => a + b, 0), 1);
    expect(await client.fetch('Meas', ['rSOC_pct', 'rBmsState'])).toEqual([55, 3]);
    // By id the device answers with ids as keys, as the library does.
    expect(await client.get(0x04)).toMatchObject({ '64': 'Libre Solar' });
  });

  it('R09 backs up Conf, changes a setting, restores the backup and reads back equal', async () => {
    const { client } = await start();
    const backup = (await client.get('Conf')) as JsonObject;
    expect(backup).toMatchObject({ sNominalCapacity_Ah: 100, sBalTargetVoltageDiff_V: 0.01, sBalIdleDelay_s: 1800 });
    await client.update('Conf', { sNominalCapacity_Ah: 123.4, sBalIdleDelay_s: 900 });
    expect(await client.fetch('Conf', ['sNominalCapacity_Ah', 'sBalIdleDelay_s'])).toEqual([123.4, 900]);
    const settings = Object.fromEntries(Object.entries(backup).filter(([, v]) => typeof v === 'number'));
    await client.update('Conf', settings);
    expect(await client.get('Conf')).toEqual(backup);
    expect(rig!.bms.snapshot().conf.sNominalCapacity_Ah).toBe(100);
  });

  it('R21 maps the device refusals to typed errors carrying its message, and silence to THINGSET_NO_ANSWER', async () => {
    const { client, bus } = await start();
    await expect(client.update('Meas', { rSOC_pct: 10 })).rejects.toMatchObject({ code: 'THINGSET_FORBIDDEN', detail: expect.stringContaining('Item rSOC_pct is read-only') });
    await expect(client.get('Nope')).rejects.toMatchObject({ code: 'THINGSET_NOT_FOUND', detail: expect.stringContaining('Invalid endpoint') });
    await expect(bus.client(0x33, 200).get('Device')).rejects.toMatchObject({ code: 'THINGSET_NO_ANSWER' });
  });

  it('R16 decodes the live reports (id-keyed on CAN) into the shape of the serial #mLive line', async () => {
    const { bus } = await start({ bms: { reportPeriodMs: 200 } });
    const report = await new Promise<{ address: number; report: ThingSetReport }>((resolve) => bus.onReport((address, r) => resolve({ address, report: r })));
    expect(report.address).toBe(0x01);
    expect(report.report.path).toBe('mLive');
    const meas = (report.report.values as JsonObject).Meas as JsonObject;
    expect(meas.rSOC_pct).toBe(55);
    expect((meas.rCellVoltages_V as number[]).length).toBe(16);
    expect(bus.nodes()[0].reports).toBeGreaterThan(0);
  });

  it('R12 a request longer than the node\'s 600-byte buffer is refused by ISO-TP, a chunk over bData with AF', async () => {
    const { client } = await start();
    await client.exec(0x2d0, []);
    await expect(client.request({ fn: 'exec', endpoint: 0x2d1, data: [new Uint8Array(700)] })).rejects.toMatchObject({ code: 'ISOTP_OVERFLOW' });
    expect(await client.request({ fn: 'exec', endpoint: 0x2d1, data: [new Uint8Array(257)] })).toMatchObject({ status: 0xaf });
    expect(await client.request({ fn: 'exec', endpoint: 0x2d1, data: [new Uint8Array(256)] })).toEqual({ status: 0x84, data: 0 });
  });
});

describe('firmware update over CAN', () => {
  it('R16 R21 a late answer to an abandoned request never passes for the next one', async () => {
    const { client } = await start();
    // xInit erases the slot before it answers: asked with too short a wait, its answer comes late.
    await expect(client.exec(0x2d0, [], { timeoutMs: 20 })).rejects.toMatchObject({ code: 'THINGSET_NO_ANSWER' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await client.get('Device/cDeviceType')).toBe('BMS C1');
  });

  it('R16 R21 a bus-off in the middle of a transfer ends it with a typed error, never a success', async () => {
    const { client, rig } = await start();
    const transfer = transferImageCan(client, image('24.5.0'), { onProgress: (sent) => sent >= 1024 && rig.bus.setBusOff(true) });
    const error = await transfer.then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'CAN_BUS_OFF' }); // the adapter refuses the next frame and reports the bus error
    expect(rig.bms.snapshot()).toMatchObject({ running: 'v23.1-94-g9ff895e', nextBoot: 'none' });
  }, 30_000);

  it('R12 R16 updates a BMS-C1: chunks sized to the device, version read back after its restart and new claim', async () => {
    const { bus, rig } = await start();
    const progress: number[] = [];
    const result = await installImageCan(bus, 0x01, image('24.2.0'), 'v24.2', { chunkSize: 1024, onProgress: (sent) => progress.push(sent) });
    expect(result).toEqual({ running: 'v24.2', chunkSize: 256 }); // 1024 and 512 refused on the first chunk
    expect(progress.at(-1)).toBe(image('24.2.0').length);
    expect(rig.bms.snapshot()).toMatchObject({ running: 'v24.2', slots: ['v24.2', undefined] });
    expect(bus.nodes()[0].claims).toBe(2);
  }, 30_000);

  it('R19 R21 BMS-C1 keeps its old firmware when the bootloader refuses a damaged image: reported, never success', async () => {
    const { bus, rig } = await start();
    const bad = image('24.3.0');
    bad[0x300] ^= 0x01;
    await expect(installImageCan(bus, 0x01, bad, 'v24.3')).rejects.toMatchObject({ code: 'THINGSET_DFU_REFUSED', detail: expect.stringContaining('v23.1-94-g9ff895e') });
    expect(rig.bms.snapshot().bootLog.map((e) => e.phase)).toContain('image_rejected');
  }, 30_000);

  it('R19 a boot-looping image leaves a BMS-C1 (no revert) silent on the bus: THINGSET_NO_ANSWER, never success', async () => {
    const { bus } = await start();
    const looping = image('26.0.0', { behaviour: { bootLoop: true } });
    await expect(installImageCan(bus, 0x01, looping, 'v26.0', { restartWithinMs: 3000 })).rejects.toMatchObject({ code: 'THINGSET_NO_ANSWER' });
    await expect(bus.client(0x01, 200).get('Device')).rejects.toMatchObject({ code: 'THINGSET_NO_ANSWER' });
  }, 30_000);

  it('R12 an 8S50-IC on CAN (swap bootloader) installs a signed image; stock firmware never confirms it', async () => {
    const { bus, rig } = await start({ bms: { board: '8s50-ic' }, address: 0x0a });
    expect(await bus.client(0x0a).get('Device/cDeviceType')).toBe('BMS 8S50 IC');
    expect(((await bus.client(0x0a).get('Meas/rCellVoltages_V')) as number[]).length).toBe(8);
    expect(await installImageCan(bus, 0x0a, image('24.4.0'), 'v24.4')).toMatchObject({ running: 'v24.4' });
    expect(rig.bms.snapshot().nextBoot).toBe('revert');
  }, 30_000);
});

describe('the virtual node on the bus', () => {
  it('R12 answers an address discovery of its address with its claim, so a quiet node is still found', async () => {
    const { bus } = await start();
    expect(await bus.discover(0x01)).toMatchObject({ address: 0x01, claims: 2, eui64: '3F8C21D0B7A45E19' });
    expect(await bus.discover(0x02, 300)).toBeUndefined();
  });

  it('R12 is gone while it resets (no acknowledgement) and claims its address again when back', async () => {
    const { rig, client } = await start();
    const receiver = new CanReceiver(rig.adapter);
    await client.exec('Device/xReset', [], { expectAnswer: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rig.bms.status).not.toBe('app');
    const claim = await receiver.next((f) => f.id === CAN_VECTORS.claim.id, 3000);
    expect(claim.data).toEqual(CAN_VECTORS.claim.data);
    expect(rig.bms.status).toBe('app');
    receiver.close();
  });
});
