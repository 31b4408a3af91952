import { expect, test } from '@playwright/test';
import { navigate, openPreflight, prepareUpdate, setVirtualBmsKnobs } from './helpers/update-flow';

test.setTimeout(90_000);

test('R01 a state of charge below 20 % keeps the Update button disabled and says why and what to do', async ({ page }) => {
  await prepareUpdate(page, 'vbms-1.1.0', { 'State of charge (%)': '15' });

  const soc = page.getByTestId('check-soc');
  await expect(soc).toHaveAttribute('data-status', 'fail');
  await expect(soc).toContainText('15.0 %');
  await expect(soc).toContainText('20.0 % – 80.0 %');
  await expect(soc).toContainText('Charge or discharge the pack into 20–80 %');
  await expect(page.getByTestId('start-update')).toBeDisabled();
  await expect(page.getByTestId('gate-reasons')).toContainText('State of charge fails: 15.0 % (limit 20.0 % – 80.0 %)');

  // Back in the band, a new measurement opens the way.
  await setVirtualBmsKnobs(page, { 'State of charge (%)': '50' });
  await navigate(page, 'Firmware');
  await openPreflight(page);
  await expect(page.getByTestId('check-soc')).toHaveAttribute('data-status', 'pass', { timeout: 20_000 });
  await expect(page.getByTestId('start-update')).toBeEnabled();
});
