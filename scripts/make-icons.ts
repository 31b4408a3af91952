/**
 * Renders the PWA icons (static/icons/*.png) from one SVG drawing with the Chromium the e2e tests use,
 * so no image tool is needed. Run after changing the drawing: `node --import tsx scripts/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const BRAND = '#0b5d3b';
/** Battery with a lightning bolt; `scale` shrinks it into the maskable safe zone (inner 80 % circle). */
const drawing = (scale: number, rounded: boolean) => `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">
  <rect width="64" height="64" rx="${rounded ? 12 : 0}" fill="${BRAND}"/>
  <g transform="translate(32 32) scale(${scale}) translate(-32 -32)">
    <rect x="16" y="16" width="32" height="40" rx="5" fill="white"/>
    <rect x="26" y="9" width="12" height="8" rx="2" fill="white"/>
    <path d="M35 21 24 38h8l-3 13 12-18h-8z" fill="#ffd23f" stroke="${BRAND}" stroke-width="1.2" stroke-linejoin="round"/>
  </g>
</svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, svg: drawing(1, true) },
  { file: 'icon-512.png', size: 512, svg: drawing(1, true) },
  { file: 'maskable-512.png', size: 512, svg: drawing(0.72, false) }
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu']
});
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(`<body style="margin:0;background:transparent">${icon.svg}</body>`);
    writeFileSync(`static/icons/${icon.file}`, await page.screenshot({ omitBackground: true }));
    await page.close();
  }
  writeFileSync('static/icons/icon.svg', drawing(1, true).trim() + '\n');
} finally {
  await browser.close();
}
