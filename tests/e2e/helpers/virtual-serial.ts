/**
 * The virtual BMS behind navigator.serial in a Playwright page: `await installVirtualSerialPage(page)`
 * before page.goto(). The page script is bundled from our sources with esbuild (tsx's own bundler,
 * already installed), so no test-only route ships with the app.
 */
import { expect, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { BmsTest } from './virtual-serial-page';

let script: Promise<string> | undefined;

function bundle(): Promise<string> {
  script ??= build({
    entryPoints: [fileURLToPath(new URL('./virtual-serial-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false
  }).then((result) => result.outputFiles[0].text);
  return script;
}

/** Puts a stock MCUboot + mcumgr device (Zephyr smp_svr) behind the port; call before installVirtualSerialPage. */
export async function useStockMcumgr(page: Page, options: { swap: boolean }): Promise<void> {
  await page.addInitScript((stock) => ((globalThis as unknown as { bmsTestStock: typeof stock }).bmsTestStock = stock), options);
}

export async function installVirtualSerialPage(page: Page): Promise<void> {
  await page.addInitScript({ content: await bundle() });
}

/**
 * Connects the app to the virtual BMS through the Web Serial stand-in, as a technician connects a
 * USB-serial adapter: to the app this is a real port. Call after installVirtualSerialPage.
 */
export async function connectOverWebSerial(page: Page): Promise<void> {
  await page.goto('/connect/');
  await page.waitForFunction(() => (globalThis as unknown as { bmsTest: BmsTest }).bmsTest.virtual.bms.status === 'app');
  await page.getByRole('radio', { name: 'USB-serial adapter (RS485, CAN gateway)' }).check();
  await page.getByRole('button', { name: 'Choose the port and connect' }).click();
  await expect(page.getByTestId('connection')).toContainText('CP2102 (10c4:ea60) @ 115200', { timeout: 15_000 });
}
