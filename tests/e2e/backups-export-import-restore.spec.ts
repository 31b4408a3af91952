import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { downloadedText, navigate, screenshot, updateVirtualBms } from './helpers/update-flow';

test.setTimeout(150_000);

test('R09 R23 a backup is exported to a file, deleted, imported back and restored to the device with the diff shown first', async ({ page }, testInfo) => {
  // Every update saves the device settings first: that is the backup this scenario works with.
  await updateVirtualBms(page, 'vbms-1.1.0');

  await navigate(page, 'Backups');
  const backup = page.getByTestId('backup');
  await expect(backup).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Device VB2400001 (VBMS-16S): 1 backup(s)');

  const [download] = await Promise.all([page.waitForEvent('download'), backup.getByRole('button', { name: 'Export to a file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^bms-backup-VB2400001-.*\.json$/);
  const exported = JSON.parse(await downloadedText(download));
  expect(exported).toMatchObject({ format: 'bms-flasher/config-backup/v1', serial: 'VB2400001', config: { device_name: expect.any(String) } });

  await backup.getByRole('button', { name: 'Delete', exact: true }).click();
  await backup.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByTestId('backup')).toHaveCount(0);

  // A file that is not a backup is refused with the reason.
  const bad = testInfo.outputPath('not-a-backup.json');
  writeFileSync(bad, JSON.stringify({ format: 'something else' }));
  await page.getByLabel('Import a backup file (JSON)').setInputFiles(bad);
  await expect(page.getByTestId('error-code')).toHaveText('UPDATE_BACKUP_INVALID');

  // The exported file comes back as it was: nothing differs from the device.
  const file = testInfo.outputPath(download.suggestedFilename());
  writeFileSync(file, await downloadedText(download));
  await page.getByLabel('Import a backup file (JSON)').setInputFiles(file);
  await expect(page.getByTestId('import-ok')).toContainText('VB2400001');
  await expect(page.getByTestId('backup')).toHaveCount(1);
  await compare(page, page.getByTestId('backup'));
  await expect(page.getByTestId('config-diff-empty')).toBeVisible();

  // An older backup, from when the pack had another name and overvoltage trip: the diff comes first, then the restore.
  const older = { ...exported, id: 'VB2400001@2026-01-05T08:00:00.000Z', takenAt: '2026-01-05T08:00:00.000Z', config: { ...exported.config, device_name: 'rack 7', cell_ov_mv: 3600 } };
  const olderFile = testInfo.outputPath('older-backup.json');
  writeFileSync(olderFile, JSON.stringify(older));
  await page.getByLabel('Import a backup file (JSON)').setInputFiles(olderFile);
  const olderItem = page.locator('[data-testid="backup"][data-id="VB2400001@2026-01-05T08:00:00.000Z"]');
  await compare(page, olderItem);
  const diff = olderItem.getByTestId('config-diff');
  await expect(diff.locator('tr[data-key="device_name"]')).toContainText('rack 7');
  await expect(diff.locator('tr[data-key="cell_ov_mv"]')).toContainText('3600');
  await screenshot(page, 'backups');
  await olderItem.getByTestId('confirm-restore').click();
  await expect(olderItem.getByTestId('restore-done')).toContainText('Restored 2 setting(s)');
  await compare(page, olderItem);
  await expect(olderItem.getByTestId('config-diff-empty')).toBeVisible();
});

async function compare(page: Page, item: ReturnType<Page['locator']>): Promise<void> {
  const details = item.locator('details', { hasText: 'Compare with the device and restore' });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  await item.getByRole('button', { name: 'Compare with the device', exact: true }).click();
  await expect(item.getByTestId('config-diff').or(item.getByTestId('config-diff-empty'))).toBeVisible();
}
