import { describe, expect, it } from 'vitest';
import { TLV } from './image-format';
import type { ImageTlv } from './image-types';
import { decodeMetadata, encodeMetadata } from './metadata';

const tlv = (type: number, data: number[] | string, isProtected = true): ImageTlv => ({
  type,
  protected: isProtected,
  offset: 0x5f0,
  data: typeof data === 'string' ? new TextEncoder().encode(data) : Uint8Array.from(data)
});

describe('BMS metadata TLVs (R07 compatibility, R13 safety-critical)', () => {
  it('round-trips every field, UTF-8 included', () => {
    const metadata = { model: 'BMS-16S Été', hwRevisions: ['A2', 'A3'], minBootloader: { major: 2, minor: 1, revision: 0, build: 7 }, safetyCritical: true };
    const tlvs = encodeMetadata(metadata).map((t) => ({ ...t, protected: true, offset: 0 }));
    expect(tlvs.map((t) => t.type)).toEqual([0xb5a0, 0xb5a1, 0xb5a2, 0xb5a3]);
    expect(decodeMetadata(tlvs)).toEqual(metadata);
  });

  it('absent TLVs mean "not declared" and not safety-critical', () => {
    expect(encodeMetadata({})).toEqual([]);
    expect(decodeMetadata([tlv(TLV.SEC_CNT, [5, 0, 0, 0])])).toEqual({ safetyCritical: false });
    expect(decodeMetadata([tlv(TLV.BMS_SAFETY_CRITICAL, [0])])).toEqual({ safetyCritical: false });
  });

  it('rejects metadata the signature does not cover, duplicates and malformed values with IMAGE_BAD_METADATA', () => {
    const cases: Array<[ImageTlv[], RegExp]> = [
      [[tlv(TLV.BMS_SAFETY_CRITICAL, [0], false)], /outside the protected area/],
      [[tlv(TLV.BMS_MODEL, 'a'), tlv(TLV.BMS_MODEL, 'b')], /appears twice/],
      [[tlv(TLV.BMS_SAFETY_CRITICAL, [2])], /one byte 0x00 or 0x01/],
      [[tlv(TLV.BMS_SAFETY_CRITICAL, [1, 0])], /one byte 0x00 or 0x01/],
      [[tlv(TLV.BMS_MIN_BOOTLOADER, [1, 2, 3])], /has 3 bytes, expected 8/],
      [[tlv(TLV.BMS_MODEL, [0xc3, 0x28])], /not valid UTF-8/],
      [[tlv(TLV.BMS_MODEL, [])], /1–255 bytes/],
      [[tlv(TLV.BMS_MODEL, 'a\u0007b')], /control characters/],
      [[tlv(TLV.BMS_HW_REVISIONS, 'A2,,A3')], /empty or padded revision/],
      [[tlv(TLV.BMS_HW_REVISIONS, 'A2, A3')], /empty or padded revision/]
    ];
    for (const [tlvs, message] of cases) expect(() => decodeMetadata(tlvs), String(message)).toThrow(message);
  });
});
