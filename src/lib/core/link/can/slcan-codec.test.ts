import { describe, expect, it } from 'vitest';
import { decodeSlcan, encodeSlcanLine, parseSlcanText } from './slcan-codec';
import { PYTHON_CAN_OPEN, SLCAN_FRAME_VECTORS, SLCAN_MALFORMED } from './slcan-vectors';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (value: string) => new TextEncoder().encode(value);

describe('SLCAN codec', () => {
  it.each(SLCAN_FRAME_VECTORS)('R12 $text decodes to its frame and encodes back byte for byte', ({ text: line, frame, timestampMs }) => {
    const { lines, rest } = decodeSlcan(bytes(`${line}\r`));
    expect(rest.length).toBe(0);
    expect(lines).toEqual([timestampMs === undefined ? { kind: 'frame', frame } : { kind: 'frame', frame, timestampMs }]);
    expect(text(encodeSlcanLine(lines[0]))).toBe(`${line}\r`);
  });

  it("R12 reads python-can's open sequence as close, bit rate 6 (500 kbit/s), open, open", () => {
    expect(decodeSlcan(bytes(PYTHON_CAN_OPEN)).lines).toEqual([
      { kind: 'close' },
      { kind: 'bitrate', index: 6 },
      { kind: 'open' },
      { kind: 'open' }
    ]);
  });

  it('R12 tells replies from requests: version, serial, status flags, transmit acks, BEL', () => {
    const { lines } = decodeSlcan(bytes('V1013\rNA123\rF80\rz\rZ\r\x07\rV\rN\rF\rZ1\r'));
    expect(lines).toEqual([
      { kind: 'version', value: '1013' },
      { kind: 'serial', value: 'A123' },
      { kind: 'status', flags: 0x80 },
      { kind: 'sent', extended: false },
      { kind: 'sent', extended: true },
      { kind: 'bell' },
      { kind: 'ok' },
      { kind: 'version' },
      { kind: 'serial' },
      { kind: 'status' },
      { kind: 'timestamps', on: true }
    ]);
    expect(encodeSlcanLine({ kind: 'bell' })).toEqual(Uint8Array.of(7));
    expect(text(encodeSlcanLine({ kind: 'status', flags: 0x22 }))).toBe('F22\r');
  });

  it('R12 keeps an unterminated tail for the next chunk, across any split point', () => {
    const stream = 't49580101000000000000\rt4808C500000000000000\r';
    for (let cut = 0; cut <= stream.length; cut += 1) {
      const first = decodeSlcan(bytes(stream.slice(0, cut)));
      const joined = new Uint8Array([...first.rest, ...bytes(stream.slice(cut))]);
      const second = decodeSlcan(joined);
      expect([...first.lines, ...second.lines].map((l) => l.kind)).toEqual(['frame', 'frame']);
    }
  });

  it.each(SLCAN_MALFORMED)('R12 does not turn the malformed line %s into a frame', (line) => {
    expect(parseSlcanText(line).kind).toBe('unknown');
  });
});
