import { expect, test } from '@playwright/test';

// The service worker would answer from its cache, out of reach of page.route().
test.use({ serviceWorkers: 'block' });

test('R08 a catalog image that does not match its listed SHA-256 is refused, not chosen', async ({ page }) => {
  await page.route('**/firmware/vbms-1.1.0.bin', async (route) => {
    const body = await (await route.fetch()).body();
    body[0x200 + 64] ^= 0x01;
    await route.fulfill({ body, contentType: 'application/octet-stream' });
  });
  await page.goto('/firmware/');
  const entry = page.locator('[data-testid="catalog-entry"][data-id="vbms-1.1.0"]');
  await entry.getByRole('button', { name: 'Use for the update' }).click();
  await expect(entry.getByTestId('error-code')).toHaveText('IMAGE_HASH_MISMATCH');
  await expect(entry).toContainText('the catalog lists');
  await expect(page.getByTestId('chosen-image')).toContainText('No image chosen');
  await expect(page.getByTestId('recent-images')).toHaveCount(0);
});
