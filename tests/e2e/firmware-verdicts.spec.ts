import { pickFirmware } from './helpers/firmware-page';
import { expect, test, type Page } from '@playwright/test';
import { VENDOR_TEST_SECRET_KEY } from '../../src/lib/core/image/test-keys';
import {
  IMGTOOL_KEY_FINGERPRINT,
  IMGTOOL_SIGNED,
  file,
  fixtureFile,
  imageFromUnknownSigner,
  signedImage,
  tamperedFile,
  type FilePayload
} from './helpers/images';

async function pick(page: Page, payload: FilePayload) {
  await page.goto('/firmware/');
  await pickFirmware(page, payload);
}

test('R11 a valid imgtool image shows "Trusted" with the signer and key fingerprint', async ({ page }) => {
  await pick(page, fixtureFile(IMGTOOL_SIGNED));
  const verdict = page.getByTestId('verdict');
  await expect(verdict.getByRole('heading')).toHaveText(/Trusted/);
  await expect(verdict).toContainText('imgtool test key');
  await expect(page.getByTestId('signer-fingerprint')).toHaveText(IMGTOOL_KEY_FINGERPRINT);
  await expect(page.getByTestId('firmware.version')).toHaveText('1.2.3+4');
  await expect(page.getByTestId('firmware.securityCounter')).toHaveText('5');
  await expect(page.getByTestId('firmware.imageHash')).toHaveText(
    'ce173793833cf82c2c6cb3468714c3718d60b16b6b2adbc4a010863a7a5ca28f'
  );
});

test('R08 a tampered image shows "Corrupt" with code IMAGE_HASH_MISMATCH from the worker', async ({ page }) => {
  await pick(page, tamperedFile());
  const verdict = page.getByTestId('verdict');
  await expect(verdict.getByRole('heading')).toHaveText(/Corrupt/);
  // The code is set in the worker; seeing it here proves it survived the Comlink boundary.
  await expect(verdict.getByTestId('error-code')).toHaveText('IMAGE_HASH_MISMATCH');
  await expect(verdict.getByRole('alert')).toContainText('Download the firmware again');
});

test('R11 an image signed with an unknown key shows "Untrusted key"', async ({ page }) => {
  await pick(page, file('unknown-signer.bin', imageFromUnknownSigner().image));
  const verdict = page.getByTestId('verdict');
  await expect(verdict.getByRole('heading')).toHaveText(/Untrusted key/);
  await expect(verdict.getByTestId('error-code')).toHaveText('IMAGE_UNKNOWN_KEY');
  await expect(page.getByTestId('firmware.model')).toHaveText('BMS-16S');
  await expect(page.getByTestId('firmware.hwRevisions')).toHaveText('B, C');
});

test('R08 a raw binary that is not an MCUboot image is refused with its code', async ({ page }) => {
  await pick(page, fixtureFile('app.bin'));
  await expect(page.getByTestId('verdict').getByTestId('error-code')).toHaveText('IMAGE_BAD_MAGIC');
});

test('R11 an image signed with the virtual BMS vendor key is trusted out of the box', async ({ page }) => {
  await pick(page, file('vendor.bin', signedImage(8192, VENDOR_TEST_SECRET_KEY)));
  await expect(page.getByTestId('verdict').getByRole('heading')).toHaveText(/Trusted/);
  await expect(page.getByTestId('verdict')).toContainText('virtual BMS vendor (test key)');
  await expect(page.getByTestId('firmware.version')).toHaveText('2.0.1+7');
});

test('R11 an unsigned image shows "Unsigned" with code IMAGE_UNSIGNED', async ({ page }) => {
  await pick(page, fixtureFile('app-unsigned-sha256-v0.1.0.bin'));
  await expect(page.getByTestId('verdict').getByRole('heading')).toHaveText(/Unsigned/);
  await expect(page.getByTestId('error-code')).toHaveText('IMAGE_UNSIGNED');
});

test('R21 the failure explanation follows the chosen language', async ({ page }) => {
  await pick(page, tamperedFile());
  await expect(page.getByRole('alert')).toContainText('The firmware checksum does not match');
  await page.getByRole('button', { name: 'FR' }).click();
  await expect(page.getByTestId('verdict').getByRole('heading')).toHaveText(/Corrompue/);
  await expect(page.getByRole('alert')).toContainText("L'empreinte du firmware ne correspond pas");
  await expect(page.getByRole('alert')).toContainText('Téléchargez de nouveau le firmware');
});
