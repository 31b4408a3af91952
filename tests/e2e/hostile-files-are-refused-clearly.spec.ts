/**
 * Hostile input (issue 15): files that are not what they claim get a clear, coded refusal, nothing is
 * chosen or written, and the page keeps answering. A catalog download whose hash does not match is
 * catalog-refuses-a-tampered-download.spec.ts; a malformed backup is backups-export-import-restore.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { truncateSync, writeFileSync } from 'node:fs';
import { pickFirmware } from './helpers/firmware-page';
import { connectVirtualBms, navigate } from './helpers/update-flow';

/** The eight-byte PNG signature and an IHDR chunk: what a screenshot renamed to .bin starts with. */
const PNG_START = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);

/** A sparse file of `bytes`: instant to make, never committed, gone with the test's output folder. */
function bigFile(path: string, bytes: number): string {
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

/** The page still answers: the language switch redraws the refusal at once. */
async function expectResponsive(page: Page, english: RegExp, french: RegExp): Promise<void> {
  const started = Date.now();
  await page.getByRole('button', { name: 'FR' }).click();
  await expect(page.getByRole('alert').first()).toContainText(french);
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('alert').first()).toContainText(english);
  expect(Date.now() - started).toBeLessThan(10_000);
}

test('R08 a 200 MB file, an empty file and a PNG renamed .bin are refused with their reason; nothing is chosen', async ({ page }, testInfo) => {
  await page.goto('/firmware/');
  const huge = bigFile(testInfo.outputPath('huge.bin'), 200 * 1024 * 1024);
  await pickFirmware(page, huge);
  const result = page.locator('.result');
  // Refused from its size alone: the 200 MB are never read into the page.
  await expect(result.getByTestId('error-code')).toHaveText('IMAGE_FILE_TOO_LARGE', { timeout: 5_000 });
  await expect(result).toContainText('huge.bin: not read, not chosen for the update');
  await expect(page.getByTestId('chosen-image')).toContainText('No image chosen');
  await expectResponsive(page, /far too large to be BMS firmware/, /bien trop gros/);

  await pickFirmware(page, { name: 'empty.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) });
  await expect(result.getByTestId('error-code')).toHaveText('IMAGE_FILE_EMPTY');
  await expect(result).toContainText('empty.bin');

  await pickFirmware(page, { name: 'firmware.bin', mimeType: 'application/octet-stream', buffer: Buffer.concat([Buffer.from(PNG_START), Buffer.alloc(4096)]) });
  await expect(page.getByTestId('verdict').getByTestId('error-code')).toHaveText('IMAGE_BAD_MAGIC');
  await expect(page.getByTestId('verdict-subject')).toContainText('firmware.bin: not chosen for the update');
  await expect(page.getByTestId('chosen-image')).toContainText('No image chosen');
});

test('R23 a 200 MB backup file is refused unread; a backup from another model is refused before any write', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await connectVirtualBms(page, { unpaced: true });
  await navigate(page, 'Backups');
  const importer = page.getByLabel('Import a backup file (JSON)');

  await importer.setInputFiles(bigFile(testInfo.outputPath('huge-backup.json'), 200 * 1024 * 1024));
  await expect(page.getByTestId('error-code')).toHaveText('UPDATE_BACKUP_INVALID', { timeout: 5_000 });
  await expect(page.getByRole('alert').first()).toContainText('200.00 MiB');
  await expect(page.getByTestId('backup')).toHaveCount(0);

  // The connected board's serial, but another model: the same setting names would set other limits there.
  const foreign = {
    format: 'bms-flasher/config-backup/v1',
    id: 'VB2400001@2026-02-01T08:00:00.000Z',
    serial: 'VB2400001',
    model: 'JK-PB2A16S',
    hwRev: 'A',
    fwVersion: '15.38.0',
    takenAt: '2026-02-01T08:00:00.000Z',
    config: { device_name: 'other pack', cell_ov_mv: 3650 }
  };
  const path = testInfo.outputPath('jk-backup.json');
  writeFileSync(path, JSON.stringify(foreign));
  await importer.setInputFiles(path);
  const item = page.locator(`[data-testid="backup"][data-id="${foreign.id}"]`);
  const details = item.locator('details', { hasText: 'Compare with the device and restore' });
  await details.locator('summary').click();
  await item.getByRole('button', { name: 'Compare with the device', exact: true }).click();
  await expect(item.getByTestId('error-code')).toHaveText('UPDATE_BACKUP_WRONG_MODEL');
  await expect(item).toContainText('another BMS model');
  await expect(item.getByTestId('confirm-restore')).toHaveCount(0);
});
