/**
 * Every page in French, walked as a technician would with the in-browser Virtual BMS: home, help, keys,
 * connect, device, firmware, pre-flight, update (its live log) and result, then backups and reports.
 * Each page's visible text is searched for English marker words.
 *
 * Why it can fail: a sentence still built in English by core or a component (the test names the page
 * and the words it found). What it cannot see: English that happens to avoid every marker, and names
 * the app shows as they are (device model, serial, hashes, error codes, file names, the link's name) —
 * those are removed before the search (code, time and data-testid="error-code" elements, and words
 * joined by "_" or "-", which are identifiers), and what is not rendered: the full report under the
 * closed "Rapport complet" (laid out in French too, but quoting the device's own boot-log and self-test
 * words as they are).
 */
import { expect, test, type Page } from '@playwright/test';
import { UPDATE_TIMEOUT_MS } from './helpers/update-flow';

test.setTimeout(150_000);

/** Common English words that no French sentence of this app contains. */
const ENGLISH_MARKERS = [
  'the', 'and', 'with', 'is', 'not', 'of', 'to', 'from', 'update', 'device', 'bytes', 'running', 'confirmed',
  'passed', 'measured', 'limit', 'wired', 'wireless', 'slot', 'reading', 'answers', 'settings', 'backup', 'check',
  'sent', 'waiting', 'granted', 'resetting', 'saved', 'which', 'unplug'
];

async function englishOn(page: Page): Promise<string[]> {
  // innerText of the live page: only what is rendered (a closed <details> is not), minus quoted names
  const visible = await page.locator('main').evaluate((main: HTMLElement) => {
    let text = main.innerText;
    for (const el of main.querySelectorAll<HTMLElement>('code, time, kbd, samp, [data-testid="error-code"]')) {
      if (el.innerText) text = text.replace(el.innerText, ' ');
    }
    return text;
  });
  const words = visible
    .split(/[^\p{L}_-]+/u)
    .filter((w) => !/[_-]/.test(w))
    .map((w) => w.toLowerCase());
  return [...new Set(words.filter((w) => ENGLISH_MARKERS.includes(w)))];
}

async function expectFrench(page: Page, where: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  expect(await englishOn(page), `English words on ${where}`).toEqual([]);
}

async function go(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
}

test('R21 every page reads in French after a full update of the Virtual BMS, the log and the result included', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('bms-flasher.lang', 'fr'));
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Micrologiciel' })).toBeVisible();
  await expectFrench(page, 'home');
  await go(page, 'Aide', 'Aide');
  await expectFrench(page, 'help');
  await go(page, 'Clés', 'Clés de confiance');
  await expectFrench(page, 'keys');

  await go(page, 'Connexion', 'Connexion');
  await expectFrench(page, 'connect');
  await page.getByRole('button', { name: 'Essayer sans matériel — BMS virtuel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Appareil', { timeout: 20_000 });
  await expect(page.getByText('VB2400001').first()).toBeVisible();
  await expectFrench(page, 'device');

  await go(page, 'Micrologiciel', 'Micrologiciel');
  const entry = page.locator('[data-testid="catalog-entry"][data-id="vbms-1.1.0"]');
  await entry.getByRole('button', { name: 'Utiliser pour la mise à jour' }).click();
  await expect(entry.getByRole('button', { name: 'Choisie ✔' })).toBeVisible();
  await expectFrench(page, 'firmware');

  await page.getByRole('link', { name: 'Continuer vers les vérifications préalables' }).click();
  await expect(page.getByTestId('check-supply')).toBeVisible({ timeout: 20_000 });
  await expectFrench(page, 'pre-flight');
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByLabel('Nom de l’opérateur (pour le rapport)').fill('A. Technicienne');
  await page.getByTestId('start-update').click();
  await expect(page.getByTestId('log')).toContainText('envoi de', { timeout: 30_000 });
  await page.getByTestId('to-result').waitFor({ timeout: UPDATE_TIMEOUT_MS });
  await expectFrench(page, 'update (log)');
  await page.getByTestId('to-result').click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'updated');
  await expectFrench(page, 'result');

  await go(page, 'Sauvegardes', 'Sauvegardes');
  await expectFrench(page, 'backups');
  await go(page, 'Rapports', 'Rapports');
  await expectFrench(page, 'reports');
});
