/**
 * The technician's identity for the authenticated session (R14): a public key enrolled on the BMS and a
 * way to sign its challenge. Injected, so the secret stays where the platform keeps it (a PEM file for
 * the CLI, a non-extractable WebCrypto key in the browser) and never passes through the procedure.
 */
import { ed25519PublicKey, ed25519Sign } from '../image/ed25519';
import { keyFingerprint } from '../image/keys';

export interface TechnicianSigner {
  /** who signs, for the report (operator name or key file) */
  name: string;
  /** raw 32-byte Ed25519 public key */
  publicKey: Uint8Array;
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** A signer over a raw 32-byte Ed25519 secret (PEM key file, tests). */
export function secretKeySigner(secretKey: Uint8Array, name: string): TechnicianSigner {
  const publicKey = ed25519PublicKey(secretKey);
  return { name, publicKey, sign: async (message) => ed25519Sign(message, secretKey) };
}

/** What the report records about the signer: never the secret. */
export function describeSigner(signer: TechnicianSigner): { name: string; fingerprint: string } {
  return { name: signer.name, fingerprint: keyFingerprint(signer.publicKey) };
}
