// tests/e2e/chips.test.mjs — a slider's Δ chip ("+60 vs 17 Nov") sits in the row under the range
// that holds the as-of ▲, at the end of the track away from the ▲; the scenario's marks are ticks
// across the range's line with their labels ("13 Nov", "2019-like") a row further down. At each
// end of every slider, at 320, 360 and 1280 px, in English and Chinese, the chip meets nothing
// else in its control (the ▲, a tick, a mark label, the label, the number box, the help toggle, the
// range's thumb), stays inside the control and moves nothing when it shows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setup } from './harness.mjs';

describe('Δ chips', () => {
  /** @type {Awaited<ReturnType<typeof setup>>} */
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  for (const file of ['index.html', 'zh.html']) {
    test(`${file}: at each end of every slider the Δ chip meets nothing else in its control and moves nothing`, async () => {
      for (const width of [320, 360, 1280]) {
        const page = await env.newPage({ width, height: 800, dpr: 2 });
        await page.goto(`${env.url}${file}`);
        await page.waitForFunction(() => document.querySelector('tape-cast')?.shadowRoot?.querySelector('canvas[part="fan"]')?.width > 0);
        const ids = await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('input[type=range][data-input]')].map((r) => [r.dataset.input, +r.min, +r.max]));
        assert.ok(ids.length >= 4, `sliders: ${ids.length}`);
        let checked = 0;
        let marks = 0;
        for (const [id, min, max] of ids) {
          const height = () => page.evaluate((d) => document.querySelector('tape-cast').shadowRoot.querySelector(`[data-input="${d}"]`).closest('.control').getBoundingClientRect().height, id);
          const before = await height();
          for (const v of [min, max]) {
            const seen = await page.evaluate(([id, v]) => new Promise((done) => {
              const w = document.querySelector('tape-cast');
              w.value = { [id]: v };
              requestAnimationFrame(() => requestAnimationFrame(() => {
                const range = w.shadowRoot.querySelector(`[data-input="${id}"]`);
                const c = range.closest('.control');
                const chip = c.querySelector('.delta');
                const d = chip.getBoundingClientRect();
                const box = c.getBoundingClientRect();
                const others = [...c.querySelectorAll('label, input[type=number], .about, .tick, .asof, .mark')]
                  .map((e) => ({ what: e.className || e.tagName.toLowerCase(), text: e.textContent, r: e.getBoundingClientRect() }));
                const gap = ({ r }) => Math.max(r.left - d.right, d.left - r.right, r.top - d.bottom, d.top - r.bottom);
                // The thumb: --thumb tall, in the middle of the range.
                const r = range.getBoundingClientRect();
                const thumb = parseFloat(getComputedStyle(c).getPropertyValue('--thumb'));
                done({ chip: chip.textContent, n: others.length, marks: c.querySelectorAll('.tick, .asof, .mark').length,
                  met: others.filter((o) => gap(o) < 0.5).map((o) => `${o.what} "${o.text}" (gap ${gap(o).toFixed(2)} px)`),
                  underThumb: d.top - (r.top + (r.height + thumb) / 2),
                  inside: d.left >= box.left - 0.5 && d.right <= box.right + 0.5 && d.top >= box.top && d.bottom <= box.bottom });
              }));
            }), [id, v]);
            assert.ok(seen.chip.length > 0, `${width} px ${id}=${v}: a chip is shown`);
            assert.ok(seen.n >= 5, `${width} px ${id}: the check sees the control's parts (${seen.n})`);
            assert.deepEqual(seen.met, [], `${width} px ${id}=${v}: chip "${seen.chip}" meets another part of its control`);
            assert.ok(seen.underThumb >= 0.5, `${width} px ${id}=${v}: chip "${seen.chip}" ${seen.underThumb.toFixed(2)} px under the thumb`);
            assert.ok(seen.inside, `${width} px ${id}=${v}: chip "${seen.chip}" leaves its control`);
            assert.equal(await height(), before, `${width} px ${id}=${v}: showing the chip moves nothing`);
            checked += 1;
            marks += seen.marks;
          }
        }
        assert.ok(checked >= 8 && marks >= 3 * checked, `${width} px: ${checked} chips checked against ${marks} ticks, ▲ and labels`);
        await page.close();
      }
    });
  }
});
