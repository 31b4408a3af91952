/** The JK Bluetooth client against the virtual JK room's GATT endpoint (20-byte notifications). */
import { afterEach, describe, expect, it } from 'vitest';
import { connectPacedLink, type PacedLink } from '../../link/paced-link';
import { JkRoom, JK_ROOM_MODEL } from '../../virtual-bms/jk/jk-room';
import { frozenMeasurementClock } from '../../virtual-bms/testing/frozen-clock';
import { gattAsPort } from '../../virtual-bms/testing/gatt-port';
import { JkBleClient } from './jk-ble-client';

const open: PacedLink[] = [];
afterEach(async () => {
  for (const link of open.splice(0)) await link.close();
});

function connect(room = new JkRoom({ clock: frozenMeasurementClock() })) {
  const link = connectPacedLink(gattAsPort(room.gatt), { pace: false });
  open.push(link);
  return { room, client: new JkBleClient(link, { timeoutMs: 300 }) };
}

describe('JK Bluetooth client against the virtual JK room', () => {
  it('R01 R02 R13 reads device info and cell info equal to the battery model, reassembled from 20-byte pieces', async () => {
    const { room, client } = connect();
    expect(await client.readDeviceInfo()).toMatchObject({ model: JK_ROOM_MODEL, software: 'V19.05' });
    const info = await client.readCellInfo();
    const reading = room.reading();
    expect(info).toMatchObject({
      cellsMv: reading.cellsMv, packMv: reading.packMv, currentMa: reading.currentMa, tempsDc: reading.tempsDc.slice(0, 2),
      socPct: Math.round(reading.socPm / 10), cycles: reading.cycles, nominalMah: 280_000, chargeFet: true, dischargeFet: true
    });
  });

  it('R09 reads the same settings over Bluetooth as over Modbus', async () => {
    const { room, client } = connect();
    expect(await client.readSettings()).toEqual(room.settings());
  });

  it('R21 a board that hung in its updater gives JK_NO_ANSWER over Bluetooth too', async () => {
    const room = new JkRoom({ clock: frozenMeasurementClock() });
    room.port.receive(Uint8Array.of(0x01, 0x10, 0x16, 0x26, 0x00, 0x01, 0x02, 0x00, 0x00, 0xd6, 0x97));
    await expect(connect(room).client.readDeviceInfo()).rejects.toMatchObject({ code: 'JK_NO_ANSWER' });
  });
});
