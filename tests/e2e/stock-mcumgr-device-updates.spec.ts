/**
 * A stock MCUboot + mcumgr device (Zephyr smp_svr: no battery readings, no authentication) behind the
 * Web Serial stand-in in Chromium: the app detects its family and says what it can and cannot check,
 * the pre-flight asks the operator's readings and the unauthenticated acknowledgement, and the update
 * ends updated and proven; without a swapping bootloader it ends with the old version running and no
 * rollback claimed.
 */
import { expect, test, type Page } from '@playwright/test';
import type { BmsTest } from './helpers/virtual-serial-page';
import { connectOverWebSerial, installVirtualSerialPage, useStockMcumgr } from './helpers/virtual-serial';
import { chooseCatalogImage, navigate, OPERATOR, UPDATE_TIMEOUT_MS } from './helpers/update-flow';

declare const bmsTest: BmsTest;

async function toPreflight(page: Page, swap: boolean) {
  await useStockMcumgr(page, { swap });
  await installVirtualSerialPage(page);
  await connectOverWebSerial(page);
  await navigate(page, 'Device');
  const family = page.getByTestId('family');
  await expect(family).toContainText('Stock MCUboot + mcumgr device');
  await expect(page.getByTestId('family-cannot')).toContainText('measure the pack: you enter the state of charge and temperature read on site');
  await expect(page.getByTestId('family-cannot')).toContainText('prove who writes');
  await expect(page.getByTestId('no-telemetry')).toBeVisible();
  // The catalog is signed with the published test key: a real port (the stand-in) takes it only with the developer setting.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Keys', exact: true }).click();
  await page.getByRole('checkbox', { name: /Developer setting/ }).check();
  await chooseCatalogImage(page, 'vbms-1.1.0');
  await page.getByRole('link', { name: 'Continue to the pre-flight checks' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pre-flight checks');
  await expect(page.getByTestId('operator-readings')).toBeVisible();
  // The acknowledgement is an unticked line of the checklist, saying what it means.
  const acknowledgement = page.getByTestId('checklist-no-authentication');
  await expect(acknowledgement).toContainText('no authenticated maintenance session');
  await expect(acknowledgement.getByRole('checkbox')).not.toBeChecked();
}

async function enterReadingsAndAcknowledge(page: Page, soc: string, temp: string) {
  await page.getByTestId('operator-soc').fill(soc);
  await page.getByTestId('operator-temp').fill(temp);
  await page.getByTestId('operator-temp').blur();
  await page.getByRole('button', { name: 'Measure again' }).click();
  await expect(page.getByTestId('check-soc')).toContainText(`${soc}.0 % (entered by the operator)`, { timeout: 20_000 });
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByLabel('Operator name (for the report)').fill(OPERATOR);
}

test('R01 R02 R12 R14 a stock mcumgr device is detected and updated with the operator readings, proven by read-back', async ({ page }) => {
  await toPreflight(page, true);
  await expect(page.getByTestId('bootloader-notice')).toContainText('not known to check signatures');
  // Readings outside the limits block the update exactly as measured ones would.
  await enterReadingsAndAcknowledge(page, '12', '21');
  await expect(page.getByTestId('check-soc')).toContainText('below the allowed band');
  await expect(page.getByTestId('start-update')).toBeDisabled();
  await enterReadingsAndAcknowledge(page, '55', '21');
  await expect(page.getByTestId('start-update')).toBeEnabled({ timeout: 20_000 });
  await page.getByTestId('start-update').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Update');
  await expect(page.getByTestId('bootloader-notice')).toBeVisible();
  await expect(page.getByTestId('update-verdict')).toContainText('1.1.0', { timeout: UPDATE_TIMEOUT_MS });
  expect(await page.evaluate(() => bmsTest.virtual.bms.snapshot().slots[0]?.version)).toBe('1.1.0+0');
  expect(await page.evaluate(() => bmsTest.virtual.bms.snapshot().confirmed)).toBe(true);
});

test('R19 without a swapping bootloader the old version still runs and no rollback is claimed', async ({ page }) => {
  await toPreflight(page, false);
  await expect(page.getByTestId('bootloader-notice')).toContainText('no fallback bank');
  await enterReadingsAndAcknowledge(page, '55', '21');
  await expect(page.getByTestId('start-update')).toBeEnabled({ timeout: 20_000 });
  await page.getByTestId('start-update').click();
  const verdict = page.getByTestId('update-verdict');
  await expect(verdict).toBeVisible({ timeout: UPDATE_TIMEOUT_MS });
  await expect(verdict).not.toContainText(/rolled back|fallback proven/i);
  expect(await page.evaluate(() => bmsTest.virtual.bms.snapshot().slots[0]?.version)).toBe('1.0.0+0');
});
