import { describe, expect, it } from 'vitest';
import { fromHex } from '../smp/hex';
import { encodeModbusRequest } from '../modbus/modbus-rtu';
import { decodeJkBleCellInfo, decodeJkBleDeviceInfo, decodeJkBleRecords, encodeJkBleCommand, encodeJkBleRecord, JkBleCommand } from './jk-ble';
import { JK_VECTORS as V } from './jk-vectors';

function vectorRecord(): Uint8Array {
  const record = new Uint8Array(300);
  for (const [offset, hex] of Object.entries(V.bleCellInfoRecord.fields)) record.set(fromHex(hex), Number(offset));
  record[299] = V.bleCellInfoRecord.checksum;
  return record;
}

describe('JK frames', () => {
  it('R13 encodes the BLE cell-info and device-info commands with their checksums', () => {
    expect(encodeJkBleCommand(JkBleCommand.cellInfo)).toEqual(fromHex(V.bleCellInfoCommand));
    expect(encodeJkBleCommand(JkBleCommand.deviceInfo)).toEqual(fromHex(V.bleDeviceInfoCommand));
    expect(encodeModbusRequest({ slave: 1, function: 3, address: 0x1290, count: 2 })).toEqual(fromHex(V.modbusReadPackVoltage));
  });

  it('R01 R02 R13 reassembles a cell-info record from 20-byte notifications and decodes it', () => {
    const record = vectorRecord();
    let buffer: Uint8Array = Uint8Array.of(0x00, 0x55); // noise, then a false start
    const frames = [];
    for (let at = 0; at < record.length; at += 20) {
      const joined = new Uint8Array(buffer.length + Math.min(20, record.length - at));
      joined.set(buffer);
      joined.set(record.subarray(at, at + 20), buffer.length);
      const decoded = decodeJkBleRecords(joined);
      frames.push(...decoded.frames);
      buffer = decoded.rest;
    }
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ type: 2, counter: 7 });
    expect(decodeJkBleCellInfo(frames[0])).toEqual({
      cellsMv: [3300, 3301, 3302, 3303], mosTempDc: 250, packMv: 13206, powerMw: 19809, currentMa: -1500,
      tempsDc: [231, 229], errors: 0, balanceCurrentMa: 0, balancing: 0, socPct: 55, remainingMah: 55000,
      nominalMah: 100000, cycles: 37, sohPct: 100, chargeFet: true, dischargeFet: true
    });
  });

  it('R21 drops a record with a bad checksum as JK_CHECKSUM and refuses a 32-cell layout', () => {
    const bad = vectorRecord();
    bad[120] ^= 1;
    const { frames, errors } = decodeJkBleRecords(bad);
    expect(frames).toEqual([]);
    expect(errors?.[0]).toMatchObject({ code: 'JK_CHECKSUM' });
    const wide = vectorRecord();
    wide.set([0xff, 0xff, 0xff, 0xff], 54);
    wide[299] = 0;
    wide[299] = wide.subarray(0, 299).reduce((a, b) => a + b, 0) & 0xff;
    const [record] = decodeJkBleRecords(wide).frames;
    expect(() => decodeJkBleCellInfo(record)).toThrow(expect.objectContaining({ code: 'JK_FRAME_INVALID' }));
  });

  it('R07 decodes a device-info record: model, versions, name', () => {
    const body = new Uint8Array(60);
    body.set(new TextEncoder().encode('JK_B2A24S15P'), 0);
    body.set(new TextEncoder().encode('11.XW'), 16);
    body.set(new TextEncoder().encode('11.26'), 24);
    new DataView(body.buffer).setUint32(32, 86400, true);
    new DataView(body.buffer).setUint32(36, 12, true);
    body.set(new TextEncoder().encode('Garage pack'), 40);
    const [record] = decodeJkBleRecords(encodeJkBleRecord(3, 1, body)).frames;
    expect(decodeJkBleDeviceInfo(record)).toEqual({ model: 'JK_B2A24S15P', hardware: '11.XW', software: '11.26', uptimeS: 86400, powerOnCount: 12, name: 'Garage pack' });
  });
});
