/** `bms-flasher verify`: hash and Ed25519 signature against trusted keys, as MCUboot does (R08, R11). */
import { bytesToHex } from '@noble/hashes/utils.js';
import { basename } from 'node:path';
import { parseAnyKeyPem, type TrustedKey } from '../../src/lib/core/image/keys';
import { formatVersion } from '../../src/lib/core/image/version';
import { verifyImage } from '../../src/lib/core/image/verify-image';
import { UsageError, parseCommandLine, processIo, readBytes, readText, runCommand, type CliIo } from '../args';

export const summary = 'check an image hash and signature against trusted keys';

const usage = `usage: bms-flasher verify (--key key.pem | --pub key.pub)... image.img

Each --key (private or public PEM) or --pub (public PEM) adds a trusted key; repeat them for a key chain.
Exit 0 when the image hash matches and a trusted key signed it; otherwise 1 with the reason.`;

const options = {
  key: { type: 'string', short: 'k', multiple: true },
  pub: { type: 'string', multiple: true }
} as const;

export function run(argv: string[], io: CliIo = processIo): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values, positionals } = parseCommandLine(argv, options, 1);
    const paths = [...(values.key ?? []), ...(values.pub ?? [])];
    if (paths.length === 0) throw new UsageError('give at least one trusted key with --key or --pub');
    const trusted: TrustedKey[] = paths.map((path) => ({ name: basename(path), publicKey: parseAnyKeyPem(readText(path)).publicKey }));
    const { image, digest, signer } = await verifyImage(readBytes(positionals[0]), trusted);
    io.out(
      `OK: ${positionals[0]} version ${formatVersion(image.header.version)} is intact and signed by a trusted key\n` +
        `  signer: ${signer.name} (fingerprint ${signer.fingerprint})\n` +
        `  image hash: ${bytesToHex(digest)}\n`
    );
    return 0;
  });
}
