// Renders assets/icon.svg to the PNG sizes the browsers and stores ask for
// (public/icon/16.png … 128.png), in Debian's Chromium through playwright-core,
// which the browser tests use already: no image library to add. The PNGs are
// committed; run this again only after changing the SVG.
//
//   npm run icons
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Toolbar (16, 32 at 2×), the extensions page (48) and the stores and install dialog (128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;

async function main(): Promise<void> {
  const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    mkdirSync(join(ROOT, 'public/icon'), { recursive: true });
    for (const size of ICON_SIZES) {
      // The SVG drawn at exactly the size wanted, so Chromium's own rasteriser does the anti-aliasing.
      const sized = svg.replace(/width="128" height="128"/, `width="${size}" height="${size}"`);
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      writeFileSync(join(ROOT, `public/icon/${size}.png`), png);
      console.log(`public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

await main();
