/** The Daly room driven with the vector requests, on a manual clock. */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../board/device-clock';
import { decodeSoc } from '../../protocol/daly/daly-data';
import { decodeDalyFrames } from '../../protocol/daly/daly-frame';
import { DALY_VECTORS as V } from '../../protocol/daly/daly-vectors';
import { fromHex } from '../../protocol/smp/hex';
import { DALY_CELL_FRAMES, DalyRoom } from './daly-room';

function setup() {
  const clock = createManualClock();
  const room = new DalyRoom({ clock });
  const heard: Uint8Array[] = [];
  room.port.onTransmit((bytes) => heard.push(bytes));
  const send = (hex: string) => {
    room.port.receive(fromHex(hex));
    clock.advance(50);
    return heard.splice(0).flatMap((bytes) => decodeDalyFrames(bytes).frames);
  };
  return { room, send };
}

describe('virtual Daly room', () => {
  it('R05 answers both host addresses from address 0x01', () => {
    const { room, send } = setup();
    for (const request of [V.requestSocRs485, V.requestSocUart]) {
      const [answer] = send(request);
      expect(answer.address).toBe(1);
      expect(decodeSoc(answer.data).socPm).toBe(room.reading().socPm);
    }
  });

  it('R18 sends its fixed run of 16 numbered cell frames, zero past the real cells', () => {
    const { room, send } = setup();
    const frames = send(V.requestCells);
    expect(frames.map((f) => f.data[0])).toEqual(Array.from({ length: DALY_CELL_FRAMES }, (_, i) => i + 1));
    expect(frames[2].data.subarray(3, 5)).toEqual(Uint8Array.of(room.reading().cellsMv[7] >> 8, room.reading().cellsMv[7] & 0xff));
    expect(frames[5].data.subarray(1).every((b) => b === 0)).toBe(true);
  });

  it('R21 stays silent for an unknown host address or a corrupted request', () => {
    const { send } = setup();
    expect(send('A5 20 90 08 00 00 00 00 00 00 00 00 5D')).toEqual([]);
    expect(send('A5 40 90 08 00 00 00 00 00 00 00 00 7E')).toEqual([]);
  });
});
