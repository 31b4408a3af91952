/** SHA-256 over 1 and 4 MiB, fed as the image hasher feeds it: @noble/hashes streamed vs WebCrypto. */
import { nobleSha256 } from '../../src/lib/core/image/hash-image';
import { measureSha256 } from '../../src/lib/platform/web/image-worker/hash-speed';
import { webCryptoSha256 } from '../../src/lib/platform/web/image-worker/web-crypto-sha256';
import { MIB, type BenchModule } from './bench-types';

export const hashBench: BenchModule = {
  name: 'hash',
  baseline: 'noble',
  describe: () =>
    `SHA-256 in Node ${process.version}: "noble" = @noble/hashes streamed in 64 KiB chunks; ` +
    `"webcrypto" = Node's own WebCrypto (globalThis.crypto.subtle, OpenSSL), not a browser's`,
  async run() {
    const speeds = await measureSha256({ noble: nobleSha256, webcrypto: webCryptoSha256 }, [MIB, 4 * MIB], 7);
    return speeds.map((s) => ({ case: `sha256 ${s.bytes / MIB} MiB`, method: s.method, bytes: s.bytes, ms: s.ms }));
  }
};
