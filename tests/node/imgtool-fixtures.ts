/** Test-only access to the imgtool reference images in tests/fixtures/imgtool (see its README). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const IMGTOOL_DIR = fileURLToPath(new URL('../fixtures/imgtool/', import.meta.url));
/** imgtool images with our metadata TLVs and an Intel HEX input (README there). */
export const METADATA_DIR = fileURLToPath(new URL('../fixtures/bms-metadata/', import.meta.url));

export function fixture(name: string, dir = IMGTOOL_DIR): Uint8Array {
  return new Uint8Array(readFileSync(dir + name));
}

export function fixtureText(name: string, dir = IMGTOOL_DIR): string {
  return readFileSync(dir + name, 'utf8');
}

export const SIGNED = 'app-ed25519-v1.2.3+4-sc5.bin';
export const UNSIGNED = 'app-unsigned-sha256-v0.1.0.bin';
export const PADDED = 'app-ed25519-v1.2.3+4-sc5-padded-confirmed.bin';

/** Expected values from the fixture README. */
export const EXPECTED = {
  signedHash: 'ce173793833cf82c2c6cb3468714c3718d60b16b6b2adbc4a010863a7a5ca28f',
  unsignedHash: '8e19ccf26fd7a10734db28592f5deb6117374e68aa764d85dd325b33807ceddb',
  keyHash: '5dde4e4e16ac2087d097355312c1c2861e9996019131ba1bc4f434628ed55acb',
  signature:
    'c76a29b65fb84e6f7f8132e74c2c850626291aaa3676f4fa91ab42ceed8115cd2822080d6e9565573168e024995704ae3f8d88f1a74682a833f6d2e81765480d'
} as const;
