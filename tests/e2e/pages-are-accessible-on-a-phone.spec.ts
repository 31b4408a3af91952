import { pickFirmware } from './helpers/firmware-page';
import { expect, test } from '@playwright/test';
import { violations } from './helpers/axe';
import { fixtureFile, tamperedFile } from './helpers/images';

test.use({ viewport: { width: 360, height: 740 } });

for (const path of ['/', '/connect/', '/device/', '/firmware/', '/keys/', '/help/']) {
  test(`${path} has no WCAG A/AA violations and no sideways scrolling on a 360 px phone`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
}

test('verdicts and error details are accessible on a phone', async ({ page }) => {
  await page.goto('/firmware/');
  await pickFirmware(page, fixtureFile('app-ed25519-v1.2.3+4-sc5.bin'));
  await expect(page.getByTestId('verdict')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await pickFirmware(page, tamperedFile());
  await expect(page.getByTestId('error-code')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
