/** A browser without Web Serial / WebUSB (Firefox, Safari, phones): the Connect page says so and the Virtual BMS still works. */
import { expect, test } from '@playwright/test';

test('R12 without Web Serial and WebUSB the Connect page explains it and offers the Virtual BMS', async ({ page }) => {
  await page.addInitScript(() => {
    delete (Navigator.prototype as { serial?: unknown }).serial;
    delete (Navigator.prototype as { usb?: unknown }).usb;
  });
  await page.goto('/connect/');
  await page.getByRole('radio', { name: 'USB-serial adapter (RS485, CAN gateway)' }).check();
  await expect(page.getByTestId('no-web-serial')).toContainText('cannot open serial ports');
  await expect(page.getByRole('button', { name: 'Choose the port and connect' })).toHaveCount(0);
  await page.getByRole('radio', { name: 'USB device (native USB)' }).check();
  await expect(page.getByTestId('no-webusb')).toContainText('cannot open USB devices');

  await page.getByRole('button', { name: 'Try without hardware — Virtual BMS' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Device', { timeout: 15_000 });
  await expect(page.getByTestId('identity')).toContainText('VB2400001');
});
