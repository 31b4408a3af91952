/**
 * The two published test keys (virtual BMS vendor, imgtool) sign firmware for the Virtual BMS only:
 * the Keys page says which keys apply to which device, a test key can be turned off but not removed,
 * and on a real port (Web Serial, here the stand-in) a test-signed image is refused unless the
 * developer setting is on.
 */
import { expect, test, type Page } from '@playwright/test';
import { pickFirmware } from './helpers/firmware-page';
import { IMGTOOL_SIGNED, fixtureFile } from './helpers/images';
import { navigate } from './helpers/update-flow';
import { connectOverWebSerial, installVirtualSerialPage } from './helpers/virtual-serial';

/** Through the navigation: a page load would end the device session. */
async function openKeysPage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Keys', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trusted keys');
}

test('R24 test keys apply to the Virtual BMS only; one turned off stays off after a reload and stops trusting its images', async ({ page }) => {
  await page.goto('/keys/');
  await expect(page.getByTestId('keys-for-virtual')).toContainText('virtual BMS vendor (test key), imgtool test key');
  await expect(page.getByTestId('keys-for-real')).toContainText('no key: every image is refused');
  const imgtool = page.getByTestId('trusted-key').filter({ hasText: 'imgtool test key' });
  await expect(imgtool.getByTestId('key-scope')).toHaveText('Applies to: the Virtual BMS only');
  await expect(page.getByRole('button', { name: /Remove .*test key/ })).toHaveCount(0);

  await imgtool.getByRole('checkbox', { name: 'Trust imgtool test key' }).uncheck();
  await expect(page.getByText('Key "imgtool test key" turned off: no device trusts it now.')).toBeVisible();
  await expect(imgtool.getByTestId('key-scope')).toHaveText('Applies to: nothing (turned off)');
  await page.reload();
  await expect(imgtool.getByRole('checkbox', { name: 'Trust imgtool test key' })).not.toBeChecked();
  await expect(page.getByTestId('keys-for-virtual')).not.toContainText('imgtool');

  await page.goto('/firmware/');
  await pickFirmware(page, fixtureFile(IMGTOOL_SIGNED));
  await expect(page.getByTestId('verdict').getByRole('heading')).toHaveText(/Untrusted key/);
});

test('R11 R24 on a real port a test-signed catalog image is refused, named as a test key; the developer setting lets it through to the pre-flight', async ({ page }) => {
  await installVirtualSerialPage(page);
  await connectOverWebSerial(page);

  await openKeysPage(page);
  await expect(page.getByTestId('keys-for-real')).toContainText('(connected now)');
  await navigate(page, 'Firmware');
  const entry = page.locator('[data-testid="catalog-entry"][data-id="vbms-1.1.0"]');
  await entry.getByRole('button', { name: 'Use for the update' }).click();
  const verdict = page.getByTestId('verdict');
  await expect(verdict.getByTestId('verdict-subject')).toContainText('not chosen for the update');
  await expect(verdict.getByTestId('error-code')).toHaveText('IMAGE_UNKNOWN_KEY');
  await expect(verdict).toContainText('a published test key: trusted for the Virtual BMS only, not for a real port');
  await expect(page.getByTestId('chosen-image')).toHaveText(/No image chosen/);

  await openKeysPage(page);
  await page.getByRole('checkbox', { name: /Developer setting/ }).check();
  await expect(page.getByTestId('keys-for-real')).toContainText('virtual BMS vendor (test key)');
  await navigate(page, 'Firmware');
  await entry.getByRole('button', { name: 'Use for the update' }).click();
  await expect(entry.getByRole('button', { name: 'Chosen ✔' })).toBeVisible();
  await expect(page.getByTestId('test-key-note')).toContainText('accepted on real ports too, because of your developer setting');
  // The session worker, which knows the port, accepts the package only because the setting went with it.
  await page.getByRole('link', { name: 'Continue to the pre-flight checks' }).click();
  await expect(page.getByTestId('check-package')).toHaveAttribute('data-status', 'pass', { timeout: 20_000 });
});
