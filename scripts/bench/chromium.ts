/**
 * SHA-256 inside the app's image worker in headless Chromium, read from the Help page's measurement.
 * Needs a build (`npm run build`); serves it with `vite preview` on a spare port for the run.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { MIB, type BenchModule, type BenchRow } from './bench-types';

const PORT = Number(process.env.BENCH_PORT ?? 4198);
const URL_BASE = `http://127.0.0.1:${PORT}`;
let browserVersion = '';

export const chromiumBench: BenchModule = {
  name: 'chromium',
  baseline: 'noble',
  describe: () =>
    `SHA-256 in the app's module worker, headless Chromium ${browserVersion || '(/usr/bin/chromium)'}: ` +
    `"noble" = @noble/hashes streamed, "webcrypto" = the browser's crypto.subtle.digest`,
  async run() {
    if (!existsSync('build/help/index.html')) throw new Error('no build/: run `npm run build` first');
    const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
      stdio: 'ignore',
      detached: true
    });
    try {
      await waitForServer();
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu']
      });
      browserVersion = browser.version();
      try {
        const page = await browser.newPage();
        await page.goto(`${URL_BASE}/help/`);
        await page.getByRole('button', { name: 'Measure' }).click();
        const rows = page.locator('[data-testid="hash-speed"] tbody tr');
        await rows.first().waitFor({ timeout: 120_000 });
        const raw = await rows.evaluateAll((trs) =>
          trs.map((tr) => ({ method: tr.dataset.method!, bytes: Number(tr.dataset.bytes), ms: Number(tr.dataset.ms) }))
        );
        return raw.map((r): BenchRow => ({ case: `sha256 ${r.bytes / MIB} MiB (worker)`, ...r }));
      } finally {
        await browser.close();
      }
    } finally {
      // npx starts vite in a child process: end the whole group we started.
      process.kill(-server.pid!, 'SIGTERM');
    }
  }
};

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(URL_BASE)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer on ${URL_BASE}`);
}
