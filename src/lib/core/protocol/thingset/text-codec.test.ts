import { describe, expect, it } from 'vitest';
import { crc32, crc32Hex } from './crc32';
import { checkLineCrc, decodeTextFrames, decodeTextLine, encodeTextRequest, formatTextRequest, parseTextRequest, withCrc } from './text-codec';
import { ERROR_ANSWERS, TEXT_VECTORS } from './thingset-vectors';
import { failOnStatus } from './thingset-status';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('ThingSet text codec', () => {
  it('R12 uses the Ethernet CRC-32 over the message without the space (check value and every observed line)', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
    for (const { answer } of TEXT_VECTORS) {
      const message = answer.slice(0, -10);
      expect(withCrc(message)).toBe(answer);
      expect(checkLineCrc(answer)).toEqual({ message, crc: 'ok' });
    }
  });

  it('R12 decodes the observed answers and bodies with their JSON values', () => {
    const stream = TEXT_VECTORS.map((v) => `${v.answer}\r\n`).join('');
    const { frames, rest } = decodeTextFrames(bytes(stream));
    expect(rest.length).toBe(0);
    expect(frames.map((f) => (f.kind === 'answer' ? [f.status, f.body] : f.kind))).toEqual([
      [0x85, expect.objectContaining({ cManufacturer: 'Libre Solar', cDeviceType: 'BMS 16S100 SC', xReset: [] })],
      [0x85, 55],
      [0x85, [52.8, 55]],
      [0x84, undefined],
      [0x84, 0]
    ]);
  });

  it('R12 writes the observed requests, with a checksum the device verifies', () => {
    const requests = TEXT_VECTORS.map((v) => parseTextRequest(v.request));
    expect(requests.map(formatTextRequest)).toEqual(TEXT_VECTORS.map((v) => v.request));
    expect(requests[2]).toEqual({ op: 'fetch', path: 'Meas', names: ['rPackVoltage_V', 'rSOC_pct'] });
    const line = new TextDecoder().decode(encodeTextRequest({ op: 'get', path: 'Meas/rSOC_pct' }));
    expect(line).toBe(`?Meas/rSOC_pct ${crc32Hex('?Meas/rSOC_pct')}#\n`);
    expect(new TextDecoder().decode(encodeTextRequest({ op: 'exec', path: 'Device/xReset', args: [] }, { crc: false }))).toBe('!Device/xReset\n');
  });

  it('R21 turns every error status into its typed error, keeping the device message', () => {
    for (const { message, code } of ERROR_ANSWERS) {
      const frame = decodeTextLine(withCrc(message));
      expect(frame.kind).toBe('answer');
      if (frame.kind !== 'answer') continue;
      expect(() => failOnStatus(frame.status, '?x', typeof frame.body === 'string' ? frame.body : undefined)).toThrowError(
        expect.objectContaining({ code })
      );
    }
    expect(() => failOnStatus(0xa3, '=Meas', 'Item rSOC_pct is read-only')).toThrow(/A3 \(forbidden\): Item rSOC_pct is read-only/);
  });

  it('R16 keeps reports apart, skips log lines, flags a bad checksum and bad JSON, and keeps a partial line', () => {
    const report = withCrc('#mLive {"Meas":{"rSOC_pct":55.0}}');
    const corrupted = TEXT_VECTORS[1].answer.replace('55.0', '56.0');
    const badJson = withCrc(':85 {"a":');
    const stream = `[00:00:01.002,000] <inf> thingset_dfu: Initializing DFU\r\n${report}\r\n${corrupted}\r\n${badJson}\r\n:85 5`;
    const { frames, rest } = decodeTextFrames(bytes(stream));
    expect(frames[0]).toMatchObject({ kind: 'log' });
    expect(frames[1]).toMatchObject({ kind: 'report', path: 'mLive', values: { Meas: { rSOC_pct: 55 } } });
    expect(frames[2]).toMatchObject({ kind: 'invalid', error: { code: 'THINGSET_CRC_MISMATCH' } });
    expect(frames[3]).toMatchObject({ kind: 'invalid', error: { code: 'THINGSET_JSON_INVALID' } });
    expect(new TextDecoder().decode(rest)).toBe(':85 5');
  });

  it('R12 takes short lines ending in # without a checksum, as the firmware does (10 bytes or less)', () => {
    expect(checkLineCrc('?abcdefgh#')).toEqual({ message: '?abcdefgh#', crc: 'absent' });
    expect(checkLineCrc('?Device 00000000#')).toMatchObject({ crc: 'bad' });
  });

  it('R12 refuses malformed request lines with a typed error', () => {
    expect(() => parseTextRequest('=Conf [1]')).toThrowError(expect.objectContaining({ code: 'THINGSET_LINE_INVALID' }));
    expect(() => parseTextRequest('=Conf {bad')).toThrowError(expect.objectContaining({ code: 'THINGSET_JSON_INVALID' }));
    expect(() => parseTextRequest('&Conf')).toThrowError(expect.objectContaining({ code: 'THINGSET_LINE_INVALID' }));
  });
});
