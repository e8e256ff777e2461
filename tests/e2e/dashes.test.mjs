// tests/e2e/dashes.test.mjs — the fan's dashed lines (the event markers, the as-of level, the key's
// swatch) are stroked with the canvas's own dash pattern, one line each, not one path element per
// dash: a drag frame's fan makes a few dozen path calls instead of some 850, which is what keeps a
// phone-class CPU's drag within two frames. Drawn that way the fan looks the same (checked against
// the segments in src/chart/dash.rs's test; its pixels matched to the last bit at DPR 2).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setup } from './harness.mjs';

describe('dashed lines', () => {
  /** @type {Awaited<ReturnType<typeof setup>>} */
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  for (const width of [360, 1280]) {
    test(`at ${width} px: a drag frame strokes the fan's dashes with a dash pattern, and solid lines solid`, async () => {
      const page = await env.newPage({ width, height: 900, dpr: 2 });
      await page.goto(`${env.url}index.html`);
      await page.waitForFunction(() => document.querySelector('tape-cast')?.hasAttribute('data-ready'));
      const seen = await page.evaluate(() => new Promise((done) => {
        const P = CanvasRenderingContext2D.prototype;
        const fan = (ctx) => ctx.canvas.getAttribute('part') === 'fan';
        const calls = { moveTo: 0, lineTo: 0, stroke: 0 };
        /** Each stroke's dash pattern, as the canvas holds it then. */
        const strokes = [];
        for (const name of Object.keys(calls)) {
          const f = P[name];
          P[name] = function (...a) {
            if (fan(this)) {
              calls[name] += 1;
              if (name === 'stroke') strokes.push(this.getLineDash().join(','));
            }
            return f.apply(this, a);
          };
        }
        const range = document.querySelector('tape-cast').shadowRoot.querySelector('input[type=range][data-input="surprise"]');
        range.value = String(Number(range.value) + Number(range.step || 1));
        range.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() => setTimeout(() => done({ calls, strokes })));
      }));
      const dashed = seen.strokes.filter((s) => s !== '');
      assert.ok(dashed.length >= 2, `the markers and the as-of line are stroked dashed: ${JSON.stringify(seen.strokes)}`);
      for (const s of dashed) {
        const [on, off] = s.split(',').map(Number);
        assert.ok(s.split(',').length === 2 && on > 0 && off > 0, `a dash and a gap: ${s}`);
      }
      assert.ok(seen.strokes.some((s) => s === ''), `the median, the bands' edges and the grid stay solid: ${JSON.stringify(seen.strokes)}`);
      // One path start per line and per band, not per dash (some 330 dashes per fan).
      assert.ok(seen.calls.moveTo > 0 && seen.calls.moveTo < 80, `path starts in one drag frame's fan: ${seen.calls.moveTo}`);
      await page.close();
    });
  }
});
