import { pickFirmware } from './helpers/firmware-page';
import { expect, test } from '@playwright/test';
import { publicKeyToPem } from '../../src/lib/core/image/keys';
import { file, imageFromUnknownSigner } from './helpers/images';

test('R24 a key added on the Keys page makes its images trusted, survives a reload, and can be removed', async ({ page }) => {
  const { image, publicKey } = imageFromUnknownSigner();
  const firmware = file('lab-build.bin', image);
  const verdictHeading = page.getByTestId('verdict').getByRole('heading');

  await page.goto('/keys/');
  await expect(page.getByTestId('trusted-key').filter({ hasText: 'imgtool test key' })).toBeVisible();
  await expect(page.getByText('You have not added any key.')).toBeVisible();
  await page.getByLabel('Name').fill('Lab key');
  await page.getByLabel('Public key (PEM)').fill(publicKeyToPem(publicKey));
  await page.getByRole('button', { name: 'Add key' }).click();
  await expect(page.getByText('Key "Lab key" added.')).toBeVisible();
  const labKey = page.getByTestId('trusted-key').filter({ hasText: 'Lab key' });
  await expect(labKey).toBeVisible();

  await page.getByRole('link', { name: 'Firmware', exact: true }).click();
  await pickFirmware(page, firmware);
  await expect(verdictHeading).toHaveText(/Trusted/);
  await expect(page.getByTestId('verdict')).toContainText('Lab key');

  await page.goto('/keys/');
  await page.reload();
  await expect(labKey).toBeVisible();
  await page.getByRole('button', { name: 'Remove Lab key' }).click();
  await expect(labKey).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('You have not added any key.')).toBeVisible();

  await page.goto('/firmware/');
  await pickFirmware(page, firmware);
  await expect(verdictHeading).toHaveText(/Untrusted key/);
});

test('R24 a .pem file can be picked, and a duplicate or malformed key is refused with an explanation', async ({ page }) => {
  const { publicKey } = imageFromUnknownSigner();
  await page.goto('/keys/');
  await expect(page.getByLabel('or pick a .pem file')).toBeEnabled();
  await page.getByLabel('or pick a .pem file').setInputFiles({
    name: 'workshop.pem',
    mimeType: 'text/plain',
    buffer: Buffer.from(publicKeyToPem(publicKey))
  });
  await expect(page.getByLabel('Name')).toHaveValue('workshop');
  await page.getByRole('button', { name: 'Add key' }).click();
  await expect(page.getByTestId('trusted-key').filter({ hasText: 'workshop' })).toBeVisible();

  await page.getByLabel('Name').fill('again');
  await page.getByLabel('Public key (PEM)').fill(publicKeyToPem(publicKey));
  await page.getByRole('button', { name: 'Add key' }).click();
  await expect(page.getByText('This key is already trusted as "workshop".')).toBeVisible();

  await page.getByLabel('Public key (PEM)').fill('-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----');
  await page.getByRole('button', { name: 'Add key' }).click();
  await expect(page.locator('form').getByTestId('error-code')).toHaveText('IMAGE_KEY_INVALID');
});
