/** Ed25519 through @noble/ed25519, with its synchronous API enabled (it needs a SHA-512). */
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';

ed.hashes.sha512 = sha512;

export const ED25519_SIGNATURE_SIZE = 64;
export const ED25519_KEY_SIZE = 32;

export function ed25519PublicKey(secretKey: Uint8Array): Uint8Array {
  return ed.getPublicKey(secretKey);
}

/** A fresh 32-byte secret (the RFC 8032 seed imgtool stores in PKCS#8), from getRandomValues. */
export function ed25519RandomSecretKey(): Uint8Array {
  return ed.utils.randomSecretKey();
}

export function ed25519Sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed.sign(message, secretKey);
}

/**
 * RFC 8032 strict verification (zip215: false), like OpenSSL behind imgtool. Malformed points or
 * scalars make noble throw; for a verifier that is simply "not valid".
 */
export function ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
