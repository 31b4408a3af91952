/**
 * R15 R16 (issue 16): a power cut during the transfer is shown on the Update page as it is handled: a
 * banner with the cause the tool observed and what it does about it, the countdown paused; then the
 * transfer resumes and the verdict, read back from the device, appears where the work ended.
 */
import { expect, test } from '@playwright/test';
import { chooseCatalogImage, confirmChecklist, connectVirtualBms, navigate, openPreflight, runUpdateToResult } from './helpers/update-flow';

test.setTimeout(150_000);

test('R15 R16 a power cut mid-transfer shows at once with its observed cause, then the update ends on what the device runs', async ({ page }) => {
  await connectVirtualBms(page);
  await navigate(page, 'Connect');
  const panel = page.locator('details', { hasText: 'Virtual BMS fault panel' });
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  await panel.getByLabel('Upload byte offset').fill('8192');
  // The power stays off until it is switched on again below: the page must say so meanwhile.
  await panel.getByLabel('Power comes back after 2 s').uncheck();
  await panel.getByRole('button', { name: 'Arm the power loss' }).click();
  await expect(panel.getByRole('status')).toHaveText('Armed: the power is cut when the device gets there.');

  await chooseCatalogImage(page, 'vbms-1.1.0');
  await openPreflight(page);
  await confirmChecklist(page);
  await runUpdateToResult(
    page,
    async () => {
      const lost = page.getByTestId('link-lost');
      await expect(lost).toBeVisible({ timeout: 60_000 });
      await expect(lost).toContainText('Connection lost');
      // What was observed (the device restarted, or went silent), never a bare protocol refusal.
      await expect(lost).toContainText(/The device restarted|The device stopped answering|The link closed/);
      await expect(lost).toContainText('The tool waits up to');
      await expect(page.getByTestId('eta')).toHaveText('countdown paused');
      // The power comes back (fault panel on the Connect page; going back returns to the running update).
      await navigate(page, 'Connect');
      const faults = page.locator('details', { hasText: 'Virtual BMS fault panel' });
      if (!(await faults.evaluate((d) => (d as HTMLDetailsElement).open))) await faults.locator('summary').click();
      await faults.getByRole('button', { name: 'Power cycle' }).click();
      await page.goBack();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Update');
      await expect(page.getByTestId('link-lost')).toBeHidden({ timeout: 60_000 });
    },
    async () => {
      await expect(page.getByTestId('update-verdict').getByTestId('outcome')).toHaveAttribute('data-outcome', 'updated');
      await expect(page.getByTestId('update-verdict').getByTestId('read-back')).toContainText('it runs 1.1.0+0, confirmed');
    }
  );
});
