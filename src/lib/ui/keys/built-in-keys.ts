/**
 * Keys that ship with the app: the virtual BMS vendor's key (signs the simulator's firmware) and the
 * imgtool test key (signs the reference images in tests/fixtures/imgtool). Both are published test keys,
 * trusted so the demo and the tests work; a real deployment replaces this list with its vendors' keys.
 */
import { VENDOR_TEST_KEY } from '$lib/core/image/test-keys';
import { parsePublicKeyPem, type TrustedKey } from '$lib/core/image/keys';

const IMGTOOL_TEST_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAXGPEfSnyO/Mtz5Lpu28kQkmVyKO+vLo/84LA0ubgMIs=
-----END PUBLIC KEY-----`;

export const BUILT_IN_KEYS: readonly TrustedKey[] = [
  VENDOR_TEST_KEY,
  { name: 'imgtool test key', publicKey: parsePublicKeyPem(IMGTOOL_TEST_KEY_PEM) }
];
