import { expect, test } from '@playwright/test';

test('switching to French translates the app and is remembered after a reload', async ({ page }) => {
  await page.goto('/firmware/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'FR' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Micrologiciel');
  await expect(page.getByRole('link', { name: 'Clés' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Micrologiciel');
  await expect(page.getByRole('button', { name: 'FR' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Firmware');
});

test.describe('with a French browser', () => {
  test.use({ locale: 'fr-FR' });

  test('the app starts in French', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Micrologiciel' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
});
