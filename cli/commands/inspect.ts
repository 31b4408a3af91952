/** `bms-flasher inspect`: every header field, each TLV, BMS metadata, stored vs computed hash (R26). */
import { bytesToHex } from '@noble/hashes/utils.js';
import { hashImageRegion } from '../../src/lib/core/image/hash-image';
import { IMAGE_MAGIC, flagNames, hex32, tlvName } from '../../src/lib/core/image/image-format';
import type { ParsedImage } from '../../src/lib/core/image/image-types';
import { fingerprintOfKeyHash } from '../../src/lib/core/image/keys';
import { parseImage } from '../../src/lib/core/image/parse-image';
import { sameBytes } from '../../src/lib/core/image/same-bytes';
import { formatVersion } from '../../src/lib/core/image/version';
import { parseCommandLine, processIo, readBytes, runCommand, type CliIo } from '../args';

export const summary = 'show an image header, TLVs, metadata and stored vs computed hash';

const usage = `usage: bms-flasher inspect [--json] image.img

Does not check the signature (use verify). Exit 0 when the stored SHA-256 matches the computed one.`;

const options = { json: { type: 'boolean' } } as const;

export function run(argv: string[], io: CliIo = processIo): Promise<number> {
  return runCommand(usage, io, async () => {
    const { values, positionals } = parseCommandLine(argv, options, 1);
    const bytes = readBytes(positionals[0]);
    const image = parseImage(bytes);
    const computed = await hashImageRegion(bytes, image.hashedLength);
    const match = image.imageHash !== undefined && sameBytes(image.imageHash, computed);
    const report = describe(image, bytes.length, computed, match);
    io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatText(positionals[0], report));
    return match ? 0 : 1;
  });
}

type Report = ReturnType<typeof describe>;

function describe(image: ParsedImage, fileSize: number, computed: Uint8Array, match: boolean) {
  const { header, metadata } = image;
  return {
    fileSize,
    imageEnd: image.imageEnd,
    header: {
      magic: hex32(IMAGE_MAGIC),
      loadAddr: header.loadAddr,
      hdrSize: header.hdrSize,
      protectTlvSize: header.protectTlvSize,
      imgSize: header.imgSize,
      flags: header.flags,
      flagNames: flagNames(header.flags),
      version: formatVersion(header.version)
    },
    tlvs: image.tlvs.map((t) => ({
      type: t.type,
      name: tlvName(t.type),
      protected: t.protected,
      offset: t.offset,
      length: t.data.length,
      data: bytesToHex(t.data)
    })),
    securityCounter: image.securityCounter ?? null,
    metadata: {
      model: metadata.model ?? null,
      hwRevisions: metadata.hwRevisions ?? null,
      minBootloader: metadata.minBootloader ? formatVersion(metadata.minBootloader) : null,
      safetyCritical: metadata.safetyCritical
    },
    hash: { stored: image.imageHash ? bytesToHex(image.imageHash) : null, computed: bytesToHex(computed), match },
    signer: image.keyHash ? fingerprintOfKeyHash(image.keyHash) : null,
    signed: image.signature !== undefined
  };
}

function formatText(path: string, r: Report): string {
  const h = r.header;
  const hex = (n: number) => `0x${n.toString(16)}`;
  const m = r.metadata;
  const lines = [
    `${path}: ${r.fileSize} bytes, image ends at ${hex(r.imageEnd)}${r.fileSize > r.imageEnd ? ' (padded slot image)' : ''}`,
    'header:',
    `  magic               ${h.magic}`,
    `  load address        ${hex32(h.loadAddr)}`,
    `  header size         ${hex(h.hdrSize)}`,
    `  protected TLV size  ${hex(h.protectTlvSize)}`,
    `  image size          ${hex(h.imgSize)} (${h.imgSize} bytes)`,
    `  flags               ${hex(h.flags)}${h.flagNames.length ? ` (${h.flagNames.join(', ')})` : ''}`,
    `  version             ${h.version}`,
    'TLVs:',
    ...r.tlvs.map(
      (t) => `  ${t.protected ? 'protected  ' : 'unprotected'} ${hex(t.offset).padEnd(7)} ${t.name.padEnd(19)} ${String(t.length).padStart(4)} B  ${t.data}`
    ),
    `security counter: ${r.securityCounter ?? 'none'}`,
    `BMS metadata: model ${m.model ?? '-'}, hardware revisions ${m.hwRevisions?.join(',') ?? '-'}, ` +
      `min bootloader ${m.minBootloader ?? '-'}, safety-critical ${m.safetyCritical ? 'yes' : 'no'}`,
    `hash: stored   ${r.hash.stored ?? 'none'}`,
    `      computed ${r.hash.computed} ${r.hash.match ? '(match)' : '(MISMATCH)'}`,
    `signature: ${r.signed ? `ED25519, key hash fingerprint ${r.signer ?? 'none'} (not checked here: use verify)` : 'none'}`
  ];
  return `${lines.join('\n')}\n`;
}
