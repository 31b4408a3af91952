import { expect, type Page } from '@playwright/test';
import type { FilePayload } from './images';

/** Picks a firmware file on the Firmware page once the app has started (the picker is disabled before). */
export async function pickFirmware(page: Page, payload: FilePayload | string): Promise<void> {
  const input = page.getByLabel('Firmware image file');
  await expect(input).toBeEnabled();
  await input.setInputFiles(payload);
}
