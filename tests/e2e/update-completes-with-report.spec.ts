import { expect, test } from '@playwright/test';
import {
  OPERATOR,
  chooseCatalogImage,
  confirmChecklist,
  connectVirtualBms,
  downloadedText,
  navigate,
  openPreflight,
  runUpdateToResult,
  screenshot
} from './helpers/update-flow';

test.setTimeout(150_000);

test('R16 R17 R18 R27 a full update of the Virtual BMS ends OK with a report that says who updated what', async ({ page }) => {
  await page.goto('/connect/');
  await expect(page.getByRole('button', { name: 'Try without hardware — Virtual BMS' })).toBeEnabled();
  await screenshot(page, 'connect');
  await connectVirtualBms(page);
  await screenshot(page, 'device');

  await chooseCatalogImage(page, 'vbms-1.1.0');
  await screenshot(page, 'firmware', false);
  await openPreflight(page);
  for (const id of ['package', 'compatibility', 'anti-rollback', 'bank', 'link', 'soc', 'temperature', 'supply']) {
    await expect(page.getByTestId(`check-${id}`), id).not.toHaveAttribute('data-status', 'fail');
  }
  await expect(page.getByTestId('start-update')).toBeDisabled();
  await confirmChecklist(page);
  await expect(page.getByTestId('start-update')).toBeEnabled();
  await screenshot(page, 'preflight');

  await runUpdateToResult(page, async () => {
    // R16: live progress; "do not unplug" while the flash is written and the new image proves itself.
    await expect(page.getByTestId('safety-banner')).toHaveAttribute('data-critical', 'true', { timeout: 30_000 });
    await expect(page.getByTestId('safety-banner')).toContainText('Do not unplug or power off the battery');
    await expect(page.getByTestId('transfer-numbers')).toContainText('%');
    await screenshot(page, 'update');
    // R17: the reboot sequence, each step shown.
    await expect(page.getByTestId('reboot-sequence').locator('li[data-done="true"]')).toHaveCount(3, { timeout: 60_000 });
    await expect(page.getByTestId('log')).toContainText('report', { timeout: 30_000 }); // after confirm, a proving reset and the 3 s balance test
  }, async () => {
    // The verdict where the work ended, with what the device runs as read back, and the next steps.
    await expect(page.getByTestId('update-verdict').getByTestId('outcome')).toHaveAttribute('data-outcome', 'updated');
    await expect(page.getByTestId('update-verdict').getByTestId('read-back')).toContainText('it runs 1.1.0+0, confirmed');
    await expect(page.getByTestId('next-steps')).toBeVisible();
  });

  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'updated');
  await expect(page.getByTestId('outcome').getByRole('heading')).toHaveText(/OK/);
  await expect(page.getByTestId('running-now')).toContainText('1.1.0+0');
  await screenshot(page, 'result');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the report (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^report-VB2400001-.*\.json$/);
  const report = JSON.parse(await downloadedText(download));
  expect(report).toMatchObject({
    format: 'bms-flasher/update-report/v1',
    outcome: 'updated',
    returnToService: true,
    operator: OPERATOR,
    device: { model: 'VBMS-16S', serial: 'VB2400001', hwRev: 'B', securityCounterBefore: 1, securityCounterAfter: 2 },
    firmwareBefore: { version: '1.0.0+0' },
    package: { version: '1.1.0+0', securityCounter: 2, safetyCritical: true },
    firmwareAfter: { version: '1.1.0+0', confirmed: true }
  });
  expect(report.package.hash).toBe(report.firmwareAfter.hash);
  const checks = Object.fromEntries(report.checks.map((c: { id: string; status: string }) => [c.id, c.status]));
  for (const id of ['package', 'compatibility', 'anti-rollback', 'interface', 'bank', 'link', 'soc', 'temperature', 'supply']) {
    expect(checks[id], id).toMatch(/pass|warn/);
  }
  expect(report.checklist.map((c: { confirmed: boolean }) => c.confirmed)).toEqual([true, true, true]);
  expect(report.bootLog.map((e: { phase: string }) => e.phase)).toEqual(expect.arrayContaining(['protections_off', 'firmware_loaded', 'protections_on']));

  // The printable view is the core's HTML rendering of the same report.
  const [printable] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Printable view' }).click()]);
  await expect(printable.locator('h1')).toContainText('BMS firmware update report VB2400001@');
  await printable.close();

  // Kept in the history (R27).
  await navigate(page, 'Reports');
  await expect(page.getByTestId('report').first()).toHaveAttribute('data-outcome', 'updated');

  // Issue 16: the Device page and the pre-flight header name what runs now, not what ran at connect.
  await navigate(page, 'Device');
  await expect(page.getByTestId('fw-version')).toHaveText('1.1.0+0');
  await expect(page.getByTestId('device-next')).toBeVisible();
  await navigate(page, 'Firmware');
  await openPreflight(page);
  await expect(page.getByText('firmware 1.1.0+0')).toBeVisible();
  // The image that now runs is refused before any write, and the site checklist is asked afresh.
  await expect(page.getByTestId('check-anti-rollback')).toHaveAttribute('data-status', 'fail', { timeout: 20_000 });
  await expect(page.getByTestId('check-anti-rollback')).toContainText('already runs');
  await expect(page.getByTestId('check-bank')).toContainText('slot 1 holds 1.0.0');
  for (const box of await page.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
  await expect(page.getByLabel('Operator name (for the report)')).toHaveValue('');
});
