/** Full image verification (parse, SHA-256, key lookup, Ed25519) of signed 1 and 4 MiB images. */
import { verifyImage } from '../../src/lib/core/image/verify-image';
import { nobleSha256 } from '../../src/lib/core/image/hash-image';
import { generateKeyPair } from '../../src/lib/core/image/keys';
import { signImage } from '../../src/lib/core/image/sign-image';
import { testBytes, timeMedian } from '../../src/lib/platform/web/image-worker/hash-speed';
import { webCryptoSha256 } from '../../src/lib/platform/web/image-worker/web-crypto-sha256';
import { MIB, type BenchModule, type BenchRow } from './bench-types';

export const verifyBench: BenchModule = {
  name: 'verify',
  baseline: 'noble',
  describe: () =>
    `verifyImage in Node ${process.version} with each SHA-256 (Ed25519 by @noble/ed25519 in both); ` +
    `"webcrypto" = Node's WebCrypto`,
  async run() {
    const key = generateKeyPair();
    const trusted = [{ name: 'bench', publicKey: key.publicKey }];
    const rows: BenchRow[] = [];
    for (const size of [MIB, 4 * MIB]) {
      const image = signImage(testBytes(size), key.secretKey, {
        version: { major: 1, minor: 0, revision: 0, build: 0 },
        headerSize: 0x200,
        align: 4
      });
      for (const [method, sha256] of [['noble', nobleSha256], ['webcrypto', webCryptoSha256]] as const) {
        const ms = await timeMedian(() => verifyImage(image, trusted, { sha256 }), 15);
        rows.push({ case: `verify ${size / MIB} MiB image`, method, bytes: image.byteLength, ms });
      }
    }
    return rows;
  }
};
