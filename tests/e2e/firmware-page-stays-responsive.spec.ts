import { pickFirmware } from './helpers/firmware-page';
import { expect, test, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { signedImage } from './helpers/images';

declare global {
  interface Window {
    frameTimes: number[];
    pageThreadSha256: (bytes: Uint8Array) => Uint8Array;
  }
}

const SIZE = 4 * 1024 * 1024;

/** The app's fallback SHA-256 (@noble/hashes), bundled for the page: the control runs it on the page's thread. */
const nobleOnPage = buildSync({
  stdin: { contents: "import { sha256 } from '@noble/hashes/sha2.js'; window.pageThreadSha256 = sha256;", resolveDir: process.cwd() },
  bundle: true,
  write: false,
  format: 'iife'
}).outputFiles[0].text;

/** Longest pause between animation frames in [from, to], edges included. */
async function longestGap(page: Page, from: number, to: number): Promise<{ frames: number; longest: number }> {
  const frames = await page.evaluate(([a, b]) => window.frameTimes.filter((t) => t >= a && t <= b), [from, to]);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  const longest = Math.max(...gaps, (frames[0] ?? to) - from, to - (frames.at(-1) ?? from));
  return { frames: frames.length, longest };
}

/**
 * R16, measured as comparisons inside one run so that a busy machine cannot fail it: a fixed bound
 * (100 ms) failed at 217 ms when other processes took the cores. The verification in the worker must
 * leave the page animating (its longest frame gap under half the verification's own duration), where
 * the same SHA-256 of the same size on the page's thread freezes the page for the whole hash.
 */
test('R16 the page keeps animating while a 4 MiB image is hashed and verified in the worker, unlike the same hash on the page thread', async ({ page }) => {
  // Count animation frames for the whole visit: a blocked main thread shows up as a long gap.
  await page.addInitScript(() => {
    window.frameTimes = [];
    const tick = (time: number) => {
      window.frameTimes.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.addInitScript(nobleOnPage);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/firmware/');
  // From a file on disk: a 4 MiB in-memory payload would be decoded on the page's thread by the
  // test harness itself and show up as a pause that is not the app's.
  const image = test.info().outputPath('bms-16s-4mib.bin');
  writeFileSync(image, signedImage(SIZE));

  const start = await page.evaluate(() => performance.now());
  await pickFirmware(page, image);
  await expect(page.getByTestId('verdict').getByRole('heading')).toHaveText(/Trusted/, { timeout: 30_000 });
  const end = await page.evaluate(() => performance.now());
  const worker = await longestGap(page, start, end);

  // Control, same page, same minute: the same amount of hashing on the page's own thread, in one task.
  const control = await page.evaluate(async (size) => {
    const bytes = new Uint8Array(size).fill(0x5a);
    const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const from = await nextFrame();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const hashStart = performance.now();
    window.pageThreadSha256(bytes);
    const hashMs = performance.now() - hashStart;
    await nextFrame();
    return { from, to: performance.now(), hashMs };
  }, SIZE);
  const main = await longestGap(page, control.from, control.to);

  const verifyMs = end - start;
  const timing =
    `worker: ${worker.frames} frames in ${verifyMs.toFixed(0)} ms, longest gap ${worker.longest.toFixed(0)} ms; ` +
    `page thread: hash ${control.hashMs.toFixed(0)} ms, longest gap ${main.longest.toFixed(0)} ms`;
  test.info().annotations.push({ type: 'timing', description: timing });
  console.log(timing);
  expect(workers.some((url) => url.includes('image-worker')), `workers: ${workers.join(', ')}`).toBe(true);
  // The measurement sees a frozen page: on the page thread the gap spans the whole hash (a frame's
  // timestamp is its vsync, which may precede the moment the thread got free: hence 0.8).
  expect(main.longest).toBeGreaterThanOrEqual(0.8 * control.hashMs);
  // In the worker the page keeps painting through the verification: no pause near its whole length,
  // however slow a busy machine makes both (measured at load 11 on 2 cores: 133 ms in 1513 ms).
  expect(worker.frames).toBeGreaterThan(2);
  expect(worker.longest).toBeLessThan(verifyMs / 2);
  await expect(page.getByTestId('firmware.size')).toHaveText(/4,194,304 bytes/);
});
