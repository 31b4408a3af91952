/**
 * The JK-PB client over Modbus RTU against the virtual JK room: readings equal the battery model's,
 * settings backup → change → restore read back equal, Modbus exceptions arrive typed, another slave id
 * stays silent, and the updater register is never written (the room would hang).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectPacedLink, type PacedLink } from '../../link/paced-link';
import { JkRoom, JK_ROOM_MODEL } from '../../virtual-bms/jk/jk-room';
import { frozenMeasurementClock } from '../../virtual-bms/testing/frozen-clock';
import { ModbusClient } from '../modbus/modbus-client';
import { JkPbClient } from './jk-client';
import { JK_UPDATE_REGISTER } from './jk-registers';

/** the measurement stays on one AFE cycle: protocol readings compare exactly with the model */
const frozen = frozenMeasurementClock();
const open: PacedLink[] = [];
afterEach(async () => {
  for (const link of open.splice(0)) await link.close();
});

function connect(room = new JkRoom({ clock: frozen }), slave = 1) {
  const link = connectPacedLink(room.port, { pace: false });
  open.push(link);
  const modbus = new ModbusClient(link, { slave, timeoutMs: 100, retries: 1 });
  return { room, modbus, jk: new JkPbClient(modbus) };
}

describe('JK-PB client against the virtual JK room', () => {
  it('R01 R02 reads cells, pack voltage, current, temperatures and SoC equal to the battery model', async () => {
    const { room, jk } = connect();
    const data = await jk.readData();
    const reading = room.reading();
    expect(data.cellsMv).toEqual(reading.cellsMv);
    expect(data.packMv).toBe(reading.packMv);
    expect(data.currentMa).toBe(reading.currentMa);
    expect(data.tempsDc).toEqual(reading.tempsDc.slice(0, 2));
    expect(data.mosTempDc).toBe(reading.tempsDc[2]);
    expect(data.socPct).toBe(Math.round(reading.socPm / 10));
    expect(data.cycles).toBe(reading.cycles);
    expect(data.fullChargeMah).toBe(280_000);
    expect(await jk.readInfo()).toMatchObject({ model: JK_ROOM_MODEL, software: 'V19.05', powerOnCount: 1 });
  });

  it('R09 R23 backs up the settings, changes two, restores and reads back equal after a power cycle', async () => {
    const { room, jk } = connect();
    const backup = await jk.readSettings();
    expect(backup).toEqual(room.settings());
    await jk.writeSettings({ VolCellOV: 3600, TMPBatCUT: -50 });
    room.powerCycle();
    const changed = await jk.readSettings();
    expect(changed).toMatchObject({ VolCellOV: 3600, TMPBatCUT: -50 });
    const differing = Object.fromEntries(Object.entries(backup).filter(([name, value]) => changed[name] !== value));
    expect(Object.keys(differing).sort()).toEqual(['TMPBatCUT', 'VolCellOV']);
    await jk.writeSettings(differing);
    room.powerCycle();
    expect(await jk.readSettings()).toEqual(backup);
    expect(room.updateRegisterWritten).toBe(false);
  });

  it('R21 maps Modbus exceptions to typed errors: 01 function, 02 address, 03 value', async () => {
    const { room, modbus, jk } = connect();
    await expect(modbus.writeSingleRegister(0x1000, 1)).rejects.toMatchObject({ code: 'MODBUS_ILLEGAL_FUNCTION' });
    await expect(modbus.readHoldingRegisters(0x3000, 2)).rejects.toMatchObject({ code: 'MODBUS_ILLEGAL_ADDRESS' });
    await expect(modbus.readHoldingRegisters(0x1200, 120)).rejects.toMatchObject({ code: 'MODBUS_ILLEGAL_ADDRESS' });
    await expect(jk.writeSettings({ VolCellOV: 9000 })).rejects.toMatchObject({ code: 'MODBUS_ILLEGAL_VALUE' });
    expect(room.settings().VolCellOV).toBe(3650);
    await expect(jk.writeSettings({ VolCellOV: -1 })).rejects.toMatchObject({ code: 'JK_SETTING_INVALID' });
  });

  it('R05 R21 a board at another slave id stays silent: MODBUS_NO_ANSWER after the resend', async () => {
    const { modbus } = connect(new JkRoom({ clock: frozen, slave: 7 }), 1);
    await expect(modbus.readHoldingRegisters(0x1400, 4)).rejects.toMatchObject({ code: 'MODBUS_NO_ANSWER', detail: expect.stringContaining('2 attempts') });
    const right = connect(new JkRoom({ clock: frozen, slave: 7 }), 7);
    await expect(right.jk.readInfo()).resolves.toMatchObject({ model: JK_ROOM_MODEL });
  });

  it('R15 never writes the updater register: the client refuses, and the room shows why (it hangs)', async () => {
    const { room, modbus, jk } = connect();
    await expect(jk.writeRegisters(JK_UPDATE_REGISTER, [0])).rejects.toMatchObject({ code: 'JK_UPDATE_REGISTER_REFUSED' });
    await expect(jk.writeRegisters(0x1620, [0, 0, 0, 0])).rejects.toMatchObject({ code: 'JK_UPDATE_REGISTER_REFUSED' });
    expect(room.updateRegisterWritten).toBe(false);
    // What the guard prevents: the same write sent raw leaves the board silent until a power cycle.
    await expect(modbus.writeMultipleRegisters(JK_UPDATE_REGISTER, [0])).rejects.toMatchObject({ code: 'MODBUS_NO_ANSWER' });
    expect(room.updateRegisterWritten).toBe(true);
    await expect(jk.readInfo()).rejects.toMatchObject({ code: 'MODBUS_NO_ANSWER' });
    room.powerCycle();
    await expect(jk.readInfo()).resolves.toMatchObject({ powerOnCount: 2 });
  });

  it('R09 the room keeps its settings and slave id through exportState', async () => {
    const { room, jk } = connect(new JkRoom({ clock: frozen, slave: 3 }), 3);
    await jk.writeSettings({ CurBalanMax: 1000 });
    const reborn = new JkRoom({ clock: frozen, state: JSON.parse(JSON.stringify(room.exportState())) });
    expect(reborn.slave).toBe(3);
    expect(reborn.settings().CurBalanMax).toBe(1000);
  });
});
