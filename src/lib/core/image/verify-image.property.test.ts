/**
 * R08 R11: any single-byte change to a signed image is caught, and by the check that owns that byte.
 * Regions come from the parsed, unmodified imgtool images; each has the code MCUboot's order implies:
 * structure errors first, then the hash (header, payload, protected TLVs), then key and signature.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { METADATA_DIR, SIGNED, fixture, fixtureText } from '../../../../tests/node/imgtool-fixtures';
import { BmsError, type ErrorCode } from '../errors';
import { parsePublicKeyPem } from './keys';
import { parseImage } from './parse-image';
import { verifyImage } from './verify-image';

const trusted = [{ name: 'vendor', publicKey: parsePublicKeyPem(fixtureText('ed25519.pub.pem')) }];
const STRUCTURE: ErrorCode[] = ['IMAGE_BAD_HEADER', 'IMAGE_TRUNCATED', 'IMAGE_TLV_CORRUPT'];

interface Region {
  name: string;
  start: number;
  end: number;
  /** Codes allowed for the flipped byte (one, except where a flip may or may not break framing). */
  expected(offset: number, value: number): ErrorCode[];
}

function regionsOf(bytes: Uint8Array): Region[] {
  const image = parseImage(bytes);
  const { hdrSize, imgSize } = image.header;
  const fixed = (name: string, start: number, end: number, ...codes: ErrorCode[]): Region => ({ name, start, end, expected: () => codes });
  const regions: Region[] = [
    fixed('header magic', 0, 4, 'IMAGE_BAD_MAGIC'),
    fixed('header load address', 4, 8, 'IMAGE_HASH_MISMATCH'),
    fixed('header sizes (hdr, protected TLV, image)', 8, 16, ...STRUCTURE),
    {
      name: 'header flags',
      start: 16,
      end: 20,
      // Encryption bits are refused before hashing; any other flag is just hashed data.
      expected: (offset, value) => [offset === 16 && value & 0x0c ? 'IMAGE_ENCRYPTED_UNSUPPORTED' : 'IMAGE_HASH_MISMATCH']
    },
    fixed('header version and pad', 20, 32, 'IMAGE_HASH_MISMATCH'),
    fixed('header padding', 32, hdrSize, 'IMAGE_HASH_MISMATCH'),
    fixed('payload', hdrSize, hdrSize + imgSize, 'IMAGE_HASH_MISMATCH'),
    fixed('protected TLV info', hdrSize + imgSize, hdrSize + imgSize + 4, 'IMAGE_TLV_CORRUPT')
  ];
  for (const tlv of image.tlvs) {
    const data = tlv.offset + 4;
    const name = `TLV 0x${tlv.type.toString(16)}`;
    if (tlv.protected) {
      regions.push(fixed(`protected ${name} type`, tlv.offset, tlv.offset + 2, 'IMAGE_HASH_MISMATCH'));
      // A new length either breaks the framing or re-frames the area, which the hash then catches.
      regions.push(fixed(`protected ${name} length`, tlv.offset + 2, data, 'IMAGE_TLV_CORRUPT', 'IMAGE_HASH_MISMATCH'));
      regions.push(fixed(`protected ${name} value`, data, data + tlv.data.length, 'IMAGE_HASH_MISMATCH'));
    } else if (tlv.type === 0x10) {
      regions.push(fixed('SHA256 value', data, data + 32, 'IMAGE_HASH_MISMATCH'));
    } else if (tlv.type === 0x01) {
      regions.push(fixed('KEYHASH value', data, data + 32, 'IMAGE_UNKNOWN_KEY'));
    } else if (tlv.type === 0x24) {
      regions.push(fixed('ED25519 signature value', data, data + 64, 'IMAGE_SIGNATURE_INVALID'));
    }
  }
  return regions.filter((r) => r.end > r.start);
}

async function verifyCode(bytes: Uint8Array): Promise<string> {
  try {
    await verifyImage(bytes, trusted);
    return 'verified';
  } catch (error) {
    if (error instanceof BmsError) return error.code;
    throw error;
  }
}

const images = {
  'imgtool case A (SEC_CNT)': fixture(SIGNED),
  'imgtool image with BMS metadata TLVs': fixture('app-ed25519-v1.2.3+4-sc5-bms-metadata.bin', METADATA_DIR)
};

describe('R08 R11 single-byte flips are rejected with the code of the region they hit', () => {
  for (const [label, original] of Object.entries(images)) {
    it(`${label}: header, payload, protected TLVs → hash/structure, key hash → UNKNOWN_KEY, signature → SIGNATURE_INVALID`, async () => {
      expect(await verifyCode(original)).toBe('verified');
      const regions = regionsOf(original);
      const flip = fc
        .integer({ min: 0, max: regions.length - 1 })
        .chain((i) => fc.record({ region: fc.constant(regions[i]), offset: fc.integer({ min: regions[i].start, max: regions[i].end - 1 }), mask: fc.integer({ min: 1, max: 255 }) }));
      await fc.assert(
        fc.asyncProperty(flip, async ({ region, offset, mask }) => {
          const bytes = original.slice();
          bytes[offset] ^= mask;
          const code = await verifyCode(bytes);
          expect(region.expected(offset, bytes[offset]), `${region.name} @0x${offset.toString(16)} ^0x${mask.toString(16)}`).toContain(code);
        }),
        { numRuns: 150 }
      );
    });
  }

  it('flips in the unprotected TLV headers never verify and always give an IMAGE_ code', async () => {
    const original = fixture(SIGNED);
    const headerBytes = parseImage(original)
      .tlvs.filter((t) => !t.protected)
      .flatMap((t) => [0, 1, 2, 3].map((k) => t.offset + k))
      .concat([0x5f4, 0x5f5, 0x5f6, 0x5f7]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...headerBytes), fc.integer({ min: 1, max: 255 }), async (offset, mask) => {
        const bytes = original.slice();
        bytes[offset] ^= mask;
        expect(await verifyCode(bytes)).toMatch(/^IMAGE_/);
      }),
      { numRuns: 100 }
    );
  });
});
