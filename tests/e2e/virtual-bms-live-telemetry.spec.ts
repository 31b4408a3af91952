/**
 * "Try without hardware": one click on the Connect page starts the in-browser Virtual BMS, connects the
 * session worker to it and opens the Device page with live readings.
 */
import { expect, test, type Page } from '@playwright/test';
import { violations } from './helpers/axe';

async function tryWithoutHardware(page: Page) {
  await page.goto('/connect/');
  const button = page.getByRole('button', { name: 'Try without hardware — Virtual BMS' });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Device', { timeout: 15_000 });
}

test('R14 connect to the virtual BMS in one click and see live telemetry', async ({ page }) => {
  await tryWithoutHardware(page);
  const identity = page.getByTestId('identity');
  await expect(identity).toContainText('VBMS-16S');
  await expect(identity).toContainText('VB2400001');
  await expect(page.getByTestId('fw-version')).toHaveText('1.0.0+0');

  const cells = page.getByRole('figure', { name: 'Cell voltages' });
  await expect(cells).toBeVisible();
  await expect(page.getByTestId('cells-summary')).toContainText('16 cells from 3.');
  await expect(page.getByTestId('temperatures')).toContainText('T4');
  await expect(page.getByTestId('image-slots')).toContainText('active');

  // Values update: the pack-voltage history grows with every reading.
  const history = page.getByTestId('pack-history').locator('figcaption');
  await expect(history).toContainText(/over \d+ readings/);
  const readings = async () => Number((await history.textContent())?.match(/over (\d+) readings/)?.[1] ?? 0);
  const first = await readings();
  await expect.poll(readings, { timeout: 5_000 }).toBeGreaterThan(first + 1);
});

test('the connected Device page and the Connect page with the fault panel open pass axe on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await tryWithoutHardware(page);
  await expect(page.getByTestId('cell-chart')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('connection')).toContainText('Connected to VBMS-16S');
  await page.getByText('Virtual BMS fault panel').click();
  await expect(page.getByTestId('vbms-board')).toContainText('VB2400001');
  expect(await violations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
