import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { EXPECTED, PADDED, SIGNED, UNSIGNED, fixture } from '../../../../tests/node/imgtool-fixtures';
import { BmsError } from '../errors';
import { TLV } from './image-format';
import { parseImage } from './parse-image';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof BmsError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('parseImage on imgtool images (R08)', () => {
  it('reads the header, TLVs, hash, key hash and signature of the signed image', () => {
    const image = parseImage(fixture(SIGNED));
    expect(image.header).toEqual({
      loadAddr: 0,
      hdrSize: 0x200,
      protectTlvSize: 0x0c,
      imgSize: 0x3e8,
      flags: 0,
      version: { major: 1, minor: 2, revision: 3, build: 4 }
    });
    expect(image.hashedLength).toBe(0x5f4);
    expect(image.imageEnd).toBe(1668);
    expect(image.payload).toEqual(fixture('app.bin'));
    expect(image.securityCounter).toBe(5);
    expect(bytesToHex(image.imageHash!)).toBe(EXPECTED.signedHash);
    expect(bytesToHex(image.keyHash!)).toBe(EXPECTED.keyHash);
    expect(bytesToHex(image.signature!)).toBe(EXPECTED.signature);
    expect(image.tlvs.map((t) => [t.type, t.protected, t.offset])).toEqual([
      [TLV.SEC_CNT, true, 0x5ec],
      [TLV.SHA256, false, 0x5f8],
      [TLV.KEYHASH, false, 0x61c],
      [TLV.ED25519, false, 0x640]
    ]);
    expect(image.metadata).toEqual({ safetyCritical: false });
  });

  it('reads the unsigned image: no protected area, SHA256 only', () => {
    const image = parseImage(fixture(UNSIGNED));
    expect(image.header.protectTlvSize).toBe(0);
    expect(image.header.version).toEqual({ major: 0, minor: 1, revision: 0, build: 0 });
    expect(bytesToHex(image.imageHash!)).toBe(EXPECTED.unsignedHash);
    expect(image.keyHash).toBeUndefined();
    expect(image.signature).toBeUndefined();
    expect(image.securityCounter).toBeUndefined();
    expect(image.imageEnd).toBe(1552);
  });

  it('reads a padded slot image and stops at the end of the TLVs', () => {
    const image = parseImage(fixture(PADDED));
    expect(image.imageEnd).toBe(1668);
    expect(bytesToHex(image.imageHash!)).toBe(EXPECTED.signedHash);
  });
});

describe('parseImage rejects malformed images with a precise code (R08)', () => {
  const signed = () => fixture(SIGNED);
  const withByte = (offset: number, value: number) => {
    const bytes = signed();
    bytes[offset] = value;
    return bytes;
  };

  it('IMAGE_TRUNCATED for short files', () => {
    expect(codeOf(() => parseImage(new Uint8Array(0)))).toBe('IMAGE_TRUNCATED');
    expect(codeOf(() => parseImage(signed().subarray(0, 31)))).toBe('IMAGE_TRUNCATED');
    expect(codeOf(() => parseImage(signed().subarray(0, 0x5f0)))).toBe('IMAGE_TRUNCATED');
    expect(codeOf(() => parseImage(signed().subarray(0, 1667)))).toBe('IMAGE_TRUNCATED');
  });

  it('IMAGE_BAD_MAGIC names the expected and found values', () => {
    expect(() => parseImage(withByte(0, 0))).toThrow('expected 0x96f3b83d at offset 0, found 0x96f3b800');
  });

  it('IMAGE_BAD_HEADER when the header size cannot hold the header', () => {
    const bytes = signed();
    bytes[8] = 0x10;
    bytes[9] = 0;
    expect(codeOf(() => parseImage(bytes))).toBe('IMAGE_BAD_HEADER');
    expect(codeOf(() => parseImage(withByte(10, 2)))).toBe('IMAGE_BAD_HEADER');
  });

  it('IMAGE_TLV_CORRUPT for wrong TLV info magic, size or overrunning TLVs', () => {
    expect(codeOf(() => parseImage(withByte(0x5e8, 0)))).toBe('IMAGE_TLV_CORRUPT');
    expect(codeOf(() => parseImage(withByte(0x5ea, 0x10)))).toBe('IMAGE_TLV_CORRUPT');
    expect(codeOf(() => parseImage(withByte(0x5f4, 0)))).toBe('IMAGE_TLV_CORRUPT');
    expect(codeOf(() => parseImage(withByte(0x5ee, 0x05)))).toBe('IMAGE_TLV_CORRUPT');
    expect(codeOf(() => parseImage(withByte(0x5fa, 0x21)))).toBe('IMAGE_TLV_CORRUPT');
    const noProtSize = signed();
    noProtSize[10] = 0;
    expect(codeOf(() => parseImage(noProtSize))).toBe('IMAGE_TLV_CORRUPT');
  });
});
