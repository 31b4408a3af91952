/**
 * Keys that ship with the app. The imgtool test key signs the reference images in tests/fixtures/imgtool
 * (a throwaway key: trusted here so the demo and tests work, never for a real fleet).
 */
import { parsePublicKeyPem, type TrustedKey } from '$lib/core/image/keys';

const IMGTOOL_TEST_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAXGPEfSnyO/Mtz5Lpu28kQkmVyKO+vLo/84LA0ubgMIs=
-----END PUBLIC KEY-----`;

export const BUILT_IN_KEYS: readonly TrustedKey[] = [
  { name: 'imgtool test key', publicKey: parsePublicKeyPem(IMGTOOL_TEST_KEY_PEM) }
];
