import { createRequire } from 'node:module';
import { pickFirmware } from './helpers/firmware-page';
import { expect, test, type Page } from '@playwright/test';
import { fixtureFile, tamperedFile } from './helpers/images';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

declare global {
  interface Window {
    axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> };
  }
}

async function violations(page: Page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test.use({ viewport: { width: 360, height: 740 } });

for (const path of ['/', '/firmware/', '/keys/', '/help/']) {
  test(`${path} has no WCAG A/AA violations and no sideways scrolling on a 360 px phone`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
}

test('verdicts and error details are accessible on a phone', async ({ page }) => {
  await page.goto('/firmware/');
  await pickFirmware(page, fixtureFile('app-ed25519-v1.2.3+4-sc5.bin'));
  await expect(page.getByTestId('verdict')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await pickFirmware(page, tamperedFile());
  await expect(page.getByTestId('error-code')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
