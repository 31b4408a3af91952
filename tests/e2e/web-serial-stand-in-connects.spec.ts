/**
 * The Connect page over Web Serial, with navigator.serial replaced by the stand-in (helpers/virtual-serial):
 * the app's own chooser, port opening, bridge to the session worker and link test.
 */
import { expect, test } from '@playwright/test';
import type { BmsTest } from './helpers/virtual-serial-page';
import { installVirtualSerialPage } from './helpers/virtual-serial';

declare const bmsTest: BmsTest;

test.beforeEach(async ({ page }) => {
  await installVirtualSerialPage(page);
  await page.goto('/connect/');
  await page.waitForFunction(() => bmsTest.virtual.bms.status === 'app');
});

test('R06 R12 a Web Serial port connects, passes the link test and is reopened later without the chooser', async ({ page }) => {
  await page.getByRole('radio', { name: 'USB-serial adapter (RS485, CAN gateway)' }).check();
  await page.getByRole('button', { name: 'Choose the port and connect' }).click();
  const connection = page.getByTestId('connection');
  await expect(connection).toContainText('Connected to VBMS-16S, serial VB2400001', { timeout: 15_000 });
  await expect(connection).toContainText('CP2102 (10c4:ea60) @ 115200');

  await page.getByRole('button', { name: 'Test the link' }).click();
  await expect(page.getByTestId('link-test')).toContainText('Link test: Pass');

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(connection).toHaveCount(0);
  // Back on the page later: the granted port is offered again through getPorts(), no chooser.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Device', exact: true }).click();
  await nav.getByRole('link', { name: 'Connect', exact: true }).click();
  await page.evaluate(() => (bmsTest.virtual.serial.nextChoice = 'cancel'));
  await page.getByRole('button', { name: /Reconnect to the last port \(CP2102/ }).click();
  await expect(connection).toContainText('Connected to VBMS-16S', { timeout: 15_000 });
});

test('a closed port chooser shows help and the "all ports" way, not an error', async ({ page }) => {
  await page.evaluate(() => (bmsTest.virtual.serial.nextChoice = 'cancel'));
  await page.getByRole('radio', { name: 'USB-serial adapter (RS485, CAN gateway)' }).check();
  await page.getByRole('button', { name: 'Choose the port and connect' }).click();
  const help = page.getByTestId('picker-cancelled');
  await expect(help).toContainText('The port chooser was closed');
  await expect(help).toContainText('Show all ports');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.evaluate(() => (bmsTest.virtual.serial.nextChoice = 'first-match'));
  await help.getByRole('button', { name: 'Show all ports' }).click();
  await expect(page.getByTestId('connection')).toContainText('Connected to VBMS-16S', { timeout: 15_000 });
  expect(await page.evaluate(() => bmsTest.virtual.serial.lastFilters)).toBeUndefined();
});
