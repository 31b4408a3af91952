/** `bms-flasher keygen`: a new Ed25519 signing key, in the PEM files imgtool reads and writes (R24). */
import { generateKeyPair, keyFingerprint, privateKeyToPem, publicKeyToPem } from '../../src/lib/core/image/keys';
import { parseCommandLine, processIo, runCommand, UsageError, writeOutput, type CliIo } from '../args';

export const summary = 'create an Ed25519 signing key (PKCS#8 PEM, as imgtool keygen -t ed25519)';

const usage = `usage: bms-flasher keygen --out key.pem [--pub key.pub]

Writes the private key (mode 0600, never over an existing file) and optionally its public key
(SPKI PEM, as imgtool getpub -e pem), and prints the key fingerprint.`;

const options = {
  out: { type: 'string', short: 'o' },
  pub: { type: 'string' }
} as const;

export function run(argv: string[], io: CliIo = processIo): Promise<number> {
  return runCommand(usage, io, () => {
    const { values } = parseCommandLine(argv, options, 0);
    if (!values.out) throw new UsageError('--out is required');
    const pair = generateKeyPair();
    writeOutput(values.out, privateKeyToPem(pair.secretKey), { mode: 0o600, exclusive: true });
    if (values.pub) writeOutput(values.pub, publicKeyToPem(pair.publicKey), { exclusive: true });
    io.out(`wrote ${values.out}${values.pub ? ` and ${values.pub}` : ''}; key fingerprint ${keyFingerprint(pair.publicKey)}\n`);
    return 0;
  });
}
