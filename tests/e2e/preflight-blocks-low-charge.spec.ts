import { expect, test, type Page } from '@playwright/test';
import { chooseCatalogImage, confirmChecklist, connectVirtualBms, navigate, openPreflight } from './helpers/update-flow';

test.setTimeout(90_000);

test('R01 a state of charge below 20 % keeps the Update button disabled and says why and what to do', async ({ page }) => {
  await connectVirtualBms(page);
  await setSoc(page, 15);
  await chooseCatalogImage(page, 'vbms-1.1.0');
  await openPreflight(page);
  await confirmChecklist(page);

  const soc = page.getByTestId('check-soc');
  await expect(soc).toHaveAttribute('data-status', 'fail');
  await expect(soc).toContainText('15.0 %');
  await expect(soc).toContainText('20.0 % – 80.0 %');
  await expect(soc).toContainText('Charge or discharge the pack into 20–80 %');
  await expect(page.getByTestId('start-update')).toBeDisabled();
  await expect(page.getByTestId('gate-reasons')).toContainText('State of charge fails: 15.0 % (limit 20.0 % – 80.0 %)');

  // Back in the band, a new measurement opens the way.
  await setSoc(page, 50);
  await navigate(page, 'Firmware');
  await openPreflight(page);
  await expect(page.getByTestId('check-soc')).toHaveAttribute('data-status', 'pass', { timeout: 20_000 });
});

/** The Virtual BMS fault panel (Connect page). */
async function setSoc(page: Page, percent: number): Promise<void> {
  await navigate(page, 'Connect');
  const panel = page.locator('details', { hasText: 'Virtual BMS fault panel' });
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  await page.getByLabel('State of charge (%)').fill(String(percent));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(panel.getByRole('status')).toHaveText('Applied.');
}
