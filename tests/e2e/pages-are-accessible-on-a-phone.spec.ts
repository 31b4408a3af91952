import { pickFirmware } from './helpers/firmware-page';
import { expect, test } from '@playwright/test';
import { violations } from './helpers/axe';
import { fixtureFile, tamperedFile } from './helpers/images';
import { chooseCatalogImage, confirmChecklist, connectVirtualBms, navigate, openPreflight, runUpdateToResult } from './helpers/update-flow';

test.use({ viewport: { width: 360, height: 740 } });

for (const path of ['/', '/connect/', '/device/', '/firmware/', '/preflight/', '/update/', '/result/', '/backups/', '/reports/', '/keys/', '/help/']) {
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

test('the update flow pages are accessible on a phone with their content: checks, progress, rollback, backups, reports', async ({ page }) => {
  test.setTimeout(150_000);
  const check = async (what: string) => {
    expect(await violations(page), what).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(360);
  };
  await connectVirtualBms(page, { unpaced: true });
  await chooseCatalogImage(page, 'vbms-1.2.0-selftest-fail');
  await check('firmware page with the catalog');
  await openPreflight(page);
  await page.locator('details', { hasText: 'Which interface to use' }).locator('summary').click();
  await check('pre-flight with its checks');
  await confirmChecklist(page);
  await runUpdateToResult(page, async () => {
    await expect(page.getByTestId('safety-banner')).toHaveAttribute('data-critical', 'true', { timeout: 30_000 });
    await check('update page during the update');
  }, () => check('update page with its verdict and next steps'));
  await expect(page.getByTestId('troubleshooting')).toBeVisible();
  await page.locator('details', { hasText: 'Full report' }).locator('summary').click();
  await check('result page of a rollback, full report open');
  await navigate(page, 'Backups');
  for (const summary of await page.getByTestId('backup').locator('summary').all()) await summary.click();
  await page.getByRole('button', { name: 'Compare with the device', exact: true }).click();
  await expect(page.getByTestId('config-diff-empty')).toBeVisible();
  await check('backups page, backup opened and compared');
  await navigate(page, 'Reports');
  await expect(page.getByTestId('report')).toHaveCount(1);
  await check('reports page');
});
