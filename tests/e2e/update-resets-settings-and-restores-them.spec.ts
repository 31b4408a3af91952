/**
 * R09 R23: a firmware with a new settings layout returns the site's settings to its defaults. The Result
 * page shows the difference against the backup taken before the update, then restores it; the Backups
 * page confirms the device matches that backup again.
 */
import { expect, test } from '@playwright/test';
import { navigate, prepareUpdate, runUpdateToResult } from './helpers/update-flow';

test.setTimeout(120_000);

test('R09 R23 an update that resets the settings is a verdict of its own, restores them first, and a factory reset says what happened', async ({ page }) => {
  await prepareUpdate(page, 'vbms-1.4.0-config-reset');
  await runUpdateToResult(page, undefined, async () => {
    // Issue 16: not "✔ OK" with the restore below it; the restore is the main action where the work ended.
    const verdict = page.getByTestId('update-verdict');
    await expect(verdict.getByTestId('outcome')).toHaveAttribute('data-outcome', 'settings-changed');
    await expect(verdict.getByTestId('outcome').getByRole('heading')).toHaveText(/Updated — settings changed/);
    await expect(verdict.getByTestId('restore-now')).toBeVisible();
  });
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'settings-changed');
  // The settings come right after the verdict, before anything else.
  const order = await page.locator('[data-testid="outcome"], [data-testid="settings-after"], [data-testid="next-steps"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
  expect(order).toEqual(['outcome', 'settings-after', 'next-steps']);
  await page.getByText('Full report').click();
  await expect(page.getByText('not yet: restore the settings first')).toBeVisible();

  // The difference comes first: the site's values in the backup, the firmware defaults on the device.
  const settings = page.getByTestId('settings-after');
  await expect(settings).toContainText('The new firmware changed 3 setting(s).');
  const diff = settings.getByTestId('config-diff').first();
  await expect(diff.locator('tr[data-key="device_name"]')).toContainText('Demo site rack 1');
  await expect(diff.locator('tr[data-key="rs485_address"]')).toContainText('12');
  await expect(diff.locator('tr[data-key="can_id"]')).toContainText('288');

  const restore = settings.getByTestId('restore-flow');
  await restore.getByRole('button', { name: 'Compare with the device', exact: true }).click();
  await restore.getByTestId('confirm-restore').click();
  await expect(restore.getByTestId('restore-done')).toContainText('Restored 3 setting(s)');

  // The backup taken before the update now matches the device.
  await navigate(page, 'Backups');
  const backup = page.getByTestId('backup').first();
  await backup.locator('details', { hasText: 'Compare with the device and restore' }).locator('summary').click();
  await backup.getByRole('button', { name: 'Compare with the device', exact: true }).click();
  await expect(backup.getByTestId('config-diff-empty')).toBeVisible();

  // A factory reset of the Virtual BMS closes its session and says so (no "connection lost … resume").
  await navigate(page, 'Connect');
  const panel = page.locator('details', { hasText: 'Virtual BMS fault panel' });
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  await panel.getByRole('button', { name: 'Factory reset' }).click();
  await expect(page.getByTestId('factory-reset-notice')).toContainText('reset to its factory state');
  await expect(page.getByText('The connection was lost')).toHaveCount(0);
});
