import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/lib/i18n/translate';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../cli/args';
import * as inspect from '../../cli/commands/inspect';
import * as keygen from '../../cli/commands/keygen';
import * as sign from '../../cli/commands/sign';
import * as verify from '../../cli/commands/verify';
import { EXPECTED, IMGTOOL_DIR, METADATA_DIR, PADDED, SIGNED, UNSIGNED } from './imgtool-fixtures';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEY = IMGTOOL_DIR + 'ed25519.pem';
const PUB = IMGTOOL_DIR + 'ed25519.pub.pem';
const APP = IMGTOOL_DIR + 'app.bin';

async function run(command: { run(argv: string[], io: CliIo): Promise<number> }, argv: string[]) {
  let out = '';
  let err = '';
  const code = await command.run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'bms-image-'));
/** What every command prints under an error's summary: the catalog's diagnosis and fix. */
const advice = (code: string) => `  diagnosis: ${describeError(code).diagnosis}\n  fix: ${describeError(code).fix}\n`;

describe('bms-flasher sign (R24)', () => {
  it('reproduces the imgtool images byte for byte with the imgtool command lines', async () => {
    const dir = tmp();
    const common = ['--align', '4', '--header-size', '0x200', '--pad-header', '--slot-size', '0x20000'];
    const a = await run(sign, ['--key', KEY, '--version', '1.2.3+4', '--security-counter', '5', ...common, APP, join(dir, 'a.img')]);
    expect(a).toMatchObject({ code: 0, err: '' });
    expect(a.out).toContain(`signed by ${EXPECTED.keyHash.slice(0, 16)}`);
    expect(readFileSync(join(dir, 'a.img'))).toEqual(readFileSync(IMGTOOL_DIR + SIGNED));
    await run(sign, ['--version', '0.1.0', ...common, APP, join(dir, 'b.img')]);
    expect(readFileSync(join(dir, 'b.img'))).toEqual(readFileSync(IMGTOOL_DIR + UNSIGNED));
    await run(sign, ['-k', KEY, '-v', '1.2.3+4', '-s', '5', ...common, '--pad', '--confirm', APP, join(dir, 'c.img')]);
    expect(readFileSync(join(dir, 'c.img'))).toEqual(readFileSync(IMGTOOL_DIR + PADDED));
  });

  it('R07 R13 writes BMS metadata exactly as imgtool --custom-tlv, and signs Intel HEX input', async () => {
    const dir = tmp();
    const meta = ['--model', 'BMS-16S', '--hw-rev', 'A2,A3', '--min-bootloader', '2.0.0', '--safety-critical'];
    await run(sign, ['--key', KEY, '--version', '1.2.3+4', '--security-counter', '5', ...meta, '--align', '4', APP, join(dir, 'm.img')]);
    expect(readFileSync(join(dir, 'm.img'))).toEqual(readFileSync(METADATA_DIR + 'app-ed25519-v1.2.3+4-sc5-bms-metadata.bin'));
    await run(sign, ['--key', KEY, '--version', '1.0.0', '--align', '4', METADATA_DIR + 'app-gap.hex', join(dir, 'h.img')]);
    expect(readFileSync(join(dir, 'h.img'))).toEqual(readFileSync(METADATA_DIR + 'app-gap-hex-ed25519-v1.0.0.bin'));
  });

  it('explains bad input: usage errors exit 2, image errors exit 1 with CODE: detail and summary', async () => {
    const dir = tmp();
    const noVersion = await run(sign, [APP, join(dir, 'x.img')]);
    expect(noVersion.code).toBe(2);
    expect(noVersion.err).toMatch(/^error: --version is required[\s\S]*usage: bms-flasher sign/);
    expect((await run(sign, ['--version', '1', '--header-size', 'big', APP, 'o'])).err).toContain('--header-size "big" is not a number');
    // Default align 1 (as imgtool): trailer = 128 × 3 × 1 + 4 × 8 + 16 = 0x1b0.
    const tooBig = await run(sign, ['--version', '1', '--slot-size', '0x700', APP, join(dir, 'x.img')]);
    expect(tooBig.code).toBe(1);
    expect(tooBig.err).toBe(
      'IMAGE_TOO_LARGE: image 0x610 + trailer 0x1b0 bytes exceeds the slot size 0x700\n  The image does not fit in the firmware slot.\n' +
        advice('IMAGE_TOO_LARGE')
    );
    const badHex = join(dir, 'bad.hex');
    writeFileSync(badHex, ':0100000001FF\n');
    expect((await run(sign, ['--version', '1', badHex, join(dir, 'x.img')])).err).toMatch(/^IMAGE_HEX_INVALID: line 1: checksum/);
  });
});

describe('bms-flasher keygen → sign → verify (R11, R24)', () => {
  it('round-trips a fresh key and rejects an image signed by another key', async () => {
    const dir = tmp();
    // A fresh machine has no key folder yet: keygen makes it.
    const key = join(dir, 'keys', 'dev.pem');
    const pub = join(dir, 'dev.pub');
    const made = await run(keygen, ['--out', key, '--pub', pub]);
    expect(made.code).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect((await run(keygen, ['--out', key])).err).toContain('already exists; not overwriting it');
    const fingerprint = /fingerprint ([0-9a-f]{16})/.exec(made.out)![1];

    await run(sign, ['--key', key, '--version', '2.0.0', '--model', 'BMS-16S', APP, join(dir, 'app.img')]);
    const ok = await run(verify, ['--pub', pub, join(dir, 'app.img')]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`signer: dev.pub (fingerprint ${fingerprint})`);
    expect((await run(verify, ['--key', key, join(dir, 'app.img')])).code).toBe(0);

    const wrong = await run(verify, ['--pub', PUB, join(dir, 'app.img')]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(
      /^IMAGE_UNKNOWN_KEY: signer KEYHASH [0-9a-f]{64} at 0x[0-9a-f]+ is not trusted; trusted keys: ed25519.pub.pem 5dde4e4e16ac2087\n  The image was signed with a key that is not in the trusted key list.\n/
    );
    expect(wrong.err.endsWith(`list.\n${advice('IMAGE_UNKNOWN_KEY')}`)).toBe(true);
    expect((await run(verify, ['--pub', PUB, '--pub', pub, join(dir, 'app.img')])).code).toBe(0);
  });

  it('reports tampering and unsigned images with their codes', async () => {
    const dir = tmp();
    const tampered = readFileSync(IMGTOOL_DIR + SIGNED);
    tampered[0x300] ^= 0xff;
    writeFileSync(join(dir, 't.img'), tampered);
    expect((await run(verify, ['--pub', PUB, join(dir, 't.img')])).err).toMatch(/^IMAGE_HASH_MISMATCH: /);
    const unsigned = (await run(verify, ['--pub', PUB, IMGTOOL_DIR + UNSIGNED])).err;
    expect(unsigned).toMatch(/^IMAGE_UNSIGNED: .*\n  The image is not signed.\n/);
    expect(unsigned.endsWith(`signed.\n${advice('IMAGE_UNSIGNED')}`)).toBe(true);
    expect((await run(verify, [IMGTOOL_DIR + SIGNED])).code).toBe(2);
  });
});

describe('bms-flasher inspect (R26)', () => {
  it('prints every header field, each TLV, metadata and stored vs computed hash', async () => {
    const text = await run(inspect, [IMGTOOL_DIR + PADDED]);
    expect(text.code).toBe(0);
    for (const line of ['(padded slot image)', 'header size         0x200', 'protected TLV size  0xc', 'image size          0x3e8 (1000 bytes)', 'version             1.2.3+4', 'SEC_CNT', 'security counter: 5', `computed ${EXPECTED.signedHash} (match)`]) {
      expect(text.out).toContain(line);
    }
    const json = await run(inspect, ['--json', METADATA_DIR + 'app-ed25519-v1.2.3+4-sc5-bms-metadata.bin']);
    const report = JSON.parse(json.out);
    expect(report.metadata).toEqual({ model: 'BMS-16S', hwRevisions: ['A2', 'A3'], minBootloader: '2.0.0+0', safetyCritical: true });
    expect(report.tlvs.map((t: { name: string }) => t.name)).toEqual(['SEC_CNT', 'BMS_MODEL', 'BMS_HW_REVISIONS', 'BMS_MIN_BOOTLOADER', 'BMS_SAFETY_CRITICAL', 'SHA256', 'KEYHASH', 'ED25519']);
    expect(report.hash.match).toBe(true);
  });

  it('exits 1 and shows MISMATCH when the stored hash is wrong', async () => {
    const dir = tmp();
    const bytes = readFileSync(IMGTOOL_DIR + SIGNED);
    bytes[0x200] ^= 1;
    writeFileSync(join(dir, 'x.img'), bytes);
    const result = await run(inspect, [join(dir, 'x.img')]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('(MISMATCH)');
  });
});

describe('the bms-flasher executable', () => {
  it('runs verify end to end through node and tsx', () => {
    const result = spawnSync(process.execPath, ['cli/bms-flasher.js', 'verify', '--pub', PUB, IMGTOOL_DIR + SIGNED], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`signer: ed25519.pub.pem (fingerprint ${EXPECTED.keyHash.slice(0, 16)})`);
    const bad = spawnSync(process.execPath, ['cli/bms-flasher.js', 'verify', '--pub', PUB, IMGTOOL_DIR + 'app.bin'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    const found = readFileSync(APP).readUInt32LE(0).toString(16).padStart(8, '0');
    expect(bad.stderr).toBe(
      `IMAGE_BAD_MAGIC: expected 0x96f3b83d at offset 0, found 0x${found}\n  This file is not an MCUboot firmware image.\n${advice('IMAGE_BAD_MAGIC')}`
    );
  });
});
