/** The JK-PB room driven with raw Modbus frames from the vectors, on a manual clock. */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../board/device-clock';
import { decodeModbusResponses, encodeModbusRequest } from '../../protocol/modbus/modbus-rtu';
import { MODBUS_VECTORS } from '../../protocol/modbus/modbus-vectors';
import { JK_VECTORS } from '../../protocol/jk/jk-vectors';
import { fromHex, toHex } from '../../protocol/smp/hex';
import { JkRoom } from './jk-room';

function setup() {
  const clock = createManualClock();
  const room = new JkRoom({ clock });
  const heard: Uint8Array[] = [];
  room.port.onTransmit((bytes) => heard.push(bytes));
  const send = (hex: string) => {
    room.port.receive(fromHex(hex));
    clock.advance(20);
    return heard.splice(0).flatMap((bytes) => decodeModbusResponses(bytes).frames);
  };
  return { room, send };
}

describe('virtual JK-PB room', () => {
  it('R01 answers the pack-voltage read with BatVol, high word first', () => {
    const { room, send } = setup();
    const [answer] = send(JK_VECTORS.modbusReadPackVoltage);
    expect(answer).toEqual({ slave: 1, function: 3, registers: [room.reading().packMv >>> 16, room.reading().packMv & 0xffff] });
  });

  it('R15 goes silent for good on the reported "enter firmware update" frame, until a power cycle', () => {
    const { room, send } = setup();
    expect(send(MODBUS_VECTORS.jkEnterUpdate)).toEqual([]);
    expect(room.updateRegisterWritten).toBe(true);
    expect(send(JK_VECTORS.modbusReadPackVoltage)).toEqual([]);
    room.powerCycle();
    expect(send(JK_VECTORS.modbusReadPackVoltage)).toHaveLength(1);
  });

  it('R21 answers the specification\'s read at 0x006B with exception 02 and function 06 with exception 01', () => {
    const { send } = setup();
    expect(send(MODBUS_VECTORS.readHolding)).toEqual([{ slave: 1, function: 3, exception: 2 }]);
    expect(send(MODBUS_VECTORS.writeSingle)).toEqual([{ slave: 1, function: 6, exception: 1 }]);
  });
});

describe('virtual JK-PB room: malformed writes', () => {
  it('R21 answers a write-multiple whose quantity disagrees with its byte count with exception 03 and keeps the settings', () => {
    const { room, send } = setup();
    const before = room.settings();
    // 0x10 at 0x1000, quantity 2 but byte count 8 (four registers): found by the Modbus fuzz test.
    const raw = Uint8Array.of(0x10, 0x00, 0x00, 0x02, 0x08, 0x00, 0x00, 0x0c, 0x81, 0x00, 0x00, 0x0c, 0x81);
    const frame = encodeModbusRequest({ slave: 1, function: 0x10, raw });
    expect(send(toHex(frame))).toEqual([{ slave: 1, function: 0x10, exception: 3 }]);
    expect(room.settings()).toEqual(before);
  });
});
