// tests/e2e/review.test.mjs — what a graphics desk's review sent back, checked as a reader meets it:
// the demo article without JavaScript shows the still chart where the widget would be (no empty
// box), and phones get the phone-sized still picture.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setup } from './harness.mjs';

describe('review', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  test('without JavaScript the article shows the still chart in the widget\'s place, phone-sized on a phone', async () => {
    for (const file of ['index.html', 'zh.html', 'story.html', 'story.zh.html']) {
      for (const width of [360, 1280]) {
        const page = await env.newPage({ width, height: 800, javaScriptEnabled: false });
        await page.goto(`${env.url}${file}`);
        await page.waitForFunction(() => document.querySelector('.noscript img')?.complete, null, { timeout: 5000, polling: 100 });
        const m = await page.evaluate(() => {
          const img = /** @type {HTMLImageElement} */ (document.querySelector('.noscript img'));
          const r = img.getBoundingClientRect();
          const box = document.querySelector('tape-cast').getBoundingClientRect();
          // The paragraph after the figure starts right under it: no room kept for a widget.
          const figure = img.closest('p');
          const next = figure.parentElement.nextElementSibling ?? figure.nextElementSibling;
          return { src: img.currentSrc, drawn: img.naturalWidth > 0, width: r.width, height: r.height,
            widget: box.height, gap: next ? next.getBoundingClientRect().top - r.bottom : 0 };
        });
        const what = `${file} at ${width} px: ${JSON.stringify(m)}`;
        assert.ok(m.drawn && m.width > 300 && m.height > 300, `the still chart is drawn: ${what}`);
        assert.equal(m.widget, 0, `no empty box is kept for the widget: ${what}`);
        assert.ok(m.gap < 80, `the text goes on under the still chart: ${what}`);
        // A phone gets the picture drawn for its width (legible text), a desktop the wide one.
        assert.match(m.src, width < 600 ? /\/as-of\.phone\.svg$/ : /\/as-of\.svg$/, what);
        assert.deepEqual(page.problems.failedRequests, [], what);
        await page.context().close();
      }
    }
  });
});
