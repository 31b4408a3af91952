/**
 * The JBD client against the virtual JBD room over the paced line model: the readings are the room's
 * measurement, the sleeping board's dropped first frame is absorbed, and a settings backup → change →
 * restore reads back equal, surviving a power cycle only once saved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DevicePort } from '../../link/device-port';
import { connectPacedLink, type PacedLink } from '../../link/paced-link';
import { JbdRoom } from '../../virtual-bms/jbd/jbd-room';
import { frozenMeasurementClock } from '../../virtual-bms/testing/frozen-clock';
import { gattAsPort } from '../../virtual-bms/testing/gatt-port';
import { JbdClient } from './jbd-client';

/** the measurement stays on one AFE cycle: protocol readings compare exactly with the model */
const frozen = frozenMeasurementClock();
const open: PacedLink[] = [];
afterEach(async () => {
  for (const link of open.splice(0)) await link.close();
});

function connect(room = new JbdRoom({ clock: frozen, latencyMs: 2 }), retries?: number) {
  const link = connectPacedLink(room.port, { pace: false });
  open.push(link);
  return { room, link, client: new JbdClient(link, { timeoutMs: 150, retries }) };
}

describe('JBD client against the virtual JBD room', () => {
  it('R01 R02 R21 reads basic info, cells and name equal to the battery model, after the wake-up frame is dropped', async () => {
    const { room, client } = connect();
    const info = await client.readBasicInfo();
    expect(room.wakeFramesDropped).toBe(1);
    expect(client.stats.retries).toBe(1);
    const reading = room.reading();
    expect(info.packMv).toBe(Math.round(reading.packMv / 10) * 10);
    expect(info.currentMa).toBe(Math.round(reading.currentMa / 10) * 10);
    expect(info.socPct).toBe(Math.round(reading.socPm / 10));
    expect(info.cellCount).toBe(4);
    expect(info.tempsDc).toEqual(reading.tempsDc.slice(0, 2));
    expect(info.nominalMah).toBe(100_000);
    expect(await client.readCells()).toEqual(reading.cellsMv);
    expect(await client.readName()).toBe('SP04S034-L4S-100A');
    expect(room.wakeFramesDropped).toBe(1); // awake now: no more drops
  });

  it('R21 keeps one request in flight: concurrent calls are queued, not interleaved on the half-duplex line', async () => {
    const { room, client } = connect();
    const [cells, name, info] = await Promise.all([client.readCells(), client.readName(), client.readBasicInfo()]);
    expect(cells).toEqual(room.reading().cellsMv);
    expect(name).toBe('SP04S034-L4S-100A');
    expect(info.cellCount).toBe(4);
    expect(client.stats).toMatchObject({ requests: 3, retries: 1, badFrames: 0 }); // the single resend woke the board
  });

  it('R21 without a resend the sleeping board looks dead: JBD_NO_ANSWER names the attempts', async () => {
    const { client } = connect(new JbdRoom({ clock: frozen, latencyMs: 2 }), 0);
    // retries are clamped to 1: a JBD client that never resends cannot wake a sleeping board
    await expect(client.readName()).resolves.toBe('SP04S034-L4S-100A');
    const silent = new JbdRoom({ clock: frozen });
    silent.port.powered = false;
    await expect(connect(silent).client.readName()).rejects.toMatchObject({ code: 'JBD_NO_ANSWER', detail: expect.stringContaining('3 attempts') });
  });

  it('R21 a line that corrupts every answer ends in JBD_CHECKSUM (not "no answer") after the resends', async () => {
    const room = new JbdRoom({ clock: frozen, latencyMs: 2 });
    // A damaged cable on the BMS's transmit pair: one data bit of every answer flipped.
    const damaged: DevicePort = {
      baudRate: room.port.baudRate,
      receive: (bytes) => room.port.receive(bytes),
      onTransmit: (listener) => room.port.onTransmit((bytes) => listener(Uint8Array.from(bytes, (b, i) => (i === 5 ? b ^ 0x08 : b))))
    };
    const link = connectPacedLink(damaged, { pace: false });
    open.push(link);
    const client = new JbdClient(link, { timeoutMs: 100, retries: 2 });
    await expect(client.readName()).rejects.toMatchObject({ code: 'JBD_CHECKSUM' });
    expect(client.stats).toMatchObject({ retries: 2, badFrames: 2 }); // the first frame only woke the board
  });

  it('R13 works the same through the Bluetooth dongle (UART over GATT, 20-byte notifications)', async () => {
    const room = new JbdRoom({ clock: frozen, latencyMs: 2 });
    const link = connectPacedLink(gattAsPort(room.gatt), { pace: false });
    open.push(link);
    const client = new JbdClient(link, { timeoutMs: 150 });
    expect(await client.readCells()).toEqual(room.reading().cellsMv);
    expect((await client.readSettings()).covp).toBe(3650);
  });

  it('R09 refuses EEPROM access outside factory mode with JBD_ERROR_STATUS', async () => {
    const { client } = connect();
    await expect(client.transact('read', 0x24)).rejects.toMatchObject({ code: 'JBD_ERROR_STATUS' });
    await expect(client.transact('write', 0x24, Uint8Array.of(0x0e, 0x10))).rejects.toMatchObject({ code: 'JBD_ERROR_STATUS' });
  });

  it('R09 R23 backs up the settings, changes one, restores the backup and reads back equal, across a power cycle', async () => {
    const { room, client } = connect();
    const backup = await client.readSettings();
    expect(backup).toEqual(room.eeprom());
    expect(room.factoryMode).toBe(false);

    await client.writeSettings({ covp: 3600, bal_window: 15 });
    room.powerCycle();
    const changed = await client.readSettings();
    expect(changed).toMatchObject({ covp: 3600, bal_window: 15 });

    const differing = Object.fromEntries(Object.entries(backup).filter(([name, value]) => changed[name] !== value));
    expect(differing).toEqual({ covp: backup.covp, bal_window: backup.bal_window });
    await client.writeSettings(differing);
    room.powerCycle();
    expect(await client.readSettings()).toEqual(backup);
  });

  it('R09 a write that is not saved is gone after a power cycle; a bad value never enters factory mode', async () => {
    const { room, client } = connect();
    await client.readName();
    await client.enterFactoryMode();
    await client.transact('write', 0x24, Uint8Array.of(0x0e, 0x10));
    room.powerCycle();
    expect(room.eeprom().covp).toBe(3650);
    await expect(client.writeSettings({ covp: 70_000 })).rejects.toMatchObject({ code: 'JBD_SETTING_INVALID' });
    await expect(client.writeSettings({ nonsense: 1 })).rejects.toMatchObject({ code: 'JBD_SETTING_INVALID' });
    expect(room.factoryMode).toBe(false);
  });

  it('R09 the room keeps its settings through exportState (the simulator state file)', async () => {
    const { room, client } = connect();
    await client.writeSettings({ cuvp: 2600 });
    const reborn = new JbdRoom({ clock: frozen, state: JSON.parse(JSON.stringify(room.exportState())) });
    expect(reborn.eeprom().cuvp).toBe(2600);
  });
});
