/**
 * R11 robustness of Modbus RTU framing on a noisy RS485 line: random bytes in any split never crash the
 * master or the slave side, noise never piles up, a write-multiple request never yields more values
 * than its frame carries, and encoded frames decode back to themselves.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cuts, decodeInPieces, fuzzOptions, hostileBytes, piecesOf } from '../../../testing/fuzz';
import { decodeModbusRequests, decodeModbusResponses, encodeModbusRequest, encodeModbusResponse, type ModbusRequest, type ModbusResponse } from './modbus-rtu';

const stream = { codePrefix: 'MODBUS_', maxPending: 9 + 0xff };
const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const response: fc.Arbitrary<ModbusResponse> = fc.oneof(
  fc.record({ slave: u8, function: fc.constantFrom(0x03 as const, 0x04 as const), registers: fc.array(u16, { maxLength: 125 }) }),
  fc.record({ slave: u8, function: fc.constant(0x06 as const), address: u16, value: u16 }),
  fc.record({ slave: u8, function: fc.constant(0x10 as const), address: u16, count: u16 }),
  fc.record({ slave: u8, function: fc.integer({ min: 1, max: 0x7f }), exception: u8 })
);
const request: fc.Arbitrary<ModbusRequest> = fc.oneof(
  fc.record({ slave: u8, function: fc.constantFrom(0x03 as const, 0x04 as const), address: u16, count: u16 }),
  fc.record({ slave: u8, function: fc.constant(0x06 as const), address: u16, value: u16 }),
  fc.record({ slave: u8, function: fc.constant(0x10 as const), address: u16, values: fc.array(u16, { minLength: 1, maxLength: 123 }) })
);

describe('R11 fuzz: Modbus RTU frames', () => {
  it('random bytes in random reads: no crash, only MODBUS_ errors, never more than one frame pending', () => {
    fc.assert(
      fc.property(hostileBytes([0x01, 0x03, 0x10, 0x83]), cuts(), (bytes, at) => {
        decodeInPieces(decodeModbusResponses, piecesOf(bytes, at), stream);
        const { frames } = decodeInPieces(decodeModbusRequests, piecesOf(bytes, at), stream);
        for (const r of frames) if ('values' in r) expect(r.values.length).toBeLessThanOrEqual(123);
      }),
      fuzzOptions(400, 0x3db5)
    );
  });

  it('a write-multiple whose register count disagrees with its byte count is not read past its end', () => {
    fc.assert(
      fc.property(u8, u16, fc.array(u16, { minLength: 1, maxLength: 10 }), u16, (slave, address, values, count) => {
        fc.pre(count !== values.length);
        const frame = encodeModbusRequest({ slave, function: 0x10, address, values });
        // Rewrite the quantity field and fix the CRC: a well-formed frame that lies about its count.
        const body = frame.slice(0, -2);
        body[4] = count >> 8;
        body[5] = count & 0xff;
        const lying = encodeModbusRequest({ slave, function: 0x10, raw: body.slice(2) });
        const [decoded] = decodeModbusRequests(lying).frames;
        expect(decoded).toBeDefined();
        expect('values' in decoded).toBe(false);
      }),
      fuzzOptions(200, 0x3db5)
    );
  });

  it('encoded requests and responses, split anywhere, decode to the same frames in order', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 4 }), fc.array(request, { maxLength: 4 }), cuts(), (responses, requests, at) => {
        const wire = (frames: Uint8Array[]) => Uint8Array.from(frames.flatMap((f) => [...f]));
        expect(decodeInPieces(decodeModbusResponses, piecesOf(wire(responses.map(encodeModbusResponse)), at), stream).frames).toEqual(responses);
        expect(decodeInPieces(decodeModbusRequests, piecesOf(wire(requests.map(encodeModbusRequest)), at), stream).frames).toEqual(requests);
      }),
      fuzzOptions(300, 0x3db5)
    );
  });
});
