import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../smp/hex';
import { decodeJbdResponses, encodeJbdRequest, encodeJbdResponse, jbdChecksum, parseJbdRequest, parseJbdResponse } from './jbd-frame';
import { decodeBasicInfo, decodeCells, decodeName, encodeBasicInfo, FACTORY_ENTER, FACTORY_EXIT_SAVE } from './jbd-registers';
import { JBD_VECTORS as V } from './jbd-vectors';

const bytes = (hex: string) => fromHex(hex);
const hex = (b: Uint8Array) => toHex(b).toUpperCase().replace(/(..)(?!$)/g, '$1 ');

describe('JBD general protocol codec (published examples)', () => {
  it('R01 R09 encodes the published read requests with their checksums', () => {
    expect(hex(encodeJbdRequest({ op: 'read', register: 0x03, data: new Uint8Array(0) }))).toBe(V.readBasicInfo);
    expect(hex(encodeJbdRequest({ op: 'read', register: 0x04, data: new Uint8Array(0) }))).toBe(V.readCells);
    expect(hex(encodeJbdRequest({ op: 'read', register: 0x05, data: new Uint8Array(0) }))).toBe(V.readName);
    expect(hex(encodeJbdRequest({ op: 'read', register: 0xaa, data: new Uint8Array(0) }))).toBe(V.readErrorCounts);
    expect(hex(encodeJbdRequest({ op: 'write', register: 0xfb, data: Uint8Array.of(1, 1) }))).toBe(V.mosControl);
    expect(hex(encodeJbdRequest({ op: 'write', register: 0x00, data: FACTORY_ENTER }))).toBe(V.enterFactory);
    expect(hex(encodeJbdRequest({ op: 'write', register: 0x01, data: FACTORY_EXIT_SAVE }))).toBe(V.exitFactorySave);
  });

  it('R01 R02 decodes the published basic info: 58.88 V, 72 %, 15 cells, 20.3 °C', () => {
    const frame = parseJbdResponse(bytes(V.basicInfo));
    expect(frame).toMatchObject({ register: 3, status: 0 });
    const info = decodeBasicInfo(frame.data);
    expect(info).toMatchObject({
      packMv: 58880, currentMa: 0, remainingMah: 7200, nominalMah: 10000, cycles: 0, date: '2016-03-24',
      protection: 0, version: 0x10, socPct: 72, chargeFet: true, dischargeFet: true, cellCount: 15, tempsDc: [203, 215]
    });
    // and back: the room's encoder rebuilds the published frame bit for bit
    expect(hex(encodeJbdResponse({ register: 3, status: 0, data: encodeBasicInfo(info) }))).toBe(V.basicInfo);
  });

  it('R01 R02 decodes a discharging pack with four NTCs (negative current in 10 mA)', () => {
    const info = decodeBasicInfo(parseJbdResponse(bytes(V.basicInfo4Ntc)).data);
    expect(info).toMatchObject({ packMv: 66230, currentMa: -20120, remainingMah: 34930, nominalMah: 40000, socPct: 87, cellCount: 17 });
    expect(info.tempsDc).toHaveLength(4);
  });

  it('R18 decodes cell voltages and the device name, checksums F9F9 and FDE9', () => {
    const cells = decodeCells(parseJbdResponse(bytes(V.cells)).data);
    expect(cells).toHaveLength(15);
    expect(cells[0]).toBe(3942);
    expect(decodeCells(parseJbdResponse(bytes(V.cells17)).data)).toHaveLength(17);
    expect(decodeName(parseJbdResponse(bytes(V.name)).data)).toBe('0123456789');
    expect(jbdChecksum(bytes(V.cells).subarray(2, -3))).toBe(0xf9f9);
    expect(parseJbdResponse(bytes(V.emptyAck))).toMatchObject({ register: 0xfb, status: 0, data: new Uint8Array(0) });
  });

  it('R21 rejects a flipped bit as JBD_CHECKSUM and a wrong end byte as JBD_FRAME_INVALID', () => {
    const bad = bytes(V.cells);
    bad[6] ^= 0x01;
    expect(() => parseJbdResponse(bad)).toThrow(expect.objectContaining({ code: 'JBD_CHECKSUM' }));
    const end = bytes(V.name);
    end[end.length - 1] = 0x78;
    expect(() => parseJbdResponse(end)).toThrow(expect.objectContaining({ code: 'JBD_FRAME_INVALID' }));
    expect(() => parseJbdRequest(bytes('DD 33 03 00 FF FD 77'))).toThrow(expect.objectContaining({ code: 'JBD_FRAME_INVALID' }));
  });

  it('R21 splits a stream: skips noise, keeps a partial frame, reports a corrupted one and resyncs', () => {
    const good = bytes(V.name);
    const corrupt = bytes(V.cells);
    corrupt[10] ^= 0x40;
    const stream = new Uint8Array([0x00, 0x13, ...corrupt, ...good, ...bytes(V.basicInfo).subarray(0, 9)]);
    const decoded = decodeJbdResponses(stream);
    expect(decoded.frames.map((f) => f.register)).toEqual([5]);
    expect(decoded.errors?.map((e) => e.code)).toEqual(['JBD_CHECKSUM']);
    expect(decoded.rest).toEqual(bytes(V.basicInfo).subarray(0, 9));
  });
});
