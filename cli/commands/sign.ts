/** `bms-flasher sign`: imgtool-compatible signing of a .bin or Intel .hex, plus BMS metadata (R07, R13, R24). */
import { bytesToHex } from '@noble/hashes/utils.js';
import { parseIntelHex } from '../../src/lib/core/image/intel-hex';
import { fingerprintOfKeyHash, parsePrivateKeyPem } from '../../src/lib/core/image/keys';
import { parseImage } from '../../src/lib/core/image/parse-image';
import { signImage, type SignOptions } from '../../src/lib/core/image/sign-image';
import type { FlashAlign } from '../../src/lib/core/image/trailer';
import { formatVersion, parseVersion } from '../../src/lib/core/image/version';
import { UsageError, parseCommandLine, parseInteger, processIo, readBytes, readText, runCommand, writeOutput, type CliIo } from '../args';

export const summary = 'sign a firmware .bin/.hex into an MCUboot image (imgtool-compatible)';

const usage = `usage: bms-flasher sign [--key key.pem] --version 1.2.3+4 [--security-counter N|auto]
         [--model NAME] [--hw-rev A2,A3] [--min-bootloader 1.0.0] [--safety-critical]
         [--header-size 0x200] [--slot-size N] [--align 1|2|4|8|16|32] [--pad] [--confirm]
         [--load-addr ADDR] input.bin|input.hex output.img

Options mean what they mean for imgtool sign; the header is always padded (imgtool --pad-header,
accepted and implied). Without --key the image carries only its SHA-256 (unsigned).
The metadata options add protected TLVs covered by the signature (see docs/image-format.md).`;

const options = {
  key: { type: 'string', short: 'k' },
  version: { type: 'string', short: 'v' },
  'security-counter': { type: 'string', short: 's' },
  model: { type: 'string' },
  'hw-rev': { type: 'string' },
  'min-bootloader': { type: 'string' },
  'safety-critical': { type: 'boolean' },
  'header-size': { type: 'string', short: 'H' },
  'slot-size': { type: 'string', short: 'S' },
  align: { type: 'string' },
  pad: { type: 'boolean' },
  confirm: { type: 'boolean' },
  'pad-header': { type: 'boolean' },
  'load-addr': { type: 'string' }
} as const;

export function run(argv: string[], io: CliIo = processIo): Promise<number> {
  return runCommand(usage, io, () => {
    const { values, positionals } = parseCommandLine(argv, options, 2);
    const [inputPath, outputPath] = positionals;
    if (!values.version) throw new UsageError('--version is required (as for imgtool)');
    const version = parseVersion(values.version);
    const key = values.key ? parsePrivateKeyPem(readText(values.key)) : null;
    const signOptions: SignOptions = {
      version,
      securityCounter: securityCounter(values['security-counter'], version),
      headerSize: parseInteger(values['header-size'], 'header-size') ?? 0x200,
      slotSize: parseInteger(values['slot-size'], 'slot-size'),
      align: (parseInteger(values.align, 'align') ?? 1) as FlashAlign,
      pad: values.pad,
      confirm: values.confirm,
      loadAddr: parseInteger(values['load-addr'], 'load-addr'),
      metadata: {
        model: values.model,
        hwRevisions: values['hw-rev']?.split(','),
        minBootloader: values['min-bootloader'] ? parseVersion(values['min-bootloader']) : undefined,
        safetyCritical: values['safety-critical'] ? true : undefined
      }
    };
    const payload = inputPath.toLowerCase().endsWith('.hex') ? parseIntelHex(readText(inputPath)).data : readBytes(inputPath);
    const image = signImage(payload, key?.secretKey ?? null, signOptions);
    writeOutput(outputPath, image);
    const parsed = parseImage(image);
    const signer = parsed.keyHash ? `signed by ${fingerprintOfKeyHash(parsed.keyHash)}` : 'UNSIGNED (no --key)';
    io.out(
      `${outputPath}: ${image.length} bytes, version ${formatVersion(version)}, ${signer}\n` +
        `image hash (SHA256 TLV): ${bytesToHex(parsed.imageHash!)}\n`
    );
    return 0;
  });
}

/** imgtool's `auto`: the counter derived from the version, (major << 24) + (minor << 16) + revision. */
function securityCounter(text: string | undefined, version: SignOptions['version']): number | undefined {
  if (text !== 'auto') return parseInteger(text, 'security-counter');
  return version.major * 2 ** 24 + (version.minor << 16) + version.revision;
}
