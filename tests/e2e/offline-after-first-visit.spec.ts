import { pickFirmware } from './helpers/firmware-page';
import { expect, test } from '@playwright/test';
import { IMGTOOL_SIGNED, fixtureFile } from './helpers/images';

test('the app reloads and checks firmware offline after a first visit', async ({ page, context }) => {
  await page.goto('/');
  // `ready` resolves once the service worker is active, i.e. after it precached the whole app.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('BMS Flasher');
    await page.getByRole('link', { name: 'Firmware', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Firmware');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Firmware');
    // The worker script and its chunks come from the cache too.
    await pickFirmware(page, fixtureFile(IMGTOOL_SIGNED));
    await expect(page.getByTestId('verdict').getByRole('heading')).toHaveText(/Trusted/);
  } finally {
    await context.setOffline(false);
  }
});

test('the web app manifest names the app and its icons load', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href!, page.url());
  const manifest = await (await request.get(manifestUrl.href)).json();
  expect(manifest).toMatchObject({ name: 'BMS Flasher', display: 'standalone', start_url: './' });
  const purposes = manifest.icons.map((icon: { purpose: string }) => icon.purpose);
  expect(purposes).toContain('maskable');
  for (const icon of manifest.icons as { src: string; type: string; sizes: string }[]) {
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type'], icon.src).toContain(icon.type.split('+')[0]);
  }
});
