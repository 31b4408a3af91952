/**
 * Which signing keys apply to which device. Two keys ship with the app and are published test keys:
 * the virtual BMS vendor key (its factory and demo firmware) and imgtool's own test key (imgtool's
 * root-ed25519.pem, which signs the reference images). Anyone holds their private halves, so an image
 * they sign proves nothing about its origin: they are trusted for the Virtual BMS only, and for a real
 * port only when a developer says so on purpose. A key counts as a test key by its public key, whatever
 * name or list it came under, so adding one again as "your" key does not widen its trust.
 */
import type { ErrorData } from '../errors';
import { keyFingerprint, parsePublicKeyPem, type TrustedKey } from '../image/keys';
import { verifyImage } from '../image/verify-image';
import type { LinkInfo } from '../link/link';
import { VENDOR_TEST_KEY } from '../image/test-keys';

/** imgtool's published test key (MCUboot root-ed25519.pem), public half. */
const IMGTOOL_TEST_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAXGPEfSnyO/Mtz5Lpu28kQkmVyKO+vLo/84LA0ubgMIs=
-----END PUBLIC KEY-----`;

export const PUBLISHED_TEST_KEYS: readonly TrustedKey[] = [
  VENDOR_TEST_KEY,
  { name: 'imgtool test key', publicKey: parsePublicKeyPem(IMGTOOL_TEST_KEY_PEM) }
];

const TEST_FINGERPRINTS = new Set(PUBLISHED_TEST_KEYS.map((key) => keyFingerprint(key.publicKey)));

export function isPublishedTestKey(publicKey: Uint8Array): boolean {
  return TEST_FINGERPRINTS.has(keyFingerprint(publicKey));
}

export function isTestKeyFingerprint(fingerprint: string): boolean {
  return TEST_FINGERPRINTS.has(fingerprint);
}

/** The Virtual BMS, or a port that leads to real hardware (serial, USB, Bluetooth, a pty). */
export type TrustTarget = 'virtual' | 'real';

export function trustTargetOf(link: Pick<LinkInfo, 'kind'>): TrustTarget {
  return link.kind === 'virtual' ? 'virtual' : 'real';
}

export interface TrustPolicy {
  /** developer setting: published test keys also sign firmware for real ports (off by default) */
  testKeysOnRealPorts?: boolean;
}

export interface ScopedKeys {
  /** the keys an image for this target may be signed with */
  keys: TrustedKey[];
  /** test keys left out for this target, named when an image signed by one is refused */
  withheld: TrustedKey[];
}

export function keysForTarget(target: TrustTarget, keys: readonly TrustedKey[], policy: TrustPolicy = {}): ScopedKeys {
  if (target === 'virtual' || policy.testKeysOnRealPorts) return { keys: [...keys], withheld: [] };
  return {
    keys: keys.filter((key) => !isPublishedTestKey(key.publicKey)),
    withheld: keys.filter((key) => isPublishedTestKey(key.publicKey))
  };
}

/**
 * An IMAGE_UNKNOWN_KEY refusal told plainly when the signer is a test key withheld for this device;
 * any other error is returned as it is.
 */
export async function explainWithheld(error: ErrorData, image: Uint8Array, withheld: readonly TrustedKey[]): Promise<ErrorData> {
  if (error.code !== 'IMAGE_UNKNOWN_KEY' || withheld.length === 0) return error;
  try {
    const { signer } = await verifyImage(image, [...withheld]);
    return {
      code: error.code,
      detail: `signed only with "${signer.name}" (${signer.fingerprint}), a published test key: trusted for the Virtual BMS only, not for a real port`
    };
  } catch {
    return error;
  }
}
