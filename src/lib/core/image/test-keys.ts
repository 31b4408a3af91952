/**
 * TEST KEYS, PUBLISHED IN THIS REPOSITORY: never use them for real firmware or real devices.
 * The virtual BMS's vendor key signs its factory firmware and test images; the technician key lets
 * tests and demos open an authenticated session. Both are derived from fixed labels so every run of
 * the simulator, the tests and the e2e scenarios agree on them.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { ed25519PublicKey } from './ed25519';
import type { TrustedKey } from './keys';

function testSeed(label: string): Uint8Array {
  return sha256(new TextEncoder().encode(`bms-flasher/virtual-bms/${label}/TEST-ONLY`));
}

/** 32-byte Ed25519 seed of the "virtual BMS vendor" firmware signing key. TEST ONLY. */
export const VENDOR_TEST_SECRET_KEY = testSeed('vendor-signing-key');
export const VENDOR_TEST_KEY: TrustedKey = {
  name: 'virtual BMS vendor (test key)',
  publicKey: ed25519PublicKey(VENDOR_TEST_SECRET_KEY)
};

/** 32-byte Ed25519 seed of a technician key the virtual BMS enrols by default. TEST ONLY. */
export const TECHNICIAN_TEST_SECRET_KEY = testSeed('technician-key');
export const TECHNICIAN_TEST_PUBLIC_KEY = ed25519PublicKey(TECHNICIAN_TEST_SECRET_KEY);
