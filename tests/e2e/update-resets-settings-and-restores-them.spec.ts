/**
 * R09 R23: a firmware with a new settings layout returns the site's settings to its defaults. The Result
 * page shows the difference against the backup taken before the update, then restores it; the Backups
 * page confirms the device matches that backup again.
 */
import { expect, test } from '@playwright/test';
import { navigate, updateVirtualBms } from './helpers/update-flow';

test.setTimeout(120_000);

test('R09 R23 an update that resets the settings shows the difference against the backup and restores it', async ({ page }) => {
  await updateVirtualBms(page, 'vbms-1.4.0-config-reset');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'updated');

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
});
