// tests/e2e/chips.test.mjs — a slider's Δ chip ("+60 vs 17 Nov") sits at the right end of the row
// under the range, above the scenario's mark labels ("13 Nov", "2019-like"): at each end of every
// slider, at 320, 360 and 1280 px, in English and Chinese, the chip never touches a mark label (it
// may cover a tick or the ▲, which it is drawn over on purpose).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setup } from './harness.mjs';

describe('Δ chips', () => {
  /** @type {Awaited<ReturnType<typeof setup>>} */
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  for (const file of ['index.html', 'zh.html']) {
    test(`${file}: at each end of every slider the Δ chip leaves a gap to every mark label`, async () => {
      for (const width of [320, 360, 1280]) {
        const page = await env.newPage({ width, height: 800, dpr: 2 });
        await page.goto(`${env.url}${file}`);
        await page.waitForFunction(() => document.querySelector('tape-cast')?.shadowRoot?.querySelector('canvas[part="fan"]')?.width > 0);
        const ids = await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('input[type=range][data-input]')].map((r) => [r.dataset.input, +r.min, +r.max]));
        assert.ok(ids.length >= 4, `sliders: ${ids.length}`);
        let labels = 0;
        for (const [id, min, max] of ids) for (const v of [min, max]) {
          const seen = await page.evaluate(([id, v]) => new Promise((done) => {
            const w = document.querySelector('tape-cast');
            w.value = { [id]: v };
            requestAnimationFrame(() => requestAnimationFrame(() => {
              const c = w.shadowRoot.querySelector(`[data-input="${id}"]`).closest('.control');
              const chip = c.querySelector('.delta');
              const d = chip.getBoundingClientRect();
              const marks = [...c.querySelectorAll('.mark')].map((m) => ({ text: m.textContent, r: m.getBoundingClientRect() }));
              const gaps = marks.filter(({ r }) => r.right > d.left && r.left < d.right).map(({ text, r }) => ({ text, gap: r.top - d.bottom }));
              done({ chip: chip.textContent, gaps, n: marks.length });
            }));
          }), [id, v]);
          assert.ok(seen.chip.length > 0, `${width} px ${id}=${v}: a chip is shown`);
          labels += seen.gaps.length;
          for (const g of seen.gaps) assert.ok(g.gap >= 0.5, `${width} px ${id}=${v}: chip "${seen.chip}" touches mark "${g.text}" (gap ${g.gap.toFixed(2)} px)`);
        }
        assert.ok(labels > 0, `${width} px: some chip sits over a mark label (the check sees them)`);
        await page.close();
      }
    });
  }
});
