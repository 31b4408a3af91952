import { afterEach, describe, expect, it } from 'vitest';
import { BmsError } from '../../errors';
import { BatteryModel, defaultBatteryState } from '../board/battery';
import type { CanFrame } from '../../link/can/can-frame';
import { CanReceiver } from '../../link/can/can-receiver';
import { encodeSlcanLine } from '../../link/can/slcan-codec';
import { FoxBmsBootloaderClient, type FoxTimings } from '../../protocol/foxbms/foxbms-client';
import { prepareFoxBinary } from '../../protocol/foxbms/foxbms-binary';
import { AckMessage, AckStatus, decodeAcknowledge, decodeLoopInfo, FoxId, isFrame } from '../../protocol/foxbms/foxbms-frames';
import { REQUEST_VECTORS } from '../../protocol/foxbms/foxbms-vectors';
import { applyFoxAppFrame, emptyFoxTelemetry } from '../../protocol/foxbms/foxbms-telemetry';
import { startFoxRig, type FoxRig } from './foxbms-rig';
import type { FoxBmsNodeOptions } from './foxbms-node';

/** The host's waits, shortened where they only wait for real flash or a human (reset settle, sector pauses). */
const FAST: Partial<FoxTimings> = { resetSettleMs: 50, sectorPauseMs: 0, firstLoopPauseMs: 0, runSettleMs: 0, statusMs: 300, ackMs: 500 };

/** A recognisable application: the vector table, then `programBytes` of program. */
function testBin(programBytes: number): Uint8Array {
  return Uint8Array.from({ length: 32 + programBytes }, (_, i) => (i * 13 + (i >> 9) + 1) & 0xff);
}

const line = (frame: CanFrame) => new TextDecoder().decode(encodeSlcanLine({ kind: 'frame', frame })).trimEnd();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BmsError);
  expect((error as BmsError).code).toBe(code);
}

let rig: FoxRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** A rig with the node in its bootloader, caught in the power-on window by our client. */
async function caughtInBootloader(node?: FoxBmsNodeOptions) {
  rig = await startFoxRig({ node });
  rig.node.powerOn();
  const client = new FoxBmsBootloaderClient(rig.adapter, FAST);
  await client.waitForBootloader(2000);
  return { rig, client };
}

describe('virtual foxBMS 2 node behind a virtual SLCAN adapter', () => {
  it('R12 answers the status probe in its fresh state exactly as the real v1.11.0 bootloader', async () => {
    rig = await startFoxRig();
    const receiver = new CanReceiver(rig.adapter);
    rig.node.powerOn();
    const probe = await new FoxBmsBootloaderClient(rig.adapter, FAST).waitForBootloader(2000);
    expect(probe).toMatchObject({ states: { canFsm: 1, bootFsm: 1 }, loop: 0, version: { major: 1, minor: 11, patch: 0 } });
    const answer = (id: number) => receiver.next((f) => isFrame(f, id), 500).then(line);
    expect(await answer(FoxId.fsmStates)).toBe(REQUEST_VECTORS.answerFsmStates);
    expect(await answer(FoxId.dataTransferInfo)).toBe(REQUEST_VECTORS.answerTransferInfo);
    const versionLines = await Promise.all([0, 1, 2, 3, 4].map(() => answer(FoxId.versionInfo)));
    expect(versionLines).toContain(REQUEST_VECTORS.answerVersion);
  });

  it('R12 R08 flashes two sectors through SLCAN; after its own reset the node runs exactly what was written', async () => {
    const { client } = await caughtInBootloader();
    const bin = testBin(0x24000);
    const phases: string[] = [];
    await client.loadApp(prepareFoxBinary(bin), (p) => phases.push(p.phase));
    expect(phases.filter((p) => p === 'crc')).toHaveLength(2);
    expect(client.resends).toBe(0);
    const installed = rig!.node.flash.installedImage()!;
    expect(installed.subarray(0, bin.length)).toEqual(bin);
    expect(installed.subarray(bin.length).every((b) => b === 0)).toBe(true);
    // The bootloader stored the program info and reset; unprobed, 500 ms later it starts the application.
    await new CanReceiver(rig!.adapter).next((f) => isFrame(f, FoxId.bmsState), 2000);
    expect(rig!.node.mode).toBe('application');
    expect(rig!.node.appStarts).toBe(1);
  });

  it('R12 R18 decodes the application telemetry equal to the battery model it measures (a dead sensor is invalid)', async () => {
    const state = { ...defaultBatteryState(Date.now()), failedSensors: [2] };
    const battery = new BatteryModel(state, () => Date.now(), 7);
    // One broadcast cycle only, so the frames all come from the sample the node kept.
    const { client } = await caughtInBootloader({ battery, cyclePeriodMs: 60_000 });
    await client.loadApp(prepareFoxBinary(testBin(0x1000)));
    const receiver = new CanReceiver(rig!.adapter);
    await receiver.next((f) => isFrame(f, FoxId.bmsState), 2000);
    const sample = rig!.node.lastSample!;
    const telemetry = emptyFoxTelemetry();
    for (;;) {
      const frame = await receiver.next(() => true, 300).catch(() => undefined);
      if (!frame) break;
      applyFoxAppFrame(telemetry, frame);
    }
    expect(telemetry.cellVoltagesMv).toEqual(sample.cells_mv);
    expect(telemetry.cellTemperaturesC.slice(0, sample.temps_dc.length)).toEqual(sample.temps_dc.map((dc) => (dc === null ? null : Math.round(dc / 10))));
    expect(telemetry.cellTemperaturesC[2]).toBeNull();
    expect(telemetry.socMinPct).toBeCloseTo(sample.soc_pm / 10, 5);
    expect(Math.abs(telemetry.currentA! - sample.current_ma / 1000)).toBeLessThanOrEqual(0.005 + 1e-9); // 0.01 A resolution
    expect(Math.abs(telemetry.batteryVoltageV! - sample.pack_mv / 1000)).toBeLessThanOrEqual(0.05 + 1e-9); // 0.1 V resolution
    expect(telemetry.stringConnected).toBe(true);
    expect(Math.abs(telemetry.stringVoltageV! - sample.pack_mv / 1000)).toBeLessThanOrEqual(0.005 + 1e-9); // 0.01 V resolution
    expect(telemetry.minCellMv).toBe(Math.min(...sample.cells_mv));
    expect(telemetry.maxCellMv).toBe(Math.max(...sample.cells_mv));
  });

  it('R16 R21 resends a sub-sector whose loop number was lost, and the result is intact', async () => {
    const { client } = await caughtInBootloader();
    let dropped = 0;
    rig!.bus.dropFrames((f) => f.id === FoxId.loopInfo && decodeLoopInfo(f) === 1500 && dropped++ === 0);
    const bin = testBin(0x18000);
    await client.loadApp(prepareFoxBinary(bin));
    expect(dropped).toBeGreaterThan(1); // lost once, sent again
    expect(client.resends).toBe(1);
    expect(rig!.node.flash.installedImage()!.subarray(0, bin.length)).toEqual(bin);
  });

  it('R08 R21 a lost data word shifts the sector, its CRC-64 refuses it, and the host resets and starts over', async () => {
    const { client } = await caughtInBootloader();
    let lastLoop = 0;
    let dropped = false;
    rig!.bus.dropFrames((f) => {
      if (f.id === FoxId.loopInfo) lastLoop = decodeLoopInfo(f);
      if (f.id !== FoxId.data8Bytes || lastLoop !== 1500 || dropped) return false;
      return (dropped = true);
    });
    const refusals: boolean[] = [];
    rig!.bus.attach({
      receive: (f) => {
        if (!isFrame(f, FoxId.acknowledge)) return;
        const ack = decodeAcknowledge(f);
        if (ack.message === AckMessage.crc8Bytes && ack.status === AckStatus.processed) refusals.push(!ack.response);
      }
    });
    const bin = testBin(0x18000);
    await client.loadApp(prepareFoxBinary(bin));
    expect(client.resends).toBeGreaterThanOrEqual(1);
    expect(refusals).toEqual([true, false]); // refused once, accepted after the reset and the new transfer
    // The first attempt never stored program info: only the second, complete transfer did.
    expect(rig!.node.flash.installedImage()!.subarray(0, bin.length)).toEqual(bin);
    expect(rig!.node.flash.programValid()).toBe(true);
  });

  it('R12 the 500 ms window: a running application is reported; a power cycle while probing catches the bootloader if the transfer starts at once', async () => {
    const { client } = await caughtInBootloader();
    const binary = prepareFoxBinary(testBin(0x1000));
    await client.loadApp(binary);
    await sleep(700);
    expect(rig!.node.mode).toBe('application');
    expect((await client.probe()).applicationRunning).toBe(true);
    await expectCode(client.waitForBootloader(1000), 'FOXBMS_APP_RUNNING');
    // Status requests alone do not move the bootloader's state: 500 ms after power-on the application starts.
    rig!.node.powerOff();
    let waiting = client.waitForBootloader(5000);
    await sleep(200);
    rig!.node.powerOn();
    expect((await waiting).states).toEqual({ canFsm: 1, bootFsm: 1 });
    await sleep(700);
    expect(rig!.node.mode).toBe('application');
    // The transfer command right after the probe does keep it: load-app catches the window.
    rig!.node.powerOff();
    waiting = client.waitForBootloader(5000);
    await sleep(200);
    rig!.node.powerOn();
    await waiting;
    await client.loadApp(binary);
    expect(rig!.node.appStarts).toBe(2);
  });

  it('R16 an adapter unplugged mid-transfer is reported, and the half-written application never runs', async () => {
    const { client } = await caughtInBootloader();
    const loading = client.loadApp(prepareFoxBinary(testBin(0x1000)), (p) => {
      if (p.loopsDone >= 4096) rig!.link.disconnect('USB cable pulled');
    });
    await expectCode(loading, 'SLCAN_ADAPTER_UNPLUGGED');
    rig!.node.powerOff();
    rig!.node.powerOn();
    await sleep(700);
    expect(rig!.node.mode).toBe('bootloader');
    expect(rig!.node.appStarts).toBe(0);
  });

  it('R16 a bus-off mid-transfer is reported as CAN_BUS_OFF, never as success', async () => {
    const { client } = await caughtInBootloader();
    const loading = client.loadApp(prepareFoxBinary(testBin(0x1000)), (p) => {
      if (p.loopsDone >= 2048) rig!.bus.setBusOff(true);
    });
    await expectCode(loading, 'CAN_BUS_OFF');
    expect(rig!.node.flash.info).toBeUndefined();
  });

  it('R26 a flash that no longer matches its CRC-64 does not start; run-app says there is no valid program', async () => {
    const { client } = await caughtInBootloader();
    await client.loadApp(prepareFoxBinary(testBin(0x1000)));
    await sleep(700);
    rig!.node.powerOff();
    rig!.node.flash.program[0x800] ^= 0x01; // one bit of the program rots
    rig!.node.powerOn();
    await sleep(700);
    expect(rig!.node.mode).toBe('bootloader');
    await client.waitForBootloader(1000);
    await expectCode(client.runApp(), 'FOXBMS_NO_VALID_PROGRAM');
  });
});
