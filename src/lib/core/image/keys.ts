/**
 * Ed25519 keys as MCUboot and imgtool see them: the KEYHASH TLV is SHA-256 of the 44-byte DER
 * SubjectPublicKeyInfo (imgtool keys/ed25519.py get_public_bytes); key files are PEM PKCS#8
 * "PRIVATE KEY" (imgtool keygen) and SPKI "PUBLIC KEY" (imgtool getpub -e pem).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { fail } from '../errors';
import { ed25519PublicKey, ed25519RandomSecretKey } from './ed25519';
import { decodePkcs8, decodeSpki, encodePkcs8, encodeSpki } from './key-der';
import { decodePem, encodePem } from './pem';

export interface TrustedKey {
  name: string;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
}

export interface Ed25519KeyPair {
  /** The 32-byte RFC 8032 seed. */
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export { encodeSpki as spkiOf };

export function keyHashOf(publicKey: Uint8Array): Uint8Array {
  return sha256(encodeSpki(publicKey));
}

/** First 8 bytes of the key hash in hex: enough to tell keys apart on screen and in reports. */
export function fingerprintOfKeyHash(keyHash: Uint8Array): string {
  return bytesToHex(keyHash.subarray(0, 8));
}

export function keyFingerprint(publicKey: Uint8Array): string {
  return fingerprintOfKeyHash(keyHashOf(publicKey));
}

export function generateKeyPair(): Ed25519KeyPair {
  const secretKey = ed25519RandomSecretKey();
  return { secretKey, publicKey: ed25519PublicKey(secretKey) };
}

export function parsePrivateKeyPem(text: string): Ed25519KeyPair {
  const { label, der } = decodePem(text);
  if (label !== 'PRIVATE KEY') failOnLabel(label, 'PRIVATE KEY');
  const secretKey = decodePkcs8(der);
  return { secretKey, publicKey: ed25519PublicKey(secretKey) };
}

export function parsePublicKeyPem(text: string): Uint8Array {
  const { label, der } = decodePem(text);
  if (label !== 'PUBLIC KEY') failOnLabel(label, 'PUBLIC KEY');
  return decodeSpki(der);
}

/** A PEM file that may hold either key: the public half is what verification needs. */
export function parseAnyKeyPem(text: string): { publicKey: Uint8Array; secretKey?: Uint8Array } {
  return decodePem(text).label === 'PUBLIC KEY' ? { publicKey: parsePublicKeyPem(text) } : parsePrivateKeyPem(text);
}

export function privateKeyToPem(secretKey: Uint8Array): string {
  return encodePem('PRIVATE KEY', encodePkcs8(secretKey));
}

export function publicKeyToPem(publicKey: Uint8Array): string {
  return encodePem('PUBLIC KEY', encodeSpki(publicKey));
}

function failOnLabel(label: string, expected: string): never {
  if (label === 'ENCRYPTED PRIVATE KEY') {
    fail('IMAGE_KEY_INVALID', 'the private key is password-protected; export it without a password (imgtool keygen without -p)');
  }
  if (/^(EC|RSA|DSA) (PRIVATE|PUBLIC) KEY$/.test(label)) {
    fail('IMAGE_KEY_UNSUPPORTED', `PEM "${label}" is not an Ed25519 key`);
  }
  fail('IMAGE_KEY_INVALID', `expected a PEM "${expected}" block, found "${label}"`);
}
