import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { EXPECTED, PADDED, SIGNED, UNSIGNED, fixture, fixtureText } from '../../../../tests/node/imgtool-fixtures';
import { BmsError } from '../errors';
import { generateKeyPair, parsePublicKeyPem, type TrustedKey } from './keys';
import { verifyImage } from './verify-image';
import type { Sha256 } from './hash-image';

const vendor: TrustedKey = { name: 'vendor', publicKey: parsePublicKeyPem(fixtureText('ed25519.pub.pem')) };
const stranger: TrustedKey = { name: 'stranger', publicKey: generateKeyPair().publicKey };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BmsError) return error.code;
    throw error;
  }
  return 'verified';
}

describe('verifyImage as MCUboot bootutil does (R08, R11)', () => {
  it('verifies the imgtool-signed image against its key and names the signer', async () => {
    const result = await verifyImage(fixture(SIGNED), [stranger, vendor]);
    expect(bytesToHex(result.digest)).toBe(EXPECTED.signedHash);
    expect(result.signer.name).toBe('vendor');
    expect(bytesToHex(result.signer.keyHash)).toBe(EXPECTED.keyHash);
    expect(result.signer.fingerprint).toBe(EXPECTED.keyHash.slice(0, 16));
    expect(result.image.securityCounter).toBe(5);
  });

  it('verifies the padded, confirmed slot image the same way', async () => {
    const result = await verifyImage(fixture(PADDED), [vendor]);
    expect(bytesToHex(result.digest)).toBe(EXPECTED.signedHash);
  });

  it('IMAGE_UNSIGNED for the hash-only image (its hash still checks)', async () => {
    await expect(verifyImage(fixture(UNSIGNED), [vendor])).rejects.toThrow(/^IMAGE_UNSIGNED: /);
  });

  it('IMAGE_UNKNOWN_KEY when the signer is not trusted, listing the trusted fingerprints', async () => {
    await expect(verifyImage(fixture(SIGNED), [stranger])).rejects.toThrow(
      new RegExp(`IMAGE_UNKNOWN_KEY: signer KEYHASH ${EXPECTED.keyHash} at 0x61c is not trusted; trusted keys: stranger [0-9a-f]{16}`)
    );
    expect(await codeOf(verifyImage(fixture(SIGNED), []))).toBe('IMAGE_UNKNOWN_KEY');
  });

  it('IMAGE_HASH_MISMATCH when a payload byte changes, with both hashes in the detail', async () => {
    const bytes = fixture(SIGNED);
    bytes[0x300] ^= 1;
    await expect(verifyImage(bytes, [vendor])).rejects.toThrow(
      new RegExp(`IMAGE_HASH_MISMATCH: SHA-256 of bytes \\[0, 0x5f4\\) is [0-9a-f]{64}, TLV at 0x5f8 holds ${EXPECTED.signedHash}`)
    );
  });

  it('IMAGE_SIGNATURE_INVALID when the signature is altered', async () => {
    const bytes = fixture(SIGNED);
    bytes[0x650] ^= 0x40;
    expect(await codeOf(verifyImage(bytes, [vendor]))).toBe('IMAGE_SIGNATURE_INVALID');
  });

  it('hashes exactly [0, hdrSize + imgSize + protTlvSize) through an injected Sha256', async () => {
    const sha: Sha256 = async (chunks) => {
      let total = 0;
      for await (const c of chunks) total += c.length;
      expect(total).toBe(0x5f4);
      return hexToBytes(EXPECTED.signedHash);
    };
    const result = await verifyImage(fixture(SIGNED), [vendor], { sha256: sha });
    expect(result.signer.name).toBe('vendor');
  });

  it('IMAGE_ENCRYPTED_UNSUPPORTED for an AES-encrypted image', async () => {
    const bytes = fixture(SIGNED);
    bytes[0x10] = 0x04;
    expect(await codeOf(verifyImage(bytes, [vendor]))).toBe('IMAGE_ENCRYPTED_UNSUPPORTED');
  });

  it('IMAGE_NO_HASH when the SHA256 TLV is missing', async () => {
    const bytes = fixture(SIGNED);
    bytes[0x5f8] = 0x11; // SHA256 → SHA384 type, same length
    await expect(verifyImage(bytes, [vendor])).rejects.toThrow('IMAGE_NO_HASH: only a SHA384 TLV, no SHA256 TLV');
  });
});
