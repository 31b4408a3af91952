import { describe, expect, it } from 'vitest';
import { fromHex } from '../smp/hex';
import { crc16Modbus } from './modbus-crc';
import { decodeModbusRequests, decodeModbusResponses, encodeModbusRequest, encodeModbusResponse, exceptionError } from './modbus-rtu';
import { MODBUS_VECTORS as V } from './modbus-vectors';

const bytes = (hex: string) => fromHex(hex);

describe('Modbus RTU codec (specification examples)', () => {
  it('R21 computes CRC-16/MODBUS: check value and the published frames', () => {
    expect(crc16Modbus(new TextEncoder().encode(V.crcCheck.ascii))).toBe(V.crcCheck.crc);
    expect(encodeModbusRequest({ slave: 1, function: 3, address: 0x6b, count: 3 })).toEqual(bytes(V.readHolding));
    expect(encodeModbusRequest({ slave: 1, function: 4, address: 0, count: 4 })).toEqual(bytes(V.mbpollReadInput));
    expect(encodeModbusRequest({ slave: 1, function: 6, address: 1, value: 3 })).toEqual(bytes(V.writeSingle));
    expect(encodeModbusRequest({ slave: 1, function: 0x10, address: 1, values: [0x000a, 0x0102] })).toEqual(bytes(V.writeMultiple));
    expect(encodeModbusRequest({ slave: 1, function: 0x10, address: 0x1626, values: [0] })).toEqual(bytes(V.jkEnterUpdate));
  });

  it('R21 decodes replies by their function: registers, write echo, exceptions', () => {
    const stream = new Uint8Array([...bytes(V.readHoldingReply), ...bytes(V.writeMultipleReply), ...bytes(V.illegalAddress)]);
    const { frames, rest, errors } = decodeModbusResponses(stream);
    expect(frames).toEqual([
      { slave: 1, function: 3, registers: [0x022b, 0x0000, 0x0064] },
      { slave: 1, function: 0x10, address: 1, count: 2 },
      { slave: 1, function: 3, exception: 2 }
    ]);
    expect(rest.length).toBe(0);
    expect(errors).toEqual([]);
    expect(exceptionError({ slave: 1, function: 3, exception: 1 }, 'read')).toMatchObject({ code: 'MODBUS_ILLEGAL_FUNCTION' });
    expect(exceptionError({ slave: 1, function: 3, exception: 2 }, 'read')).toMatchObject({ code: 'MODBUS_ILLEGAL_ADDRESS' });
    expect(exceptionError({ slave: 1, function: 3, exception: 3 }, 'read')).toMatchObject({ code: 'MODBUS_ILLEGAL_VALUE' });
    expect(exceptionError({ slave: 1, function: 3, exception: 6 }, 'read')).toMatchObject({ code: 'MODBUS_DEVICE_FAILURE' });
    expect(encodeModbusResponse({ slave: 1, function: 3, exception: 1 })).toEqual(bytes(V.illegalFunction));
  });

  it('R21 waits for the announced length, reports a CRC error and resynchronises on the next frame', () => {
    const partial = bytes(V.readHoldingReply).subarray(0, 6);
    expect(decodeModbusResponses(partial)).toMatchObject({ frames: [], rest: partial });
    const corrupt = bytes(V.readHoldingReply);
    corrupt[4] ^= 0x10;
    const { frames, errors } = decodeModbusResponses(new Uint8Array([...corrupt, ...bytes(V.writeMultipleReply)]));
    expect(errors?.[0]).toMatchObject({ code: 'MODBUS_CRC' });
    expect(frames).toContainEqual({ slave: 1, function: 0x10, address: 1, count: 2 });
  });

  it('R21 decodes requests on the slave side, function 16 by its byte count', () => {
    const { frames } = decodeModbusRequests(new Uint8Array([...bytes(V.readHolding), ...bytes(V.writeMultiple), ...bytes(V.writeSingle)]));
    expect(frames).toEqual([
      { slave: 1, function: 3, address: 0x6b, count: 3 },
      { slave: 1, function: 0x10, address: 1, values: [0x000a, 0x0102] },
      { slave: 1, function: 6, address: 1, value: 3 }
    ]);
  });
});
