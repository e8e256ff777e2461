// tests/e2e/load.test.mjs — a page load redraws the widget once: one `scenariochange` for the
// host page and the fan drawn in one frame (the resize observer's first report, of the size the
// first paint was drawn at, used to redraw everything and publish again); a later change of the
// widget's width still redraws the charts at the new width, but tells the host page nothing (nor
// does a change of colour scheme): only a new state, or a new language, sends `scenariochange`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pollUntil, setup } from './harness.mjs';

/** Counts `scenariochange` events and the frames in which the fan canvas was drawn. */
function count() {
  const seen = { changes: 0, fanFrames: new Set() };
  window.loadCount = seen;
  let frame = 0;
  const tick = () => { frame++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  document.addEventListener('scenariochange', () => { seen.changes++; }, true);
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (...args) {
    if (this.getAttribute('part') === 'fan') seen.fanFrames.add(frame);
    return getContext.apply(this, args);
  };
}

describe('page load', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  for (const width of [360, 1280]) {
    test(`${width} px: one redraw on load (one scenariochange, the fan drawn in one frame); a new width redraws without one; an input sends one`, async () => {
      const page = await env.newPage({ dpr: 2, width, height: 800 });
      await page.addInitScript(count);
      await page.goto(`${env.url}index.html`);
      await page.waitForFunction(() => document.querySelector('tape-cast')?.hasAttribute('data-ready'));
      // Long enough for the observer's first report and a redraw it would schedule.
      await page.waitForTimeout(1000);
      const seen = await page.evaluate(() => ({ changes: window.loadCount.changes, fanFrames: window.loadCount.fanFrames.size }));
      assert.deepEqual(seen, { changes: 1, fanFrames: 1 });
      const fanWidth = () => page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('canvas[part="fan"]').width);
      const before = await fanWidth();
      await page.setViewportSize({ width: Math.min(width - 40, 600), height: 800 }); // narrower than the article column
      await pollUntil(fanWidth, (w) => w !== before, { what: 'the fan redrawn at the new width' });
      assert.equal(await page.evaluate(() => window.loadCount.fanFrames.size), 2);
      // The same state at a new width, then in the dark scheme: redrawn, no news for the host page.
      await page.emulateMedia({ colorScheme: 'dark' });
      await pollUntil(() => page.evaluate(() => window.loadCount.fanFrames.size), (n) => n === 3, { what: 'the fan redrawn dark' });
      await page.waitForTimeout(500); // long enough for an event the redraws would send
      assert.equal(await page.evaluate(() => window.loadCount.changes), 1, 'a resize or a new colour scheme sends no scenariochange');
      // A reader's change: one event.
      await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('input[data-input="cut-odds"]').focus());
      await page.keyboard.press('ArrowRight');
      await pollUntil(() => page.evaluate(() => window.loadCount.changes), (n) => n > 1, { what: 'scenariochange after the input moved' });
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => window.loadCount.changes), 2, 'one scenariochange for one change');
      // A new language: the event's words (its headline) change, so the host page hears of it once
      // (a story's "back to the story" button takes its words from it).
      await page.evaluate(() => document.querySelector('tape-cast').setAttribute('lang', 'zh'));
      await pollUntil(() => page.evaluate(() => window.loadCount.changes), (n) => n > 2, { what: 'scenariochange after the language changed' });
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => window.loadCount.changes), 3, 'one scenariochange for a new language');
    });
  }
});
