import { describe, expect, it } from 'vitest';
import { parseIntelHex } from './intel-hex';

/** Builds a record with a correct checksum, so tests state content, not arithmetic. */
function record(type: number, offset: number, bytes: number[]): string {
  const raw = [bytes.length, offset >> 8, offset & 0xff, type, ...bytes];
  const sum = (0x100 - (raw.reduce((a, b) => a + b, 0) & 0xff)) & 0xff;
  return ':' + [...raw, sum].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
}
const EOF_RECORD = ':00000001FF';

describe('Intel HEX input for sign', () => {
  it('reads a classic file with an extended linear address, gaps filled with 0xff', () => {
    const text = [
      record(4, 0, [0x08, 0x00]),
      record(0, 0x0000, [1, 2, 3, 4]),
      record(0, 0x0006, [7, 8]),
      record(5, 0, [0x08, 0x00, 0x01, 0x01]),
      EOF_RECORD,
      ''
    ].join('\r\n');
    const hex = parseIntelHex(text);
    expect(hex.baseAddress).toBe(0x08000000);
    expect(Array.from(hex.data)).toEqual([1, 2, 3, 4, 0xff, 0xff, 7, 8]);
  });

  it('orders records by address and honours extended segment addresses', () => {
    const text = [record(2, 0, [0x10, 0x00]), record(0, 4, [9]), record(0, 0, [5]), EOF_RECORD].join('\n');
    expect(parseIntelHex(text)).toEqual({ baseAddress: 0x10000, data: Uint8Array.of(5, 0xff, 0xff, 0xff, 9) });
  });

  it('accepts the known example line from the Intel HEX specification', () => {
    const text = ':10010000214601360121470136007EFE09D2190140\n' + EOF_RECORD;
    expect(parseIntelHex(text).data).toHaveLength(16);
  });

  it('rejects bad files with IMAGE_HEX_INVALID and the line number', () => {
    const cases: Array<[string, RegExp]> = [
      [':10010000214601360121470136007EFE09D2190141\n' + EOF_RECORD, /line 1: checksum 0x41 is wrong/],
      ['hello\n' + EOF_RECORD, /line 1: not an Intel HEX record/],
      [record(0, 0, [1, 2]), /no end-of-file record/],
      [EOF_RECORD, /no data records/],
      [[record(0, 0, [1, 2]), record(0, 1, [3]), EOF_RECORD].join('\n'), /overlaps/],
      [[EOF_RECORD, record(0, 0, [1])].join('\n'), /line 2: data after the end-of-file record/],
      [[record(6, 0, []), EOF_RECORD].join('\n'), /unknown record type 6/],
      [[record(4, 0, [1]), EOF_RECORD].join('\n'), /record type 4 must carry 2 bytes/],
      [':03000000FD\n' + EOF_RECORD, /record says 3 data bytes but holds 0/],
      [[record(0, 0, [1]), record(4, 0, [0x10, 0]), record(0, 0, [2]), EOF_RECORD].join('\n'), /more than 64 MiB/]
    ];
    for (const [text, message] of cases) expect(() => parseIntelHex(text), text).toThrow(message);
  });
});
