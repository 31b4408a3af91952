import { describe, expect, it } from 'vitest';
import type { CborMap } from '../protocol/smp/cbor';
import { BMS_GROUP_ID, BmsCommand, ProtectionFlag } from '../protocol/smp/groups/bms-group';
import { encodeSerialFrames } from '../protocol/smp/serial-frame';
import { ImageCommand, MgmtRc, OsCommand, SmpGroup } from '../protocol/smp/smp-ids';
import { SmpOp, encodePacket } from '../protocol/smp/smp-packet';
import { createManualClock } from './board/device-clock';
import { makeTestFirmware } from './firmware-behaviour';
import { authenticate, createSmpHarness, resetAndWait, startVirtualBms, uploadImage, SmpTimeout } from './testing/smp-harness';
import { createVirtualBms } from './virtual-bms';

const read = (smp: Awaited<ReturnType<typeof startVirtualBms>>['smp'], group: number, command: number, body: CborMap = {}) =>
  smp.request(group, command, 'read', body).then((p) => p.body);

describe('virtual BMS out of the box', () => {
  it('R17 R18 boots its factory firmware and logs the reboot sequence in order', async () => {
    const { smp } = await startVirtualBms();
    const identity = await read(smp, BMS_GROUP_ID, BmsCommand.identity);
    expect(identity).toMatchObject({ model: 'VBMS-16S', hw_rev: 'B', bl_version: '2.1.0', fw_version: '1.0.0+0', sec_cnt: 1, in_bootloader: false });
    const events = (await read(smp, BMS_GROUP_ID, BmsCommand.bootLog)).events as CborMap[];
    const phases = events.map((e) => e.phase);
    expect(phases.filter((p) => p !== 'image_check')).toEqual(['reset', 'protections_off', 'firmware_loaded', 'protections_on', 'self_test']);
    const times = events.map((e) => e.t_ms as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(await read(smp, BMS_GROUP_ID, BmsCommand.selfTest)).toMatchObject({ done: true, pass: true });
  });

  it('answers echo, params (Zephyr defaults) and bootloader info; unknown commands get ENOTSUP', async () => {
    const { smp } = await startVirtualBms();
    expect((await smp.request(SmpGroup.os, OsCommand.echo, 'write', { d: 'ping' })).body).toEqual({ r: 'ping' });
    expect(await read(smp, SmpGroup.os, OsCommand.params)).toEqual({ buf_size: 384, buf_count: 4 });
    expect(await read(smp, SmpGroup.os, OsCommand.bootloaderInfo)).toEqual({ bootloader: 'MCUboot' });
    expect(await read(smp, SmpGroup.os, OsCommand.bootloaderInfo, { query: 'mode' })).toEqual({ mode: 3 });
    expect(await read(smp, SmpGroup.os, 2)).toEqual({ rc: MgmtRc.NOT_SUPPORTED });
    expect(await read(smp, 9, 0)).toEqual({ rc: MgmtRc.NOT_SUPPORTED });
    expect(await read(smp, SmpGroup.image, ImageCommand.slotInfo)).toEqual({
      images: [{ image: 0, slots: [{ slot: 0, size: 0x20000 }, { slot: 1, size: 0x20000 }], max_image_size: 0x1e000 }]
    });
  });

  it('keeps the request version and sequence number in its answers', async () => {
    const { smp } = await startVirtualBms();
    const v1 = await smp.request(SmpGroup.os, OsCommand.echo, 'read', { d: 'a' }, { version: 0 });
    expect(v1.header).toMatchObject({ version: 0, op: SmpOp.readResponse });
    const v2 = await smp.request(SmpGroup.os, OsCommand.echo, 'write', { d: 'a' }, { version: 1 });
    expect(v2.header).toMatchObject({ version: 1, op: SmpOp.writeResponse });
  });

  it('drops packets larger than buf_size and lines longer than its line buffer, as a Zephyr UART does', async () => {
    const { smp } = await startVirtualBms();
    await expect(smp.request(SmpGroup.os, OsCommand.echo, 'write', { d: 'x'.repeat(400) }, { timeoutMs: 2000 })).rejects.toBeInstanceOf(SmpTimeout);
    const packet = encodePacket({ version: 1, op: SmpOp.write, group: 0, seq: 200, command: 0, body: { d: 'long line' } });
    smp.send(encodeSerialFrames(packet, { lineLength: 200 }));
    smp.send(encodeSerialFrames(encodePacket({ version: 1, op: SmpOp.write, group: 0, seq: 201, command: 0, body: { d: 'y'.repeat(150) } }), { lineLength: 250 }));
    await smp.advance(1000);
    expect(smp.unclaimed.map((p) => p.header.seq)).toEqual([200]);
  });

  it('holds at most buf_count requests while busy and drops the rest', async () => {
    const clock = createManualClock();
    const bms = createVirtualBms({ clock, smp: { bufCount: 2 } });
    const smp = createSmpHarness(bms, clock);
    await smp.waitUntilReady();
    bms.setResponseDelay(50);
    for (let seq = 1; seq <= 5; seq += 1) {
      smp.send(encodeSerialFrames(encodePacket({ version: 1, op: SmpOp.read, group: 0, seq, command: 0, body: { d: `${seq}` } })));
    }
    await smp.advance(1000);
    expect(smp.unclaimed.map((p) => p.header.seq)).toEqual([1, 2]);
  });

  it('R01 R02 R03 reports telemetry from the battery model and follows its knobs', async () => {
    const { smp, bms } = await startVirtualBms({ seed: 7 });
    bms.battery.setSoc(150);
    bms.battery.setTemperature(-50);
    bms.battery.failTemperatureSensor(1);
    const telemetry = await read(smp, BMS_GROUP_ID, BmsCommand.telemetry);
    expect(telemetry.soc_pm).toBe(150);
    expect((telemetry.cells_mv as number[]).length).toBe(16);
    expect((telemetry.temps_dc as (number | null)[])[1]).toBeNull();
    expect((telemetry.temps_dc as number[])[0]).toBeLessThan(0);
    bms.battery.setSupplyInstability({ rippleMv: 0, dropMv: 0, dropChance: 0 });
    const steady = await supplySpread(smp);
    bms.battery.setSupplyInstability({ rippleMv: 900, dropMv: 3000, dropChance: 0.3 });
    const unstable = await supplySpread(smp);
    expect(steady).toBeLessThan(30);
    expect(unstable).toBeGreaterThan(1500);
  });

  it('R01 drifts the state of charge with the current over time', async () => {
    const { smp, bms } = await startVirtualBms();
    bms.battery.setSoc(500);
    bms.battery.setCurrent(-50_000);
    await smp.advance(3_600_000 / 10);
    expect((await read(smp, BMS_GROUP_ID, BmsCommand.telemetry)).soc_pm).toBe(450);
  });

  it('reports protections from its settings: an overvoltage cell opens the charge FET', async () => {
    const { smp, bms } = await startVirtualBms();
    await authenticate(smp);
    await smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { config: { cell_ov_mv: 3500 } });
    expect((await read(smp, BMS_GROUP_ID, BmsCommand.telemetry)).protections).toBe(0);
    bms.battery.setSoc(1000);
    const telemetry = await read(smp, BMS_GROUP_ID, BmsCommand.telemetry);
    expect((telemetry.protections as number) & ProtectionFlag.cellOvervoltage).toBeTruthy();
    expect(telemetry).toMatchObject({ chg_fet: false, dsg_fet: true });
  });

  it('R20 runs the balance test in a few seconds; a stuck cell fails it; a protection prevents it', async () => {
    const { smp, bms, clock } = await startVirtualBms();
    await authenticate(smp);
    const started = clock.now();
    const report = (await smp.request(BMS_GROUP_ID, BmsCommand.balanceTest, 'write')).body;
    expect(clock.now() - started).toBeGreaterThanOrEqual(3000);
    expect(report).toMatchObject({ pass: true });
    bms.battery.setStuckCell(5);
    const stuck = (await smp.request(BMS_GROUP_ID, BmsCommand.balanceTest, 'write')).body;
    expect(stuck.pass).toBe(false);
    expect((stuck.cells as CborMap[]).filter((c) => !c.ok).map((c) => c.index)).toEqual([5]);
    bms.battery.setTemperature(700);
    expect((await smp.request(BMS_GROUP_ID, BmsCommand.balanceTest, 'write')).body).toMatchObject({ err: { group: 64, rc: 7 } });
  });

  it('R18 fails the self-test on a calibration error or an off-rate RS485 transceiver', async () => {
    const { smp, bms } = await startVirtualBms();
    await authenticate(smp);
    bms.battery.setCalibrationError(80);
    bms.setInterfaceFault('rs485', true);
    await resetAndWait(smp);
    const report = await read(smp, BMS_GROUP_ID, BmsCommand.selfTest);
    const failed = (report.items as CborMap[]).filter((i) => !i.pass).map((i) => i.name);
    expect(report.pass).toBe(false);
    expect(failed).toEqual(['voltage_calibration', 'rs485']);
  });

  it('R06 runs its UART at the configured RS485 rate, applied at the next reset', async () => {
    const { smp, bms } = await startVirtualBms();
    expect(bms.port.baudRate).toBe(115200);
    await authenticate(smp);
    await smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { config: { rs485_baud: 19200 } });
    expect(bms.port.baudRate).toBe(115200);
    await resetAndWait(smp);
    expect(bms.port.baudRate).toBe(19200);
  });

  it('survives export to JSON and import: firmware, pending update, settings, counter, keys', async () => {
    const { smp, bms } = await startVirtualBms({ serial: 'VB-EXPORT-1' });
    await authenticate(smp);
    await smp.request(BMS_GROUP_ID, BmsCommand.config, 'write', { config: { device_name: 'Saved' } });
    await uploadImage(smp, makeTestFirmware({ version: '1.1.0', securityCounter: 2 }));
    const hash = ((await smp.request(SmpGroup.image, ImageCommand.state, 'read')).body.images as CborMap[])[1].hash as Uint8Array;
    await smp.request(SmpGroup.image, ImageCommand.state, 'write', { hash, confirm: false });
    const json = JSON.stringify(bms.exportState());
    const restored = await startVirtualBms({ state: JSON.parse(json) });
    expect(restored.bms.identity.serial).toBe('VB-EXPORT-1');
    expect(restored.bms.snapshot().slots[0]?.version).toBe('1.1.0+0');
    expect(restored.bms.snapshot().config.device_name).toBe('Saved');
    await authenticate(restored.smp);
    expect((await read(restored.smp, BMS_GROUP_ID, BmsCommand.identity)).fw_version).toBe('1.1.0+0');
    expect(() => createVirtualBms({ state: { format: 'nope' } as never })).toThrow(/DEVICE_STATE_INVALID/);
  });

  it('stays silent while off and answers again after powerOn', async () => {
    const { smp, bms } = await startVirtualBms();
    await bms.powerOff();
    await expect(smp.request(SmpGroup.os, OsCommand.echo, 'write', { d: 'x' }, { timeoutMs: 1000 })).rejects.toBeInstanceOf(SmpTimeout);
    await bms.powerOn();
    await smp.waitUntilReady();
    expect((await smp.request(SmpGroup.os, OsCommand.echo, 'write', { d: 'x' })).body).toEqual({ r: 'x' });
  });
});

async function supplySpread(smp: Awaited<ReturnType<typeof startVirtualBms>>['smp']): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 12; i += 1) readings.push((await read(smp, BMS_GROUP_ID, BmsCommand.telemetry)).supply_mv as number);
  return Math.max(...readings) - Math.min(...readings);
}
