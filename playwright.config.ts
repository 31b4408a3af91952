import { defineConfig } from '@playwright/test';

const port = Number(process.env.PW_PORT ?? 4173);

// Debian's Chromium: `npx playwright install` cannot download browsers on our machines.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  // Waits, not assertions: a loaded 2-core CI machine runs the Virtual BMS and the build side by side.
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    }
  },
  webServer: {
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    timeout: 180_000,
    reuseExistingServer: false
  }
});
