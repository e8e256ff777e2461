// tests/e2e/chips.test.mjs — under a slider's range, the scenario's mark labels ("13 Nov",
// "2019-like") sit each under its tick, which crosses the range's line; the row under them holds
// the as-of ▲ and the Δ chip ("+60 vs 17 Nov"), at the end of the track away from the ▲. At each
// end of every slider, at 320, 360 and 1280 px, in English and Chinese, the chip meets nothing
// else in its control (the ▲, a tick, a mark label, the label, the number box, the help toggle, the
// range's thumb), stays inside the control and moves nothing when it shows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { setup } from './harness.mjs';

/** What the chip meets in its control once the widget `w` shows `value` for input `id` (run in the page). */
const chipAt = ([id, v, selector]) => new Promise((done) => {
  const w = document.querySelector(selector);
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
      left: d.left - box.left, right: box.right - d.right,
      inside: d.left >= box.left - 0.5 && d.right <= box.right + 0.5 && d.top >= box.top && d.bottom <= box.bottom });
  }));
});

/** The checks every shown chip passes. */
function clear(seen, where) {
  assert.ok(seen.chip.length > 0, `${where}: a chip is shown`);
  assert.ok(seen.n >= 5, `${where}: the check sees the control's parts (${seen.n})`);
  assert.deepEqual(seen.met, [], `${where}: chip "${seen.chip}" meets another part of its control`);
  assert.ok(seen.underThumb >= 0.5, `${where}: chip "${seen.chip}" ${seen.underThumb.toFixed(2)} px under the thumb`);
  assert.ok(seen.inside, `${where}: chip "${seen.chip}" leaves its control`);
}

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
            const seen = await page.evaluate(chipAt, [id, v, 'tape-cast']);
            clear(seen, `${width} px ${id}=${v}`);
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

  test('an author\'s input whose as-of value sits right of the middle: the chip takes the left end, away from the ▲ (en, zh, 320 and 1280 px)', async () => {
    const scenario = JSON.parse(readFileSync(new URL('../../src/scenario/default.json', import.meta.url), 'utf8'));
    const moved = [];
    for (const [field, input] of Object.entries(scenario.inputs)) {
      if (typeof input.min !== 'number') continue;
      input.as_of = input.min + Math.round((0.85 * (input.max - input.min)) / input.step) * input.step;
      moved.push(field);
    }
    assert.ok(moved.length >= 4, `inputs moved: ${moved}`);
    for (const lang of ['en', 'zh']) {
      for (const width of [320, 1280]) {
        const page = await env.newPage({ width, height: 900, dpr: 2 });
        await page.goto(`${env.url}embed-example.html`);
        await page.evaluate(([file, lang]) => {
          const w = document.createElement('tape-cast');
          w.id = 'authored';
          w.lang = lang;
          const data = document.createElement('script');
          data.type = 'application/json';
          data.textContent = file;
          w.append(data);
          document.body.prepend(w);
        }, [JSON.stringify(scenario), lang]);
        await page.waitForFunction(() => document.getElementById('authored')?.shadowRoot?.querySelector('canvas[part="fan"]')?.width > 0, null, { timeout: 20000 });
        const notes = await page.evaluate(() => [...document.getElementById('authored').shadowRoot.querySelectorAll('.notes p')].map((p) => p.textContent));
        assert.deepEqual(notes, [], `${lang} ${width} px: the file is read without a note`);
        const ids = await page.evaluate(() => [...document.getElementById('authored').shadowRoot.querySelectorAll('input[type=range][data-input]')].map((r) => [r.dataset.input, +r.min, +r.max]));
        assert.ok(ids.length >= 4);
        for (const [id, min, max] of ids) for (const v of [min, max]) {
          const seen = await page.evaluate(chipAt, [id, v, '#authored']);
          const where = `${lang} ${width} px ${id}=${v}`;
          clear(seen, where);
          assert.ok(seen.left < 1 && seen.right > seen.left, `${where}: the chip "${seen.chip}" at the track's left end (${seen.left.toFixed(1)} px from it)`);
        }
        await page.close();
      }
    }
  });
});
