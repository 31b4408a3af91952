import { expect, test } from '@playwright/test';
import { updateVirtualBms } from './helpers/update-flow';

test.setTimeout(150_000);

test('R19 R21 a firmware whose self-test fails is rolled back, with the proof and the troubleshooting steps', async ({ page }) => {
  await updateVirtualBms(page, 'vbms-1.2.0-selftest-fail');

  const outcome = page.getByTestId('outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'rolled-back');
  await expect(outcome.getByRole('heading')).toHaveText(/Rolled back/);

  // R21: the catalog's diagnosis and fix for this failure, and where to look first (R23).
  const trouble = page.getByTestId('troubleshooting');
  await expect(trouble.getByTestId('error-code')).toHaveText('UPDATE_SELF_TEST_FAILED');
  await expect(trouble).toContainText('The self-test of the new firmware failed.');
  await expect(trouble).toContainText('Voltage calibration (±0.5 %), temperature sensors, RS485 or CAN did not pass');
  await expect(trouble).toContainText('The device falls back to the previous firmware by itself');
  await expect(trouble).toContainText('The firmware: the new image reached the device and runs');
  await expect(trouble).not.toContainText('check cables');

  // R19: the previous firmware runs again, proven by the version and hash read back.
  await expect(page.getByTestId('running-now')).toContainText('1.0.0+0');
  await expect(page.getByTestId('running-now')).toContainText('(confirmed)');
  await expect(page.getByTestId('fallback-proven')).toBeVisible();
});
