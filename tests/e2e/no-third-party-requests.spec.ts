import { expect, test } from '@playwright/test';
import { pickFirmware } from './helpers/firmware-page';
import { IMGTOOL_SIGNED, fixtureFile } from './helpers/images';

const PAGES = ['/', '/connect/', '/device/', '/firmware/', '/backups/', '/reports/', '/keys/', '/help/', '/preflight/', '/update/', '/result/'];

test('R27 every page, its workers and the service worker request nothing outside the app\'s own origin', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  // The context sees the page's, the workers' and the service worker's requests alike.
  context.on('request', (request) => requests.push(request.url()));
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.goto('/firmware/');
  await pickFirmware(page, fixtureFile(IMGTOOL_SIGNED));
  await expect(page.getByTestId('verdict').getByRole('heading')).toHaveText(/Trusted/);
  const outside = requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
  expect(outside).toEqual([]);
  expect(requests.length).toBeGreaterThan(PAGES.length);
});

test('R27 the Content Security Policy is set without unsafe-inline scripts, and an injected script does not run', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(policy).toMatch(/default-src 'self'/);
  expect(policy).toMatch(/connect-src 'self'/);
  const scriptSrc = /script-src ([^;]*)/.exec(policy ?? '')?.[1] ?? '';
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc).not.toContain('unsafe-inline');
  const violations: string[] = [];
  page.on('console', (message) => message.type() === 'error' && violations.push(message.text()));
  // What an injected <script> (a cross-site scripting hole) would try: it must be refused by the policy.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
  });
  expect(await page.evaluate(() => (window as Window & { injected?: boolean }).injected)).toBeUndefined();
  // The app itself still runs: a page change is SvelteKit's own script at work.
  await page.getByRole('link', { name: 'Help', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Help|Aide/);
});
