// scripts/snapshots-png.mjs — rasterises a release's SVG snapshots to PNG (2× pixels) with the
// Chromium the project already installs, for platforms that only take an uploaded image
// (Substack, Medium, email), and its share cards at their own size (1×: 1200 × 675 is what link
// previews ask for). Each PNG sits beside its SVG, with the same name.
//
// Usage: node scripts/snapshots-png.mjs RELEASE_DIR
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/snapshots-png.mjs RELEASE_DIR');
  process.exit(2);
}
const manifestPath = join(dir, 'snapshots/manifest.json');
const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: manifest.width, height: 600 } });
  const page = await context.newPage();
  for (const state of manifest.states) {
    await page.setViewportSize({ width: manifest.width, height: state.height });
    await page.goto(pathToFileURL(join(dir, state.svg)).href);
    const png = state.svg.replace(/\.svg$/, '.png');
    await page.screenshot({ path: join(dir, png), clip: { x: 0, y: 0, width: manifest.width, height: state.height } });
  }
  const cards = manifest.states.flatMap((s) => s.cards ?? []);
  const exact = await browser.newContext({ deviceScaleFactor: 1, viewport: { width: 1200, height: 675 } });
  const cardPage = await exact.newPage();
  for (const card of cards) {
    await cardPage.setViewportSize({ width: card.width, height: card.height });
    await cardPage.goto(pathToFileURL(join(dir, card.svg)).href);
    await cardPage.screenshot({ path: join(dir, card.svg.replace(/\.svg$/, '.png')), clip: { x: 0, y: 0, width: card.width, height: card.height } });
  }
  console.log(`release: ${cards.length} share cards as PNG (1x)`);
} finally {
  await browser.close();
}
console.log(`release: ${manifest.states.length} PNG snapshots (2x) for image-only platforms`);
