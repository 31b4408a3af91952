/**
 * The Daly client against the virtual Daly room: readings equal the battery model's (at Daly's
 * resolution), the fixed run of 16 cell frames does not confuse the next request, settings backup →
 * change → restore read back equal, and a wrong host address gets silence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectPacedLink, type PacedLink } from '../../link/paced-link';
import { DalyRoom } from '../../virtual-bms/daly/daly-room';
import { frozenMeasurementClock } from '../../virtual-bms/testing/frozen-clock';
import { DalyClient } from './daly-client';

/** the measurement stays on one AFE cycle: protocol readings compare exactly with the model */
const frozen = frozenMeasurementClock();
const open: PacedLink[] = [];
afterEach(async () => {
  for (const link of open.splice(0)) await link.close();
});

function connect(room = new DalyRoom({ clock: frozen, latencyMs: 2 }), hostAddress?: number, pace = false) {
  const link = connectPacedLink(room.port, { pace });
  open.push(link);
  return { room, client: new DalyClient(link, { hostAddress, timeoutMs: pace ? 500 : 150, retries: 1 }) };
}

describe('Daly client against the virtual Daly room', () => {
  it('R01 R02 R18 reads SoC, current, cells, temperatures and status equal to the battery model', async () => {
    // Paced at 9600 baud: the cell answer's 16 frames take 217 ms on the wire.
    const { room, client } = connect(new DalyRoom({ clock: frozen, latencyMs: 2 }), undefined, true);
    const reading = room.reading();
    const status = await client.readStatus();
    expect(status).toMatchObject({ cellCount: 8, ntcCount: 2, cycles: reading.cycles, load: reading.currentMa < 0 });
    expect(await client.readCells(status.cellCount)).toEqual(reading.cellsMv);
    expect(client.stats.badFrames).toBe(0);
    // The 10 padding frames of that answer are still on the line: the next request must not take them.
    const soc = await client.readSoc();
    expect(soc.packMv).toBe(Math.round(reading.packMv / 100) * 100);
    expect(soc.currentMa).toBe(Math.round(reading.currentMa / 100) * 100);
    expect(soc.socPm).toBe(reading.socPm);
    expect(await client.readTemps(status.ntcCount)).toEqual(reading.tempsDc.slice(0, 2).map((t) => Math.round(t / 10) * 10));
    const range = await client.readCellRange();
    expect(range.max).toBe(Math.max(...reading.cellsMv));
    expect(range.min).toBe(Math.min(...reading.cellsMv));
    expect(await client.readMos()).toMatchObject({ state: 2, chargeMos: true, dischargeMos: true, remainingMah: reading.remainingMah });
    expect((await client.readFaults()).voltage).toBe(0);
  });

  it('R09 R23 backs up the settings, changes one, restores and reads back equal after a power cycle', async () => {
    const { room, client } = connect();
    const backup = await client.readSettings();
    expect(backup).toEqual(room.settings());
    await client.writeSettings({ cell_high_l2: 3600 });
    room.powerCycle();
    const changed = await client.readSettings();
    expect(changed).toEqual({ ...backup, cell_high_l2: 3600 });
    const differing = Object.fromEntries(Object.entries(backup).filter(([name, value]) => changed[name] !== value));
    await client.writeSettings(differing);
    room.powerCycle();
    expect(await client.readSettings()).toEqual(backup);
    await expect(client.writeSettings({ nope: 1 })).rejects.toMatchObject({ code: 'DALY_SETTING_INVALID' });
    await expect(client.writeSettings({ cell_low_l1: 70_000 })).rejects.toMatchObject({ code: 'DALY_SETTING_INVALID' });
  });

  it('R05 answers the UART host address too; any other address gets DALY_NO_ANSWER', async () => {
    await expect(connect(undefined, 0x80).client.readSoc()).resolves.toMatchObject({ socPm: expect.any(Number) });
    await expect(connect(undefined, 0x20).client.readSoc()).rejects.toMatchObject({ code: 'DALY_NO_ANSWER' });
  });

  it('R09 the room keeps its settings through exportState', async () => {
    const { room, client } = connect();
    await client.writeSettings({ rated_capacity: 120_000 });
    expect(new DalyRoom({ clock: frozen, state: JSON.parse(JSON.stringify(room.exportState())) }).settings().rated_capacity).toBe(120_000);
  });
});
