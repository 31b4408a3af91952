import { describe, expect, it } from 'vitest';
import { METADATA_DIR, PADDED, SIGNED, UNSIGNED, fixture, fixtureText } from '../../../../tests/node/imgtool-fixtures';
import { parseIntelHex } from './intel-hex';
import { generateKeyPair, parsePrivateKeyPem } from './keys';
import { parseImage } from './parse-image';
import { signImage, type SignOptions } from './sign-image';
import { bootMagic, trailerSize } from './trailer';
import { parseVersion } from './version';
import { verifyImage } from './verify-image';

const app = fixture('app.bin');
const key = parsePrivateKeyPem(fixtureText('ed25519.pem'));
const caseA: SignOptions = {
  version: parseVersion('1.2.3+4'),
  securityCounter: 5,
  headerSize: 0x200,
  slotSize: 0x20000,
  align: 4
};

describe('signImage is byte-identical to imgtool 2.4.0 (R24)', () => {
  it('case A: ed25519, version 1.2.3+4, security counter 5', () => {
    expect(signImage(app, key.secretKey, caseA)).toEqual(fixture(SIGNED));
  });

  it('case B: unsigned, SHA256 TLV only, version 0.1.0', () => {
    const options: SignOptions = { version: parseVersion('0.1.0'), headerSize: 0x200, slotSize: 0x20000, align: 4 };
    expect(signImage(app, null, options)).toEqual(fixture(UNSIGNED));
  });

  it('case C: --pad --confirm fills the slot and writes image_ok and the boot magic', () => {
    const padded = signImage(app, key.secretKey, { ...caseA, pad: true, confirm: true });
    expect(padded).toEqual(fixture(PADDED));
    expect(padded[0x20000 - 0x18]).toBe(0x01);
    expect(padded.subarray(0x20000 - 0x10)).toEqual(bootMagic(4));
  });

  it('--confirm alone implies --pad, like imgtool; --pad alone leaves image_ok erased', () => {
    expect(signImage(app, key.secretKey, { ...caseA, confirm: true })).toEqual(fixture(PADDED));
    const padOnly = signImage(app, key.secretKey, { ...caseA, pad: true });
    expect(padOnly[0x20000 - 0x18]).toBe(0xff);
  });
});

describe('signImage matches imgtool --custom-tlv and Intel HEX input (R07, R24)', () => {
  it('writes BMS metadata TLVs exactly as imgtool --custom-tlv 0xb5a0..0xb5a3 does', () => {
    const metadata = { model: 'BMS-16S', hwRevisions: ['A2', 'A3'], minBootloader: parseVersion('2.0.0'), safetyCritical: true };
    const image = signImage(app, key.secretKey, { ...caseA, metadata });
    expect(image).toEqual(fixture('app-ed25519-v1.2.3+4-sc5-bms-metadata.bin', METADATA_DIR));
  });

  it('signs an Intel HEX file with a gap like imgtool (gap filled with 0xff)', () => {
    const hex = parseIntelHex(fixtureText('app-gap.hex', METADATA_DIR));
    expect(hex.baseAddress).toBe(0x08000200);
    expect(hex.data.subarray(500, 600).every((b) => b === 0xff)).toBe(true);
    const options: SignOptions = { version: parseVersion('1.0.0'), headerSize: 0x200, slotSize: 0x20000, align: 4 };
    expect(signImage(hex.data, key.secretKey, options)).toEqual(fixture('app-gap-hex-ed25519-v1.0.0.bin', METADATA_DIR));
  });
});

describe('signImage options and metadata', () => {
  it('R07 R13 carries BMS metadata in protected TLVs that parse back and verify', async () => {
    const pair = generateKeyPair();
    const metadata = { model: 'BMS-16S', hwRevisions: ['A2', 'A3'], minBootloader: parseVersion('2.0.1'), safetyCritical: true };
    const image = signImage(app, pair.secretKey, { ...caseA, metadata });
    const parsed = parseImage(image);
    expect(parsed.metadata).toEqual({ ...metadata, minBootloader: { major: 2, minor: 0, revision: 1, build: 0 } });
    expect(parsed.tlvs.filter((t) => t.protected).map((t) => t.type)).toEqual([0x50, 0xb5a0, 0xb5a1, 0xb5a2, 0xb5a3]);
    expect(parsed.header.protectTlvSize).toBe(4 + 8 + 11 + 9 + 12 + 5);
    const verified = await verifyImage(image, [{ name: 'dev', publicKey: pair.publicKey }]);
    expect(verified.image.metadata.safetyCritical).toBe(true);
  });

  it('sets RAM_LOAD with a load address, as imgtool --load-addr', () => {
    const parsed = parseImage(signImage(app, null, { ...caseA, loadAddr: 0x20000000 }));
    expect(parsed.header.loadAddr).toBe(0x20000000);
    expect(parsed.header.flags).toBe(0x20);
  });

  it('uses the alignment-specific magic and trailer size for align 32', () => {
    const slot = signImage(app, null, { ...caseA, align: 32, pad: true, confirm: true });
    expect(trailerSize(32)).toBe(128 * 3 * 32 + 32 * 4 + 32);
    expect(Array.from(slot.subarray(0x20000 - 16, 0x20000 - 14))).toEqual([0x20, 0x00]);
    expect(slot[0x20000 - 64]).toBe(0x01);
  });

  it('IMAGE_TOO_LARGE when image plus trailer exceed the slot', () => {
    const limit = 0x684 + trailerSize(4);
    expect(signImage(app, key.secretKey, { ...caseA, slotSize: limit })).toHaveLength(0x684);
    expect(() => signImage(app, key.secretKey, { ...caseA, slotSize: limit - 1 })).toThrow(
      `IMAGE_TOO_LARGE: image 0x684 + trailer 0x630 bytes exceeds the slot size 0x${(limit - 1).toString(16)}`
    );
  });

  it('IMAGE_OPTION_INVALID for out-of-range options', () => {
    const bad: Array<Partial<SignOptions>> = [
      { headerSize: 16 },
      { headerSize: 0x10000 },
      { align: 3 as 4 },
      { pad: true, slotSize: 0 },
      { securityCounter: -1 },
      { securityCounter: 2 ** 32 },
      { loadAddr: 1.5 }
    ];
    for (const patch of bad) {
      expect(() => signImage(app, null, { ...caseA, ...patch }), JSON.stringify(patch)).toThrow(/^IMAGE_OPTION_INVALID/);
    }
  });

  it('IMAGE_BAD_METADATA for metadata that would not read back the same', () => {
    const bad = [{ model: '' }, { model: 'x'.repeat(256) }, { hwRevisions: ['A,B'] }, { hwRevisions: [] }, { model: 'a\nb' }];
    for (const metadata of bad) {
      expect(() => signImage(app, null, { ...caseA, metadata }), JSON.stringify(metadata)).toThrow(/^IMAGE_BAD_METADATA/);
    }
  });
});
