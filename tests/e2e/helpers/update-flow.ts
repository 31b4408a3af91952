/**
 * The update flow as a technician clicks through it with the in-browser Virtual BMS: Connect, choose a
 * catalog image on the Firmware page, pass the pre-flight, run the update, read the result. Each step
 * waits on what the user sees, never on timers.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export const OPERATOR = 'A. Technician';
/** Transfer, test boot, self-test and the 3 s balancing test of the virtual BMS in real time, with margin. */
export const UPDATE_TIMEOUT_MS = 90_000;

/**
 * Connects the in-browser Virtual BMS from the Connect page. Its line is paced at the baud rate by
 * default, as a cable is; `unpaced` ticks the panel's option first, for scenarios about the procedure
 * rather than line time (an update then takes a fraction of a second instead of a few).
 */
export async function connectVirtualBms(page: Page, { unpaced = false } = {}): Promise<void> {
  await page.goto('/connect/');
  if (unpaced) {
    const panel = await openVirtualBmsPanel(page);
    await panel.getByRole('checkbox', { name: /Unpaced line/ }).check();
    await applyKnobs(panel);
  }
  const button = page.getByRole('button', { name: 'Try without hardware — Virtual BMS' });
  await expect(button).toBeEnabled();
  await button.click();
  // The Connect page moves on to the Device page once the board answered.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Device', { timeout: 20_000 });
  await expect(page.getByText('VB2400001').first()).toBeVisible();
}

/** The Virtual BMS fault panel on the Connect page, open and filled from the board. */
export async function openVirtualBmsPanel(page: Page): Promise<Locator> {
  const panel = page.locator('details', { hasText: 'Virtual BMS fault panel' });
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  // The form fills from the board's status once loaded: typing before would be overwritten.
  await expect(panel.getByTestId('vbms-board')).toBeVisible();
  return panel;
}

async function applyKnobs(panel: Locator): Promise<void> {
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(panel.getByRole('status')).toHaveText('Applied.');
}

/**
 * Moves through the main navigation. A page.goto() would reload the app, and a reload ends the
 * device session (its worker restarts), as it would for a user.
 */
export async function navigate(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

/**
 * Sets knobs of the Virtual BMS fault panel (Connect page), by their labels; reached through the
 * navigation so a running update goes on meanwhile.
 */
export async function setVirtualBmsKnobs(page: Page, fields: Record<string, string>): Promise<void> {
  await navigate(page, 'Connect');
  const panel = await openVirtualBmsPanel(page);
  for (const [label, value] of Object.entries(fields)) await panel.getByLabel(label).fill(value);
  await applyKnobs(panel);
  for (const [label, value] of Object.entries(fields)) await expect(panel.getByLabel(label)).toHaveValue(value);
}

/**
 * On the Firmware page: downloads, verifies and chooses one catalog image. An image with a warning
 * (settings reset, newer bootloader needed) takes the second click it asks for.
 */
export async function chooseCatalogImage(page: Page, id: string): Promise<void> {
  await navigate(page, 'Firmware');
  const entry = page.locator(`[data-testid="catalog-entry"][data-id="${id}"]`);
  await entry.getByRole('button', { name: 'Use for the update' }).click();
  if ((await entry.getByTestId('caveat').count()) > 0) await entry.getByRole('button', { name: 'Use it anyway' }).click();
  await expect(entry.getByRole('button', { name: 'Chosen ✔' })).toBeVisible();
}

/** From the Firmware page to the measured pre-flight, with the checklist confirmed. */
export async function openPreflight(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Continue to the pre-flight checks' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pre-flight checks');
  await expect(page.getByTestId('check-supply')).toBeVisible({ timeout: 20_000 });
}

export async function confirmChecklist(page: Page, operator = OPERATOR): Promise<void> {
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByLabel('Operator name (for the report)').fill(operator);
}

/**
 * Starts the update from the pre-flight and waits until it finished, its verdict shown on the Update
 * page where the work ended; `onVerdict` looks at it there. Leaves the page on the Result page.
 */
export async function runUpdateToResult(page: Page, onUpdatePage?: (page: Page) => Promise<void>, onVerdict?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId('start-update').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Update');
  await onUpdatePage?.(page);
  await expect(page.getByTestId('update-verdict')).toBeVisible({ timeout: UPDATE_TIMEOUT_MS });
  await onVerdict?.(page);
  await page.getByTestId('to-result').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Result');
}

/**
 * Connects the Virtual BMS, sets fault-panel knobs if given, chooses a catalog image and confirms the
 * checklist; ends on the pre-flight page, ready to start.
 */
export async function prepareUpdate(page: Page, imageId: string, knobs?: Record<string, string>): Promise<void> {
  // These scenarios are about the procedure: the unpaced line keeps them fast (one spec checks pacing).
  await connectVirtualBms(page, { unpaced: true });
  if (knobs) await setVirtualBmsKnobs(page, knobs);
  await chooseCatalogImage(page, imageId);
  await openPreflight(page);
  await confirmChecklist(page);
}

/** Updates the Virtual BMS to a catalog image with no stop on the way; ends on the Result page. */
export async function updateVirtualBms(page: Page, imageId: string): Promise<void> {
  await prepareUpdate(page, imageId);
  await runUpdateToResult(page);
}

export async function downloadedText(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}

/**
 * README screenshots (docs/screenshots), taken by the scenarios on their way when SCREENSHOTS=1, so an
 * ordinary test run leaves the working tree clean.
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage, animations: 'disabled' });
}
