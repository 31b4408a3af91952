/** The JBD room driven with the published request frames, byte for byte, on a manual clock. */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../board/device-clock';
import { parseJbdResponse } from '../../protocol/jbd/jbd-frame';
import { decodeBasicInfo, decodeCells, JbdProtection } from '../../protocol/jbd/jbd-registers';
import { JBD_VECTORS as V } from '../../protocol/jbd/jbd-vectors';
import { fromHex } from '../../protocol/smp/hex';
import { JbdRoom } from './jbd-room';

function setup(sleepAfterMs = 10_000) {
  const clock = createManualClock(1_000_000);
  const room = new JbdRoom({ clock, sleepAfterMs });
  const heard: Uint8Array[] = [];
  room.port.onTransmit((bytes) => heard.push(bytes));
  const send = (hex: string) => {
    room.port.receive(fromHex(hex));
    clock.advance(50);
    return heard.splice(0);
  };
  return { clock, room, send };
}

describe('virtual JBD room', () => {
  it('R21 ignores the frame that wakes it, answers the next, and sleeps again after the idle time', () => {
    const { clock, room, send } = setup();
    expect(send(V.readCells)).toEqual([]);
    const [answer] = send(V.readCells);
    expect(decodeCells(parseJbdResponse(answer).data)).toEqual(room.reading().cellsMv);
    clock.advance(9_000);
    expect(send(V.readCells)).toHaveLength(1);
    clock.advance(10_000);
    expect(send(V.readCells)).toEqual([]);
    expect(room.wakeFramesDropped).toBe(2);
  });

  it('R09 acknowledges the published factory-mode frames and keeps a write only when saved', () => {
    const { room, send } = setup();
    send(V.readName);
    expect(send(V.enterFactory).map((b) => parseJbdResponse(b))).toEqual([{ register: 0, status: 0, data: new Uint8Array(0) }]);
    expect(room.factoryMode).toBe(true);
    // covp (0x24) ← 3600 mV, then leave with 28 28
    expect(parseJbdResponse(send('DD 5A 24 02 0E 10 FF BC 77')[0]).status).toBe(0);
    expect(parseJbdResponse(send(V.exitFactorySave)[0]).status).toBe(0);
    expect(room.eeprom().covp).toBe(3600);
    expect(room.factoryMode).toBe(false);
    expect(parseJbdResponse(send('DD A5 24 00 FF DC 77')[0]).status).toBe(0x80);
  });

  it('R01 R02 reports a battery knob change at the next measurement: low SoC, cold pack, charge FET off', () => {
    const { clock, room, send } = setup();
    send(V.readBasicInfo);
    room.pack.tune({ socPm: 150, ambientDc: -100, currentMa: 2000 });
    clock.advance(1000);
    const info = decodeBasicInfo(parseJbdResponse(send(V.readBasicInfo)[0]).data);
    expect(info.socPct).toBe(15);
    expect(Math.max(...info.tempsDc)).toBeLessThan(0);
    expect(info.protection & JbdProtection.chargeUndertemp).not.toBe(0);
    expect(info).toMatchObject({ chargeFet: false, dischargeFet: true });
  });

  it('R21 stays silent on a corrupted request', () => {
    const { send } = setup();
    send(V.readName);
    expect(send('DD A5 05 00 FF FA 77')).toEqual([]);
    expect(send(V.readName)).toHaveLength(1);
  });
});
