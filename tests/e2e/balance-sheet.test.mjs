// tests/e2e/balance-sheet.test.mjs — model version 3's balance-sheet premium as a reader sees it:
// an author's story that lets reserves sit above the ample threshold (the built-in story with the
// shortfall's minimum at -300) shows a calm turn at -100 ($bn above ample) and the as-of turn
// spike at +150, in the widget's headline (scenariochange) and on the plumbing panel; screenshots
// of the panel at 360 px light and 1280 px dark go to target/screenshots/balance-sheet-*.png.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { pollUntil, SCREENSHOTS, setup } from './harness.mjs';

const STORY = new URL('../../src/scenario/default.json', import.meta.url);

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Abundant reserves</title>
<link rel="icon" href="data:,">
<script type="module" src="tapecast.js"></script>
</head>
<body>
<tape-cast id="story" src="abundant.json" loading="eager"></tape-cast>
</body>
</html>
`;

describe('the balance-sheet premium fades with abundant reserves and bites when they are scarce', () => {
  let env;
  let scenario;
  before(async () => {
    env = await setup();
    const story = JSON.parse(await readFile(STORY, 'utf8'));
    story.inputs.shortfall.min = -300;
    scenario = JSON.stringify(story);
  });
  after(() => env?.teardown());

  /** The page with the author's story, at the given width and colour scheme, ready. */
  async function open({ width, colorScheme }) {
    const page = await env.newPage({ width, height: 1100, colorScheme });
    await page.route(`${env.url}abundant.html`, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }));
    await page.route(`${env.url}abundant.json`, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: scenario }));
    await page.addInitScript(() => {
      document.addEventListener('scenariochange', (e) => { window.__headline = e.detail; });
    });
    await page.goto(`${env.url}abundant.html`);
    await pollUntil(() => page.evaluate(() => !!document.querySelector('tape-cast[data-ready]')), Boolean, { timeout: 20_000, what: 'widget ready' });
    // On a phone the other charts are one tap away.
    const more = page.locator('tape-cast').locator('.more-toggle');
    if (await more.isVisible()) await more.click();
    await pollUntil(() => page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('canvas[part="plumbing"]').width), (w) => w > 0, { what: 'the plumbing panel drawn' });
    return page;
  }

  /** Sets the shortfall and returns the headline the widget announces for it. */
  async function at(page, shortfall) {
    await page.evaluate((s) => { window.__headline = null; document.querySelector('tape-cast').value = { shortfall: s }; }, shortfall);
    const h = await pollUntil(() => page.evaluate(() => window.__headline), (d) => d?.inputs?.shortfall === shortfall, { timeout: 10_000, what: `headline at ${shortfall}` });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
    return h;
  }

  /** The plumbing panel as the reader sees it. */
  async function shoot(page, name) {
    const canvas = page.locator('tape-cast').locator('canvas[part="plumbing"]');
    await canvas.scrollIntoViewIfNeeded();
    await canvas.screenshot({ path: `${SCREENSHOTS}balance-sheet-${name}.png` });
  }

  test('at 360 px, light: calm at $100 bn above ample, the as-of spike at $150 bn short', async () => {
    const page = await open({ width: 360, colorScheme: 'light' });
    const notes = await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('.notes')?.textContent ?? '');
    assert.equal(notes.trim(), '', 'the author story loads without a note');

    const calm = await at(page, -100);
    const { spread_peak: spread, srf_peak: srf } = calm.headline;
    assert.ok(spread.p95 <= 0, `the peak's 95th percentile within 5 bp of the ample -5 bp: ${JSON.stringify(spread)}`);
    assert.ok(srf.p50 <= 5 && srf.p95 <= 10, `the SRF nearly idle: ${JSON.stringify(srf)}`);
    assert.ok(spread.p95 > spread.p5, 'still a distribution, not one number on every path');
    await shoot(page, 'minus100-360-light');

    const abundant = await at(page, -200);
    assert.equal(abundant.headline.spread_peak.p95, -5, 'with $200 bn to spare, the ample spread everywhere');
    assert.equal(abundant.headline.srf_peak.p95, 0);

    const asOf = await at(page, 150);
    assert.ok(Math.abs(asOf.headline.spread_peak.p50 - 32.3) < 0.5, JSON.stringify(asOf.headline.spread_peak));
    assert.equal(asOf.dates[asOf.headline.spread_peak_day], '2025-12-31', 'the turn is the peak');
    await shoot(page, 'plus150-360-light');
    assert.deepEqual([...page.problems.pageErrors, ...page.problems.consoleErrors, ...page.problems.failedRequests], []);
  });

  test('at 1280 px, dark: the turn grows with scarcity', async () => {
    const page = await open({ width: 1280, colorScheme: 'dark' });
    const peaks = [];
    for (const [shortfall, name] of [[-100, 'minus100'], [150, 'plus150'], [400, 'plus400']]) {
      const h = await at(page, shortfall);
      peaks.push(h.headline.spread_peak.p50);
      await shoot(page, `${name}-1280-dark`);
    }
    assert.ok(peaks[0] < 0 && peaks[0] < peaks[1] && peaks[1] < peaks[2], `peak medians ${peaks}`);
    assert.deepEqual([...page.problems.pageErrors, ...page.problems.consoleErrors, ...page.problems.failedRequests], []);
  });
});
