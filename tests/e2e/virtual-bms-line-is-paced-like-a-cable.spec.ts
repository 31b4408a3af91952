/**
 * The in-browser Virtual BMS carries bytes at the chosen baud rate by default, as a cable does, so the
 * transfer rate and time left on the Update page are what a technician will see on hardware; "unpaced"
 * is a visible option of the Virtual BMS panel, off by default.
 */
import { expect, test } from '@playwright/test';
import { chooseCatalogImage, confirmChecklist, connectVirtualBms, openPreflight, openVirtualBmsPanel } from './helpers/update-flow';

/** 115200 baud, 8N1: 10 bits a byte on the line. */
const LINE_BYTES_PER_SECOND = 115200 / 10;

test('R16 by default the Virtual BMS line is paced: the rate shown is below 115200 baud’s 11,520 bytes/s, and near it', async ({ page }) => {
  await page.goto('/connect/');
  const panel = await openVirtualBmsPanel(page);
  await expect(panel.getByRole('checkbox', { name: /Unpaced line/ })).not.toBeChecked();
  await connectVirtualBms(page);

  await chooseCatalogImage(page, 'vbms-1.1.0');
  await openPreflight(page);
  await confirmChecklist(page);
  await page.getByTestId('start-update').click();
  const numbers = page.getByTestId('transfer-numbers');
  // "42.1 % · 6,912 bytes (6.8 KiB) of … · 7,434 bytes (7.3 KiB)/s · 2 s left": read once a third is sent.
  const reading = async () => {
    const text = (await numbers.textContent({ timeout: 30_000 })) ?? '';
    const percent = Number(/^\s*([\d.]+)\s*%/.exec(text)?.[1] ?? 0);
    const rate = Number((/([\d,]+) bytes(?: \([^)]*\))?\/s/.exec(text)?.[1] ?? '0').replace(/,/g, ''));
    return { percent, rate, eta: /(\d+ s|\d+ min[^·]*) left/.test(text) };
  };
  await expect.poll(async () => (await reading()).percent, { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
  const { rate, eta } = await reading();
  expect(eta).toBe(true);
  // SMP's base64 framing and acknowledgements take their share of the line: at most the line's byte
  // rate, at least 40 % of it. Unpaced, the same transfer shows ~70 KiB/s.
  expect(rate).toBeLessThanOrEqual(LINE_BYTES_PER_SECOND);
  expect(rate).toBeGreaterThan(0.4 * LINE_BYTES_PER_SECOND);
  await page.getByTestId('to-result').click({ timeout: 90_000 });
});
