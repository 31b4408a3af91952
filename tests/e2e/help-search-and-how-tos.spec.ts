/**
 * The Help page as a technician uses it: search the error codes by code or by words (English or
 * French, accents optional), and read the short how-tos.
 */
import { expect, test } from '@playwright/test';

test('R21 the error codes are searched by code and by words, in English and in French', async ({ page }) => {
  await page.goto('/help/');
  const search = page.getByLabel('Search the error codes');
  const entries = page.getByTestId('error-entry');
  await expect(search).toBeEnabled();

  await search.fill('bad magic');
  await expect(entries.first()).toContainText('IMAGE_BAD_MAGIC');
  await expect(entries.first()).toContainText('This file is not an MCUboot firmware image.');

  await search.fill('baud rate');
  await expect(entries.filter({ hasText: 'LINK_BAUD_MISMATCH' })).toHaveCount(1);

  await search.fill('zebra crossing');
  await expect(page.getByTestId('error-count')).toHaveText('No error code matches "zebra crossing".');
  await expect(entries).toHaveCount(0);

  await page.getByRole('button', { name: 'FR' }).click();
  const recherche = page.getByLabel("Chercher dans les codes d'erreur");
  await recherche.fill('chargeur d amorcage');
  const bootloader = entries.filter({ hasText: 'UPDATE_DEVICE_IN_BOOTLOADER' });
  await expect(bootloader).toHaveCount(1);
  await bootloader.locator('summary').click();
  await expect(bootloader).toContainText("Utilisez le mode de récupération sur une liaison filaire");
});

test('R05 R09 R22 the how-tos cover a first update, a stuck device, restoring settings and the interface', async ({ page }) => {
  await page.goto('/help/');
  const titles = page.locator('[data-testid^="how-to-"] summary');
  await expect(titles).toHaveText(['Your first update', 'A stuck device, recovery', 'Restoring the settings', 'Choosing the interface']);
  const stuck = page.getByTestId('how-to-stuck-device');
  await stuck.locator('summary').click();
  await expect(stuck).toContainText('Only the bootloader answers (recovery mode)');
  await expect(stuck).toContainText('bms-flasher upload --port PORT IMAGE');
  await page.getByRole('button', { name: 'FR' }).click();
  await expect(titles.first()).toHaveText('Votre première mise à jour');
});
