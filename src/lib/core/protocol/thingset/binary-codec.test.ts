import { describe, expect, it } from 'vitest';
import { decodeBinaryRequest, decodeBinaryResponse, encodeBinaryRequest, encodeBinaryResponse } from './binary-codec';
import { BINARY_VECTORS as V } from './thingset-vectors';

describe('ThingSet binary codec', () => {
  it('R12 encodes and decodes the GET of item 0x704 and its single-precision answer', () => {
    expect(encodeBinaryRequest(V.getRequest.request)).toEqual(V.getRequest.bytes);
    expect(decodeBinaryRequest(V.getRequest.bytes)).toEqual(V.getRequest.request);
    expect(encodeBinaryResponse({ status: 0x85, data: 1.2 })).toEqual(V.getResponse.bytes);
    const { status, data } = decodeBinaryResponse(V.getResponse.bytes);
    expect(status).toBe(0x85);
    expect(data).toBeCloseTo(1.2, 6);
  });

  it('R12 writes the DFU init and boot requests byte for byte and reads the reference write form', () => {
    expect(encodeBinaryRequest(V.dfuInit.request)).toEqual(V.dfuInit.bytes);
    expect(encodeBinaryRequest(V.dfuBoot.request)).toEqual(V.dfuBoot.bytes);
    expect(decodeBinaryRequest(V.dfuWrite.bytes)).toEqual({ fn: 'exec', endpoint: 0x2d1, data: [V.dfuWrite.data] });
    // Our encoder writes the shortest length head (58 for up to 255 bytes); the device reads both.
    const chunk = new Uint8Array(255).fill(0xa5);
    expect([...encodeBinaryRequest({ fn: 'exec', endpoint: 0x2d1, data: [chunk] }).subarray(0, 7)]).toEqual([0x02, 0x19, 0x02, 0xd1, 0x81, 0x58, 0xff]);
    expect(decodeBinaryResponse(V.success.bytes)).toEqual({ status: 0x84 });
  });

  it('R21 refuses truncated or foreign binary messages with a typed error', () => {
    expect(() => decodeBinaryResponse(Uint8Array.of(0x85, 0xf6, 0xfa, 0x3f))).toThrowError(expect.objectContaining({ code: 'THINGSET_LINE_INVALID' }));
    expect(() => decodeBinaryRequest(Uint8Array.of(0x03, 0x01))).toThrowError(expect.objectContaining({ code: 'THINGSET_LINE_INVALID' }));
    expect(() => decodeBinaryResponse(Uint8Array.of(0x01))).toThrowError(expect.objectContaining({ code: 'THINGSET_LINE_INVALID' }));
  });
});
