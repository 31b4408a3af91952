/**
 * The virtual BMS behind navigator.serial in a Playwright page: `await installVirtualSerialPage(page)`
 * before page.goto(). The page script is bundled from our sources with esbuild (tsx's own bundler,
 * already installed), so no test-only route ships with the app.
 */
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

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

export async function installVirtualSerialPage(page: Page): Promise<void> {
  await page.addInitScript({ content: await bundle() });
}
