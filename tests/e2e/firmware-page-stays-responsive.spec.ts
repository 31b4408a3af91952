import { pickFirmware } from './helpers/firmware-page';
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { signedImage } from './helpers/images';

declare global {
  interface Window {
    frameTimes: number[];
  }
}

test('R16 the page keeps animating while a 4 MiB image is hashed and verified in the worker', async ({ page }) => {
  // Count animation frames for the whole visit: a blocked main thread shows up as a long gap.
  await page.addInitScript(() => {
    window.frameTimes = [];
    const tick = (time: number) => {
      window.frameTimes.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/firmware/');
  // From a file on disk: a 4 MiB in-memory payload would be decoded on the page's thread by the
  // test harness itself and show up as a pause that is not the app's.
  const image = test.info().outputPath('bms-16s-4mib.bin');
  writeFileSync(image, signedImage(4 * 1024 * 1024));

  const start = await page.evaluate(() => performance.now());
  await pickFirmware(page, image);
  await expect(page.getByTestId('verdict').getByRole('heading')).toHaveText(/Trusted/, { timeout: 30_000 });
  const end = await page.evaluate(() => performance.now());

  const frames = await page.evaluate(([from, to]) => window.frameTimes.filter((t) => t >= from && t <= to), [start, end]);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  const longest = Math.max(...gaps, frames.length > 0 ? frames[0] - start : end - start, end - (frames.at(-1) ?? start));
  test.info().annotations.push({
    type: 'timing',
    description: `${frames.length} frames in ${(end - start).toFixed(0)} ms, longest gap ${longest.toFixed(0)} ms`
  });
  expect(workers.some((url) => url.includes('image-worker')), `workers: ${workers.join(', ')}`).toBe(true);
  expect(frames.length).toBeGreaterThan(1);
  // 100 ms is where a pause becomes noticeable (RAIL); at 60 Hz a frame is 17 ms.
  expect(longest).toBeLessThan(100);
  await expect(page.getByTestId('firmware.size')).toHaveText(/4,194,304 bytes/);
});
