import { expect, test } from '@playwright/test';
import { startDeploymentProxy, type DeploymentProxy } from './helpers/deployment-proxy';

let proxy: DeploymentProxy;
test.beforeEach(async ({ baseURL }) => {
  proxy = await startDeploymentProxy(baseURL!);
});
test.afterEach(async () => {
  await proxy.close();
});

test('a new app version waits for the user: "update available — Reload" switches to it', async ({ page }) => {
  await page.goto(`${proxy.origin}/`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload(); // from now on the installed worker controls the page
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const prompt = page.getByText('A new version of the app is available.');
  await expect(prompt).toHaveCount(0);

  proxy.deployNewVersion();
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  await expect(prompt).toBeVisible();
  // Nothing switches behind the user's back: the old worker still controls the page.
  const waiting = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state));
  expect(waiting).toBe('installed');

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('BMS Flasher');
  await expect(prompt).toHaveCount(0);
  const after = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: registration?.waiting ?? null, active: registration?.active?.state };
  });
  expect(after).toEqual({ waiting: null, active: 'activated' });
});
