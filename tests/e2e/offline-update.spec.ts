import { expect, test } from '@playwright/test';
import { chooseCatalogImage, confirmChecklist, connectVirtualBms, navigate, openPreflight, runUpdateToResult, updateVirtualBms } from './helpers/update-flow';

test.setTimeout(240_000);

test('R09 R16 after a first visit, the app reloads offline and updates the Virtual BMS with an image opened before', async ({ page, context }) => {
  await page.goto('/');
  // `ready` resolves once the service worker is active, i.e. after it precached the whole app.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  // First visit, online: one update (which saves a backup) and a second image opened for later.
  await updateVirtualBms(page, 'vbms-1.1.0');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'updated');
  await chooseCatalogImage(page, 'vbms-1.4.0-config-reset');

  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Firmware');

    // The image comes from IndexedDB (verified again), not from the network.
    await connectVirtualBms(page, { unpaced: true });
    await navigate(page, 'Firmware');
    await page.getByTestId('recent-images').getByRole('button', { name: 'Use 1.4.0+0' }).click();
    await expect(page.getByTestId('chosen-image')).toContainText('1.4.0+0');
    await openPreflight(page);
    await confirmChecklist(page);
    await runUpdateToResult(page);
    // 1.4.0 resets the settings: updated, with the settings to restore before return to service.
    await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'settings-changed');
    await expect(page.getByTestId('running-now')).toContainText('1.4.0+0');

    // The backup made before the reload is still listed, beside this update's.
    await navigate(page, 'Backups');
    await expect(page.getByTestId('backup')).toHaveCount(2);
  } finally {
    await context.setOffline(false);
  }
});
