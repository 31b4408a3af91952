/**
 * flash, backup, restore and integrity as a technician runs them, against the virtual BMS (through the
 * link layer's line model, injected where the serial port would be opened).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeError } from '../../src/lib/i18n/translate';
import { makeTestFirmware } from '../../src/lib/core/virtual-bms/firmware-behaviour';
import type { VirtualBms } from '../../src/lib/core/virtual-bms/virtual-bms';
import { createCliBench, type CliBench } from '../testing/cli-bench';
import * as backup from './backup';
import * as flash from './flash';
import * as integrity from './integrity';
import * as restore from './restore';

let bench: CliBench;
let dir: string;
let bms: VirtualBms;

beforeEach(async () => {
  bench = await createCliBench();
  ({ dir, bms } = bench);
});
afterEach(() => bench.close());

const cli = (command: Parameters<CliBench['cli']>[0], argv: string[]) => bench.cli(command, argv);
const common = () => bench.common();

describe('bms-flasher device commands', () => {
  it('R16 R27 flash runs the whole procedure, shows progress, writes a printable report and exits 0', async () => {
    const image = join(dir, 'fw.img');
    await writeFile(image, makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 20_000 }));
    const report = join(dir, 'report.html');
    const r = await cli(flash, [...common(), '--trust', join(dir, 'vendor.pub.pem'), '--checklist-confirmed-by', 'A. Martin', '--report', report, image]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('== transfer');
    expect(r.out).toContain('OK: 1.1.0+0 runs and is confirmed');
    expect(r.progress).toMatch(/transfer .*100\.0 %/);
    const html = await readFile(report, 'utf8');
    expect(html).toContain('A. Martin');
    expect(html).toContain('Self-test: OK');
    expect(bms.snapshot().slots[0]?.version).toBe('1.1.0+0');
    // The package verified by this update is known from its report from now on (R26).
    expect((await cli(integrity, common())).code).toBe(0);
  });

  it('R21 flash exits with the outcome status and prints the diagnosis and fix', async () => {
    const image = join(dir, 'fw.img');
    await writeFile(image, makeTestFirmware({ version: '1.1.0', securityCounter: 2, behaviour: { bootLoop: true } }));
    const r = await cli(flash, [...common(), '--trust', join(dir, 'vendor.pub.pem'), '--checklist-confirmed-by', 'A. Martin', image]);
    expect(r.code).toBe(5);
    expect(r.out).toContain('UPDATE_BOOT_LOOP');
    expect(r.out).toContain('diagnosis: Check the hardware compatibility matrix');
    expect(r.out).toContain('fix: Revert to the last stable version');
  });

  it('R14 flash with a --key file that does not exist names the missing key, nothing written', async () => {
    const image = join(dir, 'fw.img');
    await writeFile(image, makeTestFirmware({ version: '1.1.0', securityCounter: 2 }));
    const r = await cli(flash, [...common(), '--key', join(dir, 'nope.pem'), '--checklist-confirmed-by', 'A. Martin', image]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^UPDATE_TECHNICIAN_KEY_MISSING: /);
    expect(r.err).toContain(`\n  fix: ${describeError('UPDATE_TECHNICIAN_KEY_MISSING').fix}\n`);
    expect(r.err).not.toContain('    at ');
    expect(bms.flashOps().upload ?? 0).toBe(0);
  });

  it('R04 flash without --checklist-confirmed-by and without a terminal is blocked by the checklist, nothing written', async () => {
    const image = join(dir, 'fw.img');
    await writeFile(image, makeTestFirmware({ version: '1.1.0', securityCounter: 2 }));
    const r = await cli(flash, [...common(), '--trust', join(dir, 'vendor.pub.pem'), image]);
    expect(r.code).toBe(3);
    expect(r.out).toContain('UPDATE_CHECKLIST_INCOMPLETE');
    expect(bms.flashOps().upload ?? 0).toBe(0);
  });

  it('R09 R23 backup exports a file that restore puts back after a preview', async () => {
    const out = join(dir, 'backup.json');
    const saved = await cli(backup, [...common(), '--out', out]);
    expect(saved.code).toBe(0);
    const original = bms.snapshot().config;
    const exported = JSON.parse(await readFile(out, 'utf8'));
    expect(exported.config).toEqual(original);

    // The settings change (as a reset firmware would do), then the backup is restored.
    exported.config = { ...original, cell_ov_mv: 3600 };
    const changed = join(dir, 'changed.json');
    await writeFile(changed, JSON.stringify(exported));
    expect((await cli(restore, [...common(), '--yes', changed])).code).toBe(0);
    expect(bms.snapshot().config.cell_ov_mv).toBe(3600);

    const back = await cli(restore, [...common(), '--yes', out]);
    expect(back.code).toBe(0);
    expect(back.out).toContain('cell_ov_mv: 3600 → 3650');
    expect(bms.snapshot().config).toEqual(original);
  });

  it('R23 restore refuses an invalid file and a backup of another device', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"format":"nope"}');
    const invalid = await cli(restore, [...common(), '--yes', bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('UPDATE_BACKUP_INVALID');
    const out = join(dir, 'b.json');
    await cli(backup, [...common(), '--out', out]);
    const other = JSON.parse(await readFile(out, 'utf8'));
    await writeFile(out, JSON.stringify({ ...other, serial: 'SOMEONE-ELSE' }));
    const wrong = await cli(restore, [...common(), '--yes', out]);
    expect(wrong.err).toContain('UPDATE_BACKUP_WRONG_DEVICE');
  });

  it('R26 integrity knows the running image from a verified package, and flags an unknown one', async () => {
    const unknown = await cli(integrity, [...common()]);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toMatch(/FAIL slot 0 1\.0\.0/);
    const factory = join(dir, 'factory.img');
    await writeFile(factory, makeTestFirmware({ version: '1.0.0', securityCounter: 1 }));
    const known = await cli(integrity, [...common(), '--trust', join(dir, 'vendor.pub.pem'), '--image', factory]);
    expect(known.code).toBe(0);
    expect(known.out).toMatch(/PASS slot 0 1\.0\.0 .* \(running, confirmed\)/);
    expect(known.out).toContain('factory.img');
  });
});
