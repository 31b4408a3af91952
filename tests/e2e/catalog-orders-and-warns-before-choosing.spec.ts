/**
 * The catalog as a technician reads it with the Virtual BMS connected: the stable release first,
 * releases that reset the settings or need a newer bootloader after it with a badge and the reason,
 * test builds apart; a release with a warning is chosen only on a second, explicit click.
 */
import { expect, test } from '@playwright/test';
import { connectVirtualBms, navigate } from './helpers/update-flow';

test('R07 R09 the stable release comes first, warned releases after it, test builds apart; a warned release needs a second click', async ({ page }) => {
  await connectVirtualBms(page);
  await navigate(page, 'Firmware');
  const releases = page.getByTestId('catalog-releases').getByTestId('catalog-entry');
  await expect(releases).toHaveCount(3);
  expect(await releases.evaluateAll((entries) => entries.map((e) => e.getAttribute('data-id')))).toEqual([
    'vbms-1.1.0',
    'vbms-2.0.0-new-bootloader',
    'vbms-1.4.0-config-reset'
  ]);
  await expect(releases.first().getByTestId('caveat')).toHaveCount(0);

  const bootloader = releases.nth(1);
  await expect(bootloader.getByTestId('caveat')).toHaveText('Needs bootloader 3.0.0');
  await expect(bootloader).toContainText('This device’s bootloader is 2.1.0; this release needs 3.0.0 or newer');

  const tests = page.getByTestId('catalog-tests');
  await expect(tests.getByRole('heading', { name: 'Test and fault-demonstration builds (3)' })).toBeVisible();
  await expect(tests.getByTestId('catalog-entry')).toHaveCount(3);
  await expect(tests.getByText('Test build', { exact: true })).toHaveCount(3);

  const reset = releases.nth(2);
  await expect(reset.getByTestId('caveat')).toHaveText('Resets the settings');
  await expect(reset).toContainText('the pack may no longer answer on its bus until you restore the backup');
  await reset.getByRole('button', { name: 'Use for the update' }).click();
  await expect(reset.getByRole('button', { name: 'Use it anyway' })).toBeVisible();
  await expect(page.getByTestId('chosen-image')).toHaveText(/No image chosen/);
  await reset.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('chosen-image')).toHaveText(/No image chosen/);

  await reset.getByRole('button', { name: 'Use for the update' }).click();
  await reset.getByRole('button', { name: 'Use it anyway' }).click();
  await expect(reset.getByRole('button', { name: 'Chosen ✔' })).toBeVisible();
  await expect(page.getByTestId('chosen-image')).toContainText('VBMS-16S 1.4.0+0');
});
