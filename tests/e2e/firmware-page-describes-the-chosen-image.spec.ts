/**
 * The Firmware page describes the image chosen last, whatever way it was chosen: a file after a catalog
 * image (and the other way round) replaces the verdict and the details, and a refused file is named
 * with its reason while no image stays chosen.
 */
import { expect, test } from '@playwright/test';
import { pickFirmware } from './helpers/firmware-page';
import { IMGTOOL_SIGNED, file, fixtureFile } from './helpers/images';
import { chooseCatalogImage } from './helpers/update-flow';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(120).fill(0)]);

test('R07 R08 R11 a catalog image after a file, then a file after the catalog image, each replace the description', async ({ page }) => {
  const subject = page.getByTestId('verdict-subject');
  const chosen = page.getByTestId('chosen-image');
  await page.goto('/firmware/');

  await pickFirmware(page, fixtureFile(IMGTOOL_SIGNED));
  await expect(subject).toHaveText(`${IMGTOOL_SIGNED}: chosen for the update.`);
  await expect(page.getByTestId('firmware.version')).toHaveText('1.2.3+4');
  await expect(chosen).toContainText(IMGTOOL_SIGNED);

  await chooseCatalogImage(page, 'vbms-1.1.0');
  await expect(subject).toHaveText('VBMS-16S 1.1.0+0 (vbms-1.1.0): chosen for the update.');
  await expect(page.getByTestId('firmware.file')).toHaveText('VBMS-16S 1.1.0+0 (vbms-1.1.0)');
  await expect(page.getByTestId('firmware.version')).toHaveText('1.1.0+0');
  await expect(page.getByTestId('verdict')).toContainText('virtual BMS vendor (test key)');
  await expect(chosen).toContainText('VBMS-16S 1.1.0+0');
  await expect(chosen).not.toContainText(IMGTOOL_SIGNED);

  await pickFirmware(page, fixtureFile(IMGTOOL_SIGNED));
  await expect(subject).toHaveText(`${IMGTOOL_SIGNED}: chosen for the update.`);
  await expect(page.getByTestId('firmware.version')).toHaveText('1.2.3+4');
  await expect(chosen).toContainText(IMGTOOL_SIGNED);
});

test('R08 a refused file is named with its reason and code, and no image stays chosen', async ({ page }) => {
  await page.goto('/firmware/');
  await chooseCatalogImage(page, 'vbms-1.1.0');
  await pickFirmware(page, file('vbms.png', PNG));
  const verdict = page.getByTestId('verdict');
  await expect(verdict.getByTestId('verdict-subject')).toHaveText(
    'vbms.png: not chosen for the update. This file is not an MCUboot firmware image. (IMAGE_BAD_MAGIC)'
  );
  await expect(verdict.getByRole('heading')).toHaveText(/Corrupt/);
  // Nothing of the catalog image is left on the page: not its details, not as the chosen image.
  await expect(page.getByTestId('firmware.version')).toHaveCount(0);
  await expect(page.getByTestId('chosen-image')).toHaveText(/No image chosen for the update yet/);
  await expect(page.locator('[data-testid="catalog-entry"][data-id="vbms-1.1.0"]').getByRole('button', { name: 'Use for the update' })).toBeVisible();

  await page.getByRole('button', { name: 'FR' }).click();
  await expect(verdict.getByTestId('verdict-subject')).toHaveText(
    "vbms.png : non retenu pour la mise à jour. Ce fichier n'est pas une image de firmware MCUboot. (IMAGE_BAD_MAGIC)"
  );
});
