import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { EXPECTED, fixtureText } from '../../../../tests/node/imgtool-fixtures';
import {
  generateKeyPair,
  keyFingerprint,
  keyHashOf,
  parseAnyKeyPem,
  parsePrivateKeyPem,
  parsePublicKeyPem,
  privateKeyToPem,
  publicKeyToPem
} from './keys';

const privatePem = fixtureText('ed25519.pem');
const publicPem = fixtureText('ed25519.pub.pem');

describe('Ed25519 keys as imgtool writes them (R24)', () => {
  it('reads the imgtool PKCS#8 private key and its SPKI public key, which agree', () => {
    const pair = parsePrivateKeyPem(privatePem);
    expect(pair.secretKey).toHaveLength(32);
    expect(pair.publicKey).toEqual(parsePublicKeyPem(publicPem));
  });

  it('computes the MCUboot KEYHASH (SHA-256 of the DER SPKI) and a short fingerprint', () => {
    const publicKey = parsePublicKeyPem(publicPem);
    expect(bytesToHex(keyHashOf(publicKey))).toBe(EXPECTED.keyHash);
    expect(keyFingerprint(publicKey)).toBe(EXPECTED.keyHash.slice(0, 16));
  });

  it('writes PEM byte-identical to imgtool keygen / getpub -e pem', () => {
    const pair = parsePrivateKeyPem(privatePem);
    expect(privateKeyToPem(pair.secretKey)).toBe(privatePem);
    expect(publicKeyToPem(pair.publicKey)).toBe(publicPem);
  });

  it('round-trips a generated key pair', () => {
    const pair = generateKeyPair();
    expect(parsePrivateKeyPem(privateKeyToPem(pair.secretKey))).toEqual(pair);
    expect(parseAnyKeyPem(publicKeyToPem(pair.publicKey))).toEqual({ publicKey: pair.publicKey });
    expect(parseAnyKeyPem(privateKeyToPem(pair.secretKey)).publicKey).toEqual(pair.publicKey);
  });

  it('rejects other key kinds with IMAGE_KEY_INVALID / IMAGE_KEY_UNSUPPORTED and says why', () => {
    const ecdsa = '-----BEGIN PRIVATE KEY-----\nMEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBCBdlS6cYDJ2vbyDtxKs2S/WUOE6WR8EY/T5g+XgkZ4N/Q==\n-----END PRIVATE KEY-----\n';
    expect(() => parsePrivateKeyPem(ecdsa)).toThrow(/IMAGE_KEY_UNSUPPORTED: PKCS#8 private key is ECDSA/);
    expect(() => parsePrivateKeyPem(publicPem)).toThrow(/IMAGE_KEY_INVALID: expected a PEM "PRIVATE KEY" block, found "PUBLIC KEY"/);
    expect(() => parsePublicKeyPem('hello')).toThrow(/IMAGE_KEY_INVALID: no "-----BEGIN/);
    const encrypted = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n';
    expect(() => parsePrivateKeyPem(encrypted)).toThrow(/password-protected/);
    expect(() => parsePrivateKeyPem('-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----')).toThrow(/IMAGE_KEY_UNSUPPORTED/);
    const truncated = privatePem.replace('MC4CAQAwBQYDK2VwBCIEIKGEG0PhdX2/Px75SVYpHPrzxh9sSQBMc99LhSW1fYoG', 'MC4CAQAwBQYDK2VwBCIEIKGEG0Ph');
    expect(() => parsePrivateKeyPem(truncated)).toThrow(/IMAGE_KEY_INVALID: PKCS#8 private key/);
    expect(() => parsePublicKeyPem(publicPem.replace('MCow', 'MC!w'))).toThrow(/not valid base64/);
  });
});
