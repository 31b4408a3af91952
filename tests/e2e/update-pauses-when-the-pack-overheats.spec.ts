/**
 * R02 R16: a pack that leaves the safe band during the transfer holds the update at a safe point, the
 * Update page says which check, the reading and the limit, and the transfer resumes by itself once the
 * pack is back in the band. A slow device (extra response delay) keeps the transfer long enough to act.
 */
import { expect, test } from '@playwright/test';
import { downloadedText, prepareUpdate, runUpdateToResult, setVirtualBmsKnobs } from './helpers/update-flow';

test.setTimeout(90_000);

test('R02 R16 an overheating pack pauses the transfer, which resumes by itself and ends OK with the pause in the report', async ({ page }) => {
  await prepareUpdate(page, 'vbms-1.1.0', { 'Extra response delay (ms)': '150' });

  await runUpdateToResult(page, async () => {
    await expect(page.getByTestId('transfer-numbers')).toContainText('%', { timeout: 20_000 });
    // The fault panel is on the Connect page; going back returns to the running update (no reload).
    await setVirtualBmsKnobs(page, { 'Temperature (°C)': '52' });
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Update');
    const paused = page.getByTestId('paused');
    await expect(paused).toContainText('Paused: the pack left the safe band.', { timeout: 15_000 });
    // Each sensor reads the pack temperature with its own small offset.
    await expect(paused).toContainText(/Temperature: T1 5\d\.\d °C, T2 5\d\.\d °C/);
    await expect(paused).toContainText('(limit above 0.0 °C, below 45.0 °C');
    await expect(paused).toContainText('it resumes by itself once the pack is back in the band');
    // No time left is promised while held.
    await expect(page.getByTestId('eta')).toHaveText('countdown paused');
    const sent = await page.getByTestId('transfer-numbers').textContent();

    await setVirtualBmsKnobs(page, { 'Temperature (°C)': '25', 'Extra response delay (ms)': '0' });
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Update');
    await expect(paused).toBeHidden({ timeout: 15_000 });
    await expect(page.getByTestId('transfer-numbers')).not.toHaveText(sent ?? '');
  });

  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'updated');
  await expect(page.getByTestId('outcome').getByRole('heading')).toHaveText(/OK/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the report (JSON)' }).click()]);
  const report = JSON.parse(await downloadedText(download));
  expect(report.outcome).toBe('updated');
  expect(report.pauses).toHaveLength(1);
  expect(report.pauses[0].checks).toEqual([expect.objectContaining({ id: 'temperature' })]);
  // the reading is kept as a text key + params, rendered in the reader's language
  const [first] = report.pauses[0].checks[0].measured.params.items;
  expect(first).toMatchObject({ key: 'check.temperature.sensor', params: { n: 1, celsius: { digits: 1 } } });
  expect(first.params.celsius.fixed).toBeGreaterThanOrEqual(45);
});
