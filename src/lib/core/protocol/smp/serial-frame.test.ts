import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeSerialFrames, rawBytesPerLine, SerialFrameDecoder, type SerialFrameEvent } from './serial-frame';
import { SMP_VECTORS, vectorFrame, vectorPacket } from './smp-vectors';
import { base64Decode, base64Encode } from './base64';
import { crc16Xmodem } from './crc16';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const asText = (b: Uint8Array) => String.fromCharCode(...b);
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const packets = (events: SerialFrameEvent[]) => events.flatMap((e) => (e.type === 'packet' ? [e.packet] : []));
const badCodes = (events: SerialFrameEvent[]) => events.flatMap((e) => (e.type === 'bad-frame' ? [e.code] : []));

const echo = vectorFrame(SMP_VECTORS.echoRequest);
const upload = vectorFrame(SMP_VECTORS.uploadFirst);

/** Builds a frame by hand from raw (already length-prefixed, CRC-suffixed) bytes. */
function handFrame(raw: Uint8Array): Uint8Array {
  return cat(latin1('\x06\x09'), base64Encode(raw), latin1('\n'));
}

function rawOf(packet: Uint8Array, total = packet.length + 2, crc = crc16Xmodem(packet)): Uint8Array {
  return cat(Uint8Array.from([total >> 8, total & 0xff]), packet, Uint8Array.from([crc >> 8, crc & 0xff]));
}

describe('SMP serial framing: encoder', () => {
  it.each(Object.entries(SMP_VECTORS))('writes the %s vector frame byte for byte', (_, vector) => {
    expect(asText(encodeSerialFrames(vectorPacket(vector)))).toBe(vector.frame);
  });

  it('fits 93 raw bytes in a 127-byte line and refuses lines below 7 bytes', () => {
    expect(rawBytesPerLine(127)).toBe(93);
    expect(rawBytesPerLine(7)).toBe(3);
    expect(() => rawBytesPerLine(6)).toThrow(/below 7/);
  });

  it('keeps every line within the limit, decodable on its own, with the right markers', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 700 }), fc.integer({ min: 7, max: 300 }), (packet, lineLength) => {
        const wire = encodeSerialFrames(packet, { lineLength });
        const lines = asText(wire).split('\n').slice(0, -1);
        const raw: number[] = [];
        lines.forEach((line, index) => {
          expect(line.length + 1).toBeLessThanOrEqual(lineLength);
          expect(line.slice(0, 2)).toBe(index === 0 ? '\x06\x09' : '\x04\x14');
          raw.push(...base64Decode(latin1(line.slice(2)))!);
        });
        expect(Uint8Array.from(raw)).toEqual(rawOf(packet));
        expect(packets(new SerialFrameDecoder().push(wire))).toEqual([packet]);
      }),
      { numRuns: 200 }
    );
  });
});

describe('SMP serial framing: streaming decoder', () => {
  it('decodes the hand-written two-line upload frame', () => {
    expect(packets(new SerialFrameDecoder().push(upload))).toEqual([vectorPacket(SMP_VECTORS.uploadFirst)]);
  });

  it('copes with a read split at every byte position, and byte-by-byte reads', () => {
    const wire = cat(upload, echo);
    for (let cut = 0; cut <= wire.length; cut++) {
      const decoder = new SerialFrameDecoder();
      const events = [...decoder.push(wire.subarray(0, cut)), ...decoder.push(wire.subarray(cut))];
      expect(packets(events).length, `cut at ${cut}`).toBe(2);
      expect(badCodes(events)).toEqual([]);
    }
    const decoder = new SerialFrameDecoder();
    const events = [...wire].flatMap((b) => decoder.push(Uint8Array.of(b)));
    expect(packets(events)).toEqual([vectorPacket(SMP_VECTORS.uploadFirst), vectorPacket(SMP_VECTORS.echoRequest)]);
  });

  it('ignores console log text around and between frames and reports it as noise', () => {
    const firstLine = upload.subarray(0, upload.indexOf(0x0a) + 1);
    const secondLine = upload.subarray(firstLine.length);
    const wire = cat(
      latin1('*** Booting Zephyr OS ***\r\n[00:00:00.010,000] <inf> bms: ready\r\n'),
      firstLine,
      latin1('[00:00:01.000,000] <wrn> bms: cell 3 high\r\n'),
      secondLine,
      latin1('uart:~$ '),
      echo
    );
    const events = new SerialFrameDecoder().push(wire);
    expect(packets(events)).toEqual([vectorPacket(SMP_VECTORS.uploadFirst), vectorPacket(SMP_VECTORS.echoRequest)]);
    const noise = events.flatMap((e) => (e.type === 'noise' ? [asText(e.bytes)] : [])).join('');
    expect(noise).toContain('<inf> bms: ready');
    expect(noise).toContain('cell 3 high');
    expect(noise).toContain('uart:~$ ');
  });

  it('R12 reads past whatever a port opened mid-answer shows first: the tail of a frame is noise, not an error', () => {
    for (let cut = 1; cut < upload.length; cut++) {
      const events = new SerialFrameDecoder().push(cat(upload.subarray(cut), latin1('\x1b[1;32muart:~$ \x1b[m'), echo));
      expect(packets(events), `opened at byte ${cut}`).toEqual([vectorPacket(SMP_VECTORS.echoRequest)]);
      expect(badCodes(events), `opened at byte ${cut}`).toEqual([]);
    }
  });

  it('R12 picks frames out of a Zephyr shell: echoed keys, coloured prompts, a reset mid-line and its boot banner', () => {
    const answer = vectorFrame(SMP_VECTORS.mcumgrEchoResponse);
    const wire = cat(
      latin1('help\r\nhelp: command not found\r\n\x1b[1;32muart:~$ \x1b[m'),
      answer,
      latin1('\x1b[1;32muart:~$ \x1b[m'),
      // the device reset while sending a line: no newline, then its banner
      upload.subarray(0, 40),
      latin1('*** Booting Zephyr OS build v3.4.99 ***\r\n[00:00:00.228,000] <inf> smp_sample: build time\r\n'),
      answer
    );
    const events = new SerialFrameDecoder().push(wire);
    expect(packets(events)).toEqual([vectorPacket(SMP_VECTORS.mcumgrEchoResponse), vectorPacket(SMP_VECTORS.mcumgrEchoResponse)]);
    expect(badCodes(events)).toEqual(['SMP_FRAME_BAD_BASE64']);
  });

  it('reports a CRC error and still decodes the next good frame', () => {
    const raw = rawOf(vectorPacket(SMP_VECTORS.echoRequest));
    raw[12] ^= 0x01; // one flipped bit in the CBOR body
    const events = new SerialFrameDecoder().push(cat(handFrame(raw), echo));
    expect(badCodes(events)).toEqual(['SMP_FRAME_CRC_MISMATCH']);
    const bad = events.find((e) => e.type === 'bad-frame');
    expect(bad && bad.type === 'bad-frame' && bad.detail).toMatch(/CRC 0xe27c received, 0x[0-9a-f]{4} computed/);
    expect(packets(events)).toEqual([vectorPacket(SMP_VECTORS.echoRequest)]);
  });

  it('reports bad base64 and misplaced padding, then resyncs', () => {
    const garbled = latin1('\x06\x09ABAKAA!GAAAAAKFhZGJoaeJ8\n');
    const padded = latin1('\x06\x09AB==AAGAAAAAKFhZGJoaeJ8\n');
    const events = new SerialFrameDecoder().push(cat(garbled, padded, echo));
    expect(badCodes(events)).toEqual(['SMP_FRAME_BAD_BASE64', 'SMP_FRAME_BAD_BASE64']);
    expect(packets(events)).toHaveLength(1);
  });

  it('reports a frame longer than it announces', () => {
    const packet = vectorPacket(SMP_VECTORS.echoRequest);
    const events = new SerialFrameDecoder().push(cat(handFrame(rawOf(packet, packet.length)), echo));
    expect(badCodes(events)).toEqual(['SMP_FRAME_LENGTH_MISMATCH']);
    expect(packets(events)).toHaveLength(1);
  });

  it('reports a frame announcing less than a header and CRC', () => {
    const events = new SerialFrameDecoder().push(cat(handFrame(Uint8Array.of(0, 3, 1, 2, 3)), echo));
    expect(badCodes(events)).toEqual(['SMP_FRAME_LENGTH_MISMATCH']);
    expect(packets(events)).toHaveLength(1);
  });

  it('reports a frame cut off by a new start (lost continuation line)', () => {
    const firstLine = upload.subarray(0, upload.indexOf(0x0a) + 1);
    const events = new SerialFrameDecoder().push(cat(firstLine, echo));
    expect(badCodes(events)).toEqual(['SMP_FRAME_TRUNCATED']);
    expect(packets(events)).toEqual([vectorPacket(SMP_VECTORS.echoRequest)]);
    const midLine = new SerialFrameDecoder().push(cat(echo.subarray(0, 10), echo));
    expect(badCodes(midLine)).toEqual(['SMP_FRAME_TRUNCATED']);
    expect(packets(midLine)).toHaveLength(1);
  });

  it('reports an over-long line (lost newline) and recovers', () => {
    const decoder = new SerialFrameDecoder({ maxLineLength: 127 });
    const events = decoder.push(cat(latin1('\x06\x09' + 'A'.repeat(300)), echo));
    expect(badCodes(events)).toEqual(['SMP_FRAME_LINE_TOO_LONG']);
    expect(packets(events)).toHaveLength(1);
  });

  it('accepts CRLF line ends and base64 split at any character by other senders', () => {
    const raw = rawOf(vectorPacket(SMP_VECTORS.uploadFirst));
    const text = asText(base64Encode(raw));
    const lines = [text.slice(0, 10), text.slice(10, 91), text.slice(91)];
    const wire = latin1(lines.map((l, i) => (i === 0 ? '\x06\x09' : '\x04\x14') + l + '\r\n').join(''));
    expect(packets(new SerialFrameDecoder().push(wire))).toEqual([vectorPacket(SMP_VECTORS.uploadFirst)]);
  });

  it('drops a partial frame on reset', () => {
    const decoder = new SerialFrameDecoder();
    decoder.push(upload.subarray(0, 50));
    decoder.reset();
    const events = decoder.push(cat(upload.subarray(50), echo));
    expect(badCodes(events)).toEqual([]);
    expect(packets(events)).toEqual([vectorPacket(SMP_VECTORS.echoRequest)]);
  });

  it('never throws and never loses a good frame after random garbage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (garbage) => {
        const events = new SerialFrameDecoder().push(cat(garbage, echo));
        expect(packets(events).at(-1)).toEqual(vectorPacket(SMP_VECTORS.echoRequest));
      }),
      { numRuns: 500 }
    );
  });
});
