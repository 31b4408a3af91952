/** Firmware files for the e2e scenarios: the imgtool fixtures, and images signed here in Node. */
import { readFileSync } from 'node:fs';
import { generateKeyPair, parsePrivateKeyPem } from '../../../src/lib/core/image/keys';
import { signImage } from '../../../src/lib/core/image/sign-image';

const FIXTURES = 'tests/fixtures/imgtool';

export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const IMGTOOL_SIGNED = 'app-ed25519-v1.2.3+4-sc5.bin';
/** First 8 bytes of the imgtool test key's KEYHASH (fixture README). */
export const IMGTOOL_KEY_FINGERPRINT = '5dde4e4e16ac2087';

export function fixtureFile(name: string): FilePayload {
  return file(name, readFileSync(`${FIXTURES}/${name}`));
}

export function file(name: string, bytes: Uint8Array): FilePayload {
  return { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) };
}

/** The signed fixture with one payload byte flipped: header and TLVs intact, hash no longer matches. */
export function tamperedFile(): FilePayload {
  const bytes = new Uint8Array(readFileSync(`${FIXTURES}/${IMGTOOL_SIGNED}`));
  bytes[0x200 + 100] ^= 0x01;
  return file('tampered.bin', bytes);
}

export function imgtoolSecretKey(): Uint8Array {
  return parsePrivateKeyPem(readFileSync(`${FIXTURES}/ed25519.pem`, 'utf8')).secretKey;
}

/** A random-looking payload of `size` bytes signed with `secretKey` (default: the imgtool test key). */
export function signedImage(size: number, secretKey = imgtoolSecretKey()): Uint8Array {
  const payload = new Uint8Array(size);
  let x = 0x2545f491;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    payload[i] = x & 0xff;
  }
  return signImage(payload, secretKey, {
    version: { major: 2, minor: 0, revision: 1, build: 7 },
    securityCounter: 3,
    headerSize: 0x200,
    align: 4,
    metadata: { model: 'BMS-16S', hwRevisions: ['B', 'C'], safetyCritical: false }
  });
}

/** An image signed by a freshly generated key, and that key's public half as PEM. */
export function imageFromUnknownSigner(): { image: Uint8Array; publicKey: Uint8Array } {
  const pair = generateKeyPair();
  return { image: signedImage(4096, pair.secretKey), publicKey: pair.publicKey };
}
