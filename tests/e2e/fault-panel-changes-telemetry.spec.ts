/** The Virtual BMS fault panel drives what the BMS reports: the Device page shows the new conditions. */
import { expect, test } from '@playwright/test';

test('R01 R02 setting SoC 15 % and a failed sensor in the fault panel shows on the Device page', async ({ page }) => {
  await page.goto('/connect/');
  await page.getByRole('button', { name: 'Try without hardware — Virtual BMS' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Device', { timeout: 15_000 });
  await expect(page.getByTestId('soc')).toHaveText('55.0 %');

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Connect', exact: true }).click();
  await page.getByText('Virtual BMS fault panel').click();
  await page.getByLabel('State of charge (%)').fill('15');
  await page.getByLabel('Failing temperature sensor').selectOption('T2');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Applied.')).toBeVisible();

  await nav.getByRole('link', { name: 'Device', exact: true }).click();
  await expect(page.getByTestId('soc')).toHaveText(/^1[45]\.\d %$/);
  await expect(page.getByTestId('temperatures')).toContainText('T2: no answer');
});
