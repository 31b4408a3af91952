import { describe, expect, it } from 'vitest';
import { fromHex } from '../smp/hex';
import { decodeCellFrames, decodeCellRange, decodeMos, decodeSoc, decodeStatus, decodeTempFrames, decodeTempRange, encodeMos, encodeSoc } from './daly-data';
import { decodeDalyFrames, encodeDalyFrame, parseDalyFrame } from './daly-frame';
import { DALY_VECTORS as V } from './daly-vectors';

const data = (hex: string) => parseDalyFrame(fromHex(hex)).data;

describe('Daly frames (captured from a real unit)', () => {
  it('R05 encodes requests for the RS485 (0x40) and UART (0x80) host addresses', () => {
    const empty = new Uint8Array(8);
    expect(encodeDalyFrame({ address: 0x40, command: 0x90, data: empty })).toEqual(fromHex(V.requestSocRs485));
    expect(encodeDalyFrame({ address: 0x80, command: 0x90, data: empty })).toEqual(fromHex(V.requestSocUart));
    expect(encodeDalyFrame({ address: 0x40, command: 0x95, data: empty })).toEqual(fromHex(V.requestCells));
    expect(encodeDalyFrame({ address: 0x40, command: 0x50, data: empty })).toEqual(fromHex(V.requestRated));
  });

  it('R01 R02 decodes pack voltage, current (discharge positive on the wire), SoC, ranges, MOS and status', () => {
    expect(decodeSoc(data(V.soc))).toEqual({ packMv: 53200, currentMa: -2100, socPm: 888 });
    expect(decodeCellRange(data(V.cellRange))).toEqual({ max: 3328, maxIndex: 15, min: 3326, minIndex: 1 });
    expect(decodeTempRange(data(V.tempRange))).toEqual({ max: 150, maxIndex: 1, min: 150, minIndex: 1 });
    expect(decodeMos(data(V.mos))).toEqual({ state: 2, chargeMos: true, dischargeMos: true, bmsLife: 120, remainingMah: 248640 });
    expect(decodeStatus(data(V.status))).toEqual({ cellCount: 16, ntcCount: 1, charger: false, load: false, dio: 0, cycles: 3 });
    // the room's encoders give back the captured numbers
    expect(decodeSoc(encodeSoc({ packMv: 53200, currentMa: -2100, socPm: 888 }))).toEqual({ packMv: 53200, currentMa: -2100, socPm: 888 });
    expect(decodeMos(encodeMos(decodeMos(data(V.mos))))).toEqual(decodeMos(data(V.mos)));
  });

  it('R18 assembles cells and temperatures from numbered frames', () => {
    const cells = decodeCellFrames([data(V.cellFrame1), data(V.cellFrame6)], 3);
    expect(cells).toEqual([3325, 3326, 3326]);
    expect(() => decodeCellFrames([data(V.cellFrame1)], 16)).toThrow(expect.objectContaining({ code: 'DALY_FRAME_INVALID' }));
    expect(decodeTempFrames([data(V.tempFrame1)], 1)).toEqual([150]);
  });

  it('R21 drops a corrupted frame as DALY_CHECKSUM and resynchronises on the next one', () => {
    const bad = fromHex(V.soc);
    bad[6] ^= 0x04;
    expect(() => parseDalyFrame(bad)).toThrow(expect.objectContaining({ code: 'DALY_CHECKSUM' }));
    const stream = new Uint8Array([0x11, ...bad, ...fromHex(V.status), ...fromHex(V.mos).subarray(0, 5)]);
    const { frames, errors, rest } = decodeDalyFrames(stream);
    expect(frames.map((f) => f.command)).toEqual([0x94]);
    expect(errors?.[0]).toMatchObject({ code: 'DALY_CHECKSUM' });
    expect(rest).toEqual(fromHex(V.mos).subarray(0, 5));
  });
});
