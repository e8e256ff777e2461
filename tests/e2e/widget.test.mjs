// tests/e2e/widget.test.mjs — the <tape-cast> widget as readers and authors meet it, in real
// Chromium: embedding, keyboard use, permalinks, several widgets, HiDPI, layouts, dark mode,
// Chinese, the scenariochange event, hostile input, accessibility (axe-core), exports.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { canvasHash, pollUntil, SCREENSHOTS, setup, shot } from './harness.mjs';

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** Waits until every <tape-cast> on the page is drawn. */
async function ready(page, count = 1) {
  await pollUntil(() => page.evaluate(() => document.querySelectorAll('tape-cast[data-ready]').length), (n) => n >= count,
    { timeout: 20_000, what: `${count} widget(s) ready` });
}

/** Appends one more <tape-cast> with these attributes (set one by one, never as markup) and
 * waits until it is drawn. */
async function addWidget(page, attributes) {
  const count = await page.evaluate((attrs) => {
    const w = document.createElement('tape-cast');
    for (const [name, v] of Object.entries(attrs)) w.setAttribute(name, v);
    document.body.append(w);
    return document.querySelectorAll('tape-cast').length;
  }, attributes);
  await ready(page, count);
}

/** Text of a selector inside the n-th widget's shadow root. */
const inner = (page, selector, n = 0) =>
  page.evaluate(([s, i]) => document.querySelectorAll('tape-cast')[i].shadowRoot.querySelector(s)?.textContent ?? null, [selector, n]);

/** What input `id`'s number box shows (its one value display). */
const number = (page, id, n = 0) =>
  page.evaluate(([d, i]) => document.querySelectorAll('tape-cast')[i].shadowRoot.querySelector(`[data-number="${d}"]`).value, [id, n]);

const value = (page, id, n = 0) =>
  page.evaluate(([d, i]) => document.querySelectorAll('tape-cast')[i].shadowRoot.querySelector(`[data-input="${d}"]`).value, [id, n]);

describe('the <tape-cast> widget', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  test('the one-line embed draws all three charts with no errors and nothing off-origin', async () => {
    const page = await env.newPage({ dpr: 2, width: 1200, height: 900 });
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    await page.goto(`${env.url}embed-example.html`);
    await ready(page);
    const sizes = await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('canvas')].map((c) => {
      const r = c.getBoundingClientRect();
      return { part: c.getAttribute('part'), w: c.width, h: c.height, cw: r.width, ch: r.height };
    }));
    assert.deepEqual(sizes.map((s) => s.part), ['fan', 'bars', 'plumbing']);
    for (const s of sizes) {
      assert.equal(s.w, Math.round(s.cw * 2), `${s.part} width at DPR 2`);
      assert.equal(s.h, Math.round(s.ch * 2), `${s.part} height at DPR 2`);
    }
    assert.equal(wasm.length, 1);
    await shot(page, 'embed-1200');
    assert.deepEqual(page.problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  });

  test('panels= chooses the charts by name, keeps the fan, says what it does not know; the iframe passes it and heading on', async () => {
    const page = await env.newPage({ dpr: 1, width: 1200, height: 900 });
    await page.goto(`${env.url}embed-example.html`);
    await ready(page);
    const parts = (frame = page) => frame.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('canvas')].map((c) => c.getAttribute('part')));
    const drawn = () => page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('canvas')].map((c) => c.width > 0));
    await page.evaluate(() => document.querySelector('tape-cast').setAttribute('panels', 'plumbing'));
    await pollUntil(() => parts(), (p) => p.join() === 'fan,plumbing', { what: 'only the fan and the plumbing chart' });
    await pollUntil(drawn, (d) => d.every(Boolean), { what: 'both drawn' });
    await page.evaluate(() => document.querySelector('tape-cast').setAttribute('panels', 'bars, pie'));
    await pollUntil(() => parts(), (p) => p.join() === 'fan,bars', { what: 'the fan and the bars' });
    assert.match(await inner(page, '.notes'), /panels: "pie" is not a chart \(expected some of fan, bars, plumbing\)/);
    await page.evaluate(() => document.querySelector('tape-cast').removeAttribute('panels'));
    await pollUntil(() => parts(), (p) => p.join() === 'fan,bars,plumbing', { what: 'every chart again' });
    assert.deepEqual(page.problems.pageErrors, []);

    const frame = await env.newPage({ dpr: 1, width: 800, height: 900 });
    await frame.goto(`${env.url}embed.html?panels=bars&heading=${encodeURIComponent('Move the forces yourself')}`);
    await ready(frame);
    assert.deepEqual(await parts(frame), ['fan', 'bars']);
    assert.equal(await inner(frame, '.title'), 'Move the forces yourself');
  });

  test('every control works from the keyboard alone', async () => {
    const page = await env.newPage({ width: 1000, height: 900 });
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(`${env.url}embed-example.html`);
    await ready(page);
    // Tab to the first preset button, press it: the inputs jump to that preset.
    const seen = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const a = document.querySelector('tape-cast').shadowRoot.activeElement;
        return a ? `${a.tagName.toLowerCase()}:${a.dataset.input ?? a.dataset.number ?? a.textContent.slice(0, 30)}` : null;
      });
      if (focus) seen.push(focus);
    }
    for (const want of ['button:Nvidia delivers, rotation ends', 'input:surprise', 'input:cut-odds', 'input:shortfall', 'select:rmp-start', 'input:rmp-pace', 'button:Show as table', 'button:Reset']) {
      assert.ok(seen.includes(want), `Tab reaches ${want}; saw ${seen.join(' | ')}`);
    }
    const focusOn = (selector) => page.evaluate((s) => document.querySelector('tape-cast').shadowRoot.querySelector(s).focus(), selector);
    // A preset by keyboard.
    await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('button')].find((b) => b.textContent === '2019 replay').focus());
    await page.keyboard.press('Enter');
    await pollUntil(() => value(page, 'shortfall'), (v) => v === '350', { what: '2019 replay preset' });
    // The purchase start by keyboard.
    await focusOn('select[data-input="rmp-start"]');
    await page.keyboard.press('ArrowDown');
    await pollUntil(() => value(page, 'rmp-start'), (v) => v === 'december', { what: 'select moves to december' });
    // Reset by keyboard.
    await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('button')].find((b) => b.textContent === 'Reset').focus());
    await page.keyboard.press('Space');
    await pollUntil(() => value(page, 'shortfall'), (v) => v === '150', { what: 'reset to the as-of case' });
    // The table toggle by keyboard: a real <table> with every series.
    await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('button')].find((b) => b.textContent === 'Show as table').focus());
    await page.keyboard.press('Enter');
    const rows = await pollUntil(() => page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelectorAll('table tbody tr').length), (n) => n > 0, { what: 'table rows' });
    assert.equal(rows, 16, '14 series and 2 plumbing rows');
    assert.equal(await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('button')].find((x) => x.textContent === 'Hide table').getAttribute('aria-expanded')), 'true');
    // The number box: typing an out-of-range value clamps it and says so.
    await focusOn('input[data-number="cut-odds"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('250');
    await page.keyboard.press('Enter');
    await pollUntil(() => value(page, 'cut-odds'), (v) => v === '100', { what: 'clamped to 100' });
    // The reader reads the input's own words right under the box they typed in (not at the
    // widget's foot), the box says so to a screen reader; the box shows the value used; the
    // author's sentence is on the console; Reset clears the note.
    const fix = () => page.evaluate(() => {
      const root = document.querySelector('tape-cast').shadowRoot;
      const box = root.querySelector('[data-number="cut-odds"]');
      const note = root.getElementById(box.getAttribute('aria-describedby'));
      const [b, n] = [box.getBoundingClientRect(), note?.getBoundingClientRect()];
      return { text: note?.textContent, below: n ? n.top - b.bottom : NaN, visible: !!n && n.height > 0 };
    });
    const shown = await pollUntil(fix, (f) => f.visible, { what: 'the note beside the box' });
    assert.equal(shown.text, "December cut odds can't exceed 100% — using 100%");
    assert.ok(shown.below >= 0 && shown.below < 24, `the note sits right under the box (${shown.below} px)`);
    assert.equal(await inner(page, '.notes'), '', 'and not again at the foot of the widget');
    assert.equal(await number(page, 'cut-odds'), '100');
    assert.ok(warnings.some((w) => /cut-odds: 250 is above the maximum 100 \(used 100\)/.test(w)), warnings.join('\n'));
    await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('button')].find((b) => b.textContent === 'Reset').click());
    await pollUntil(fix, (f) => f.text === '' && !f.visible, { what: 'Reset clears the note' });
    // A typed value the widget kept where it was (an emptied box keeps 40): Reset moves nothing
    // and still takes the note away.
    const commit = (text) => page.evaluate((t) => {
      const box = document.querySelector('tape-cast').shadowRoot.querySelector('[data-number="cut-odds"]');
      box.value = t;
      box.dispatchEvent(new Event('change'));
    }, text);
    await commit('');
    assert.equal((await pollUntil(fix, (f) => f.visible, { what: 'the empty box explained' })).text, 'December cut odds is empty — keeping 40%');
    await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('button')].find((b) => b.textContent === 'Reset').click());
    await pollUntil(fix, (f) => f.text === '' && !f.visible, { what: 'Reset clears a note whose value did not move' });
    // Typed text the browser reads as no number (its value is '' then, `validity.badInput` set):
    // not a number, with no pretence that the text was "" ; the box shows the value kept, and the
    // note goes when the value next moves.
    await focusOn('input[data-number="cut-odds"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1e');
    await page.keyboard.press('Enter');
    assert.equal((await pollUntil(fix, (f) => f.visible, { what: 'the unreadable box explained' })).text, 'December cut odds: not a number — keeping 40%');
    await pollUntil(() => number(page, 'cut-odds'), (v) => v === '40', { what: 'the box shows the value kept' });
    await focusOn('input[data-input="cut-odds"]');
    await page.keyboard.press('ArrowRight');
    await pollUntil(fix, (f) => f.text === '' && !f.visible, { what: 'the value moved: the note goes' });
    await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('button')].find((b) => b.textContent === 'Reset').click());
    // On a touch screen the box's change (its blur) and a tap on a preset come with no frame
    // between: the note speaks of the typed value, so the preset's value takes it away.
    await page.evaluate(() => {
      const root = document.querySelector('tape-cast').shadowRoot;
      const box = root.querySelector('[data-number="cut-odds"]');
      box.value = '250';
      box.dispatchEvent(new Event('change'));
      box.blur();
      root.querySelector('.presets button').click();
    });
    await pollUntil(() => number(page, 'cut-odds'), (v) => v === '40', { what: 'the preset set the odds' });
    await pollUntil(fix, (f) => f.text === '' && !f.visible, { what: 'no note about 100 beside a box showing 40' });
    assert.deepEqual(page.problems.pageErrors, []);
  });

  test('the pace and purchase-start inputs move the plumbing chart and the text', async () => {
    const page = await env.newPage({ width: 1000, height: 900 });
    await page.goto(`${env.url}embed-example.html`);
    await ready(page);
    const before = { hash: await canvasHash(page, 'canvas[part="plumbing"]'), summary: await inner(page, '.summary') };
    await page.evaluate(() => {
      const s = document.querySelector('tape-cast').shadowRoot.querySelector('select[data-input="rmp-start"]');
      s.value = 'december';
      s.dispatchEvent(new Event('change'));
    });
    await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('input[data-input="rmp-pace"]').focus());
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    // Eight steps of 5 from 45: the box shows 85 once the last key's redraw is in (under load the
    // chart and summary may already have changed after an earlier key), and the chart and summary
    // differ from before.
    const after = await pollUntil(async () => ({ pace: await number(page, 'rmp-pace'), hash: await canvasHash(page, 'canvas[part="plumbing"]'), summary: await inner(page, '.summary') }),
      (s) => s.pace === '85' && s.hash !== before.hash && s.summary !== before.summary, { what: 'the pace at 85, plumbing and summary changed' });
    assert.equal(after.pace, '85');
  });

  test('each input carries a cue of how far it alone moves its headline number (S&P 500 or peak repo stress), refreshed when the reader pauses', async () => {
    const page = await env.newPage({ width: 1000, height: 900 });
    await page.goto(`${env.url}embed-example.html`);
    await ready(page);
    const cues = () => page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('.cue')].map((c) => c.textContent));
    const cue = /between [+−]?[\d,]+ and [+−]?[\d,]+|does not move the .* \([+−]?[\d,]+( bp)?\) from here/;
    const first = await pollUntil(cues, (c) => c.length === 5 && c.every((t) => cue.test(t)), { what: 'five cues' });
    assert.match(first[0], /S&P 500/, 'the surprise cue reports the S&P 500');
    assert.match(first[4], /SOFR − IORB/, 'the purchase-pace cue reports repo stress, which purchases act on');
    const [lo, hi] = first[0].match(/between ([\d,]+) and ([\d,]+)/).slice(1).map((x) => Number(x.replace(/,/g, '')));
    assert.ok(lo < 6672 && hi > 6672, `the surprise cue spans the as-of level: ${first[0]}`);
    await page.evaluate(() => { document.querySelector('tape-cast').value = { shortfall: 450 }; });
    await pollUntil(cues, (c) => c[0] !== first[0], { what: 'cues follow the other inputs' });
  });

  test('beyond the calibrated edge of repo stress a line says the model is extrapolating, and goes when the state is calm again', async () => {
    // The built-in story's edge (+315 bp, September 2019) lies beyond what its input box reaches;
    // an author's copy with a lower edge shows the line at the stressed corner.
    const scenario = JSON.parse(await readFile(new URL('../../src/scenario/default.json', import.meta.url), 'utf8'));
    scenario.calibration.spread_bp = 100;
    const page = await env.newPage({ width: 1000, height: 900 });
    await page.goto(`${env.url}embed-example.html`);
    await ready(page);
    await page.evaluate((json) => {
      const w = document.createElement('tape-cast');
      w.id = 'edge';
      w.setAttribute('loading', 'eager');
      const data = document.createElement('script');
      data.type = 'application/json';
      data.textContent = json;
      w.append(data);
      document.body.prepend(w);
    }, JSON.stringify(scenario));
    await page.waitForFunction(() => document.getElementById('edge')?.hasAttribute('data-ready'));
    const line = () => page.evaluate(() => document.getElementById('edge').shadowRoot.querySelector('.extrapolation').textContent);
    assert.equal(await line(), '', 'no line at the as-of state');
    await page.evaluate(() => { document.getElementById('edge').value = { shortfall: 500, 'rmp-start': 'none', 'rmp-pace': 0 }; });
    await pollUntil(line, (t) => /extrapolating/.test(t), { what: 'the extrapolation line' });
    await page.evaluate(() => { document.getElementById('edge').value = { shortfall: 150, 'rmp-start': 'january', 'rmp-pace': 45 }; });
    await pollUntil(line, (t) => t === '', { what: 'the line clears' });
  });

  test('a permalink restores the reader\'s state after a reload', async () => {
    const page = await env.newPage({ width: 1000, height: 900 });
    await page.goto(`${env.url}index.html`);
    await ready(page);
    await page.evaluate(() => {
      const root = document.querySelector('tape-cast').shadowRoot;
      const r = root.querySelector('input[data-input="surprise"]');
      r.value = '-9.5';
      r.dispatchEvent(new Event('input'));
      r.dispatchEvent(new Event('change'));
      const c = root.querySelector('input[data-input="cut-odds"]');
      c.value = '72';
      c.dispatchEvent(new Event('input'));
      c.dispatchEvent(new Event('change'));
    });
    const hash = await pollUntil(() => page.evaluate(() => location.hash), (h) => h.includes('cut-odds:72'), { what: 'fragment updated' });
    assert.match(hash, /^#story=nov-2025\.s1\.m3,surprise:-9\.5,cut-odds:72,/);
    await page.reload();
    await ready(page);
    assert.equal(await value(page, 'surprise'), '-9.5');
    assert.equal(await value(page, 'cut-odds'), '72');
    assert.match(await inner(page, '.delta'), /−9\.5 vs 17 Nov/);
    // A link from another model version (here version 2, before the balance-sheet premium became
    // $bn) loads with its inputs and a visible note, not silently.
    await page.goto(`${env.url}index.html#story=nov-2025.s1.m2,surprise:3`);
    await page.reload();
    await ready(page);
    assert.match(await inner(page, '.notes'), /was made with another version/);
    assert.equal(await value(page, 'surprise'), '3');
  });

  test('the purchases choice shows a Δ chip naming the author\'s option when moved, under the select, in space kept for it (en, zh, 360 and 1280 px)', async () => {
    for (const [file, chip] of [['index.html', '17 Nov: From January'], ['zh.html', '11月17日：1月起'], ['story.html', '17 Nov: From January']]) {
      for (const width of [360, 1280]) {
        const page = await env.newPage({ width, height: 900 });
        await page.goto(`${env.url}${file}`);
        await ready(page);
        const look = () => page.evaluate(() => {
          const root = document.querySelector('tape-cast').shadowRoot;
          const select = root.querySelector('select[data-input="rmp-start"]');
          const control = select.closest('.control');
          const delta = control.querySelector('.delta');
          const box = (e) => e.getBoundingClientRect();
          const d = box(delta);
          const apart = (e) => { const b = box(e); return d.right <= b.left || d.left >= b.right || d.bottom <= b.top || d.top >= b.bottom; };
          const next = control.nextElementSibling;
          return { text: delta.textContent, height: box(control).height,
            clear: [control.querySelector('label'), select, control.querySelector('.about'), ...(next ? [next] : [])].every(apart),
            inside: d.left >= box(control).left - 0.5 && d.right <= box(control).right + 0.5 };
        });
        const before = await look();
        assert.equal(before.text, '', `${file} ${width}px: no chip at the author's option`);
        await page.evaluate(() => { const s = document.querySelector('tape-cast').shadowRoot.querySelector('select[data-input="rmp-start"]'); s.value = 'december'; s.dispatchEvent(new Event('change')); });
        const moved = await pollUntil(look, (r) => r.text !== '', { what: 'the chip' });
        assert.equal(moved.text, chip, `${file} ${width}px`);
        assert.ok(moved.clear && moved.inside, `${file} ${width}px: the chip overlaps the label, select, help toggle or next control, or leaves its control: ${JSON.stringify(moved)}`);
        assert.equal(moved.height, before.height, `${file} ${width}px: showing the chip moves nothing`);
        await page.context().close();
      }
    }
  });

  test('the preset bar shows the state\'s preset pressed however it came (the default, a preset attribute, an article link, a click) and none once an input moves off it', async () => {
    const pressed = (page, n = 0) => page.evaluate((i) => [...document.querySelectorAll('tape-cast')[i].shadowRoot.querySelectorAll('.presets button[aria-pressed="true"]')].map((b) => b.textContent), n);
    const page = await env.newPage({ width: 1000, height: 900 });
    await page.goto(`${env.url}index.html`);
    await page.evaluate(() => document.querySelector('tape-cast').scrollIntoView());
    await ready(page);
    assert.deepEqual(await pressed(page), ['As of 17 Nov'], 'the default state is the as-of preset');
    // An article link sets a preset (and the link that also moves an input, none).
    await page.click('a[data-preset="nvda-misses"]:not([data-surprise])');
    await pollUntil(() => pressed(page), (p) => p.join() === 'Nvidia misses, credit finishes the job', { what: 'the linked preset pressed' });
    await page.click('a[data-preset="nvda-misses"][data-surprise]');
    await pollUntil(() => number(page, 'surprise'), (v) => v === '-5', { what: 'the link moved the surprise' });
    await pollUntil(() => pressed(page), (p) => p.length === 0, { what: 'no preset pressed off the presets' });
    // A click on a button, then a slider moved off it.
    await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('.presets button')].find((b) => b.textContent === 'The Fed blinks').click());
    await pollUntil(() => pressed(page), (p) => p.join() === 'The Fed blinks', { what: 'the clicked preset pressed' });
    await page.evaluate(() => {
      const r = document.querySelector('tape-cast').shadowRoot.querySelector('input[data-input="shortfall"]');
      r.value = '300';
      r.dispatchEvent(new Event('input'));
      r.dispatchEvent(new Event('change'));
    });
    await pollUntil(() => pressed(page), (p) => p.length === 0, { what: 'none pressed once the shortfall moved' });
    // A widget whose preset attribute sets its state.
    await addWidget(page, { id: 'second', preset: '2019-replay' });
    assert.deepEqual(await pressed(page, 1), ['2019 replay']);
    assert.deepEqual(page.problems.pageErrors, []);
    // On a phone the row scrolls sideways: the pressed button scrolls into its view.
    const phone = await env.newPage({ width: 360, height: 740 });
    await phone.goto(`${env.url}index.html`);
    await phone.evaluate(() => document.querySelector('tape-cast').scrollIntoView());
    await ready(phone);
    await phone.evaluate(() => document.querySelector('tape-cast').setAttribute('preset', 'fed-blinks'));
    await pollUntil(() => pressed(phone), (p) => p.join() === 'The Fed blinks', { what: 'the preset pressed on a phone' });
    const seen = await phone.evaluate(() => {
      const b = document.querySelector('tape-cast').shadowRoot.querySelector('.presets button[aria-pressed="true"]');
      const [r, l] = [b.getBoundingClientRect(), b.parentElement.getBoundingClientRect()];
      return { inside: r.left >= l.left - 0.5 && r.right <= l.right + 0.5, scrolled: b.parentElement.scrollLeft };
    });
    assert.ok(seen.inside && seen.scrolled > 0, `the pressed button in the row's view (${JSON.stringify(seen)})`);
  });

  test('two widgets on one page keep separate state and share one wasm download', async () => {
    const page = await env.newPage({ width: 1000, height: 900 });
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    await page.goto(`${env.url}embed-example.html`);
    await ready(page);
    await addWidget(page, { id: 'second', preset: 'fed-blinks', asset: 'us2y' });
    assert.equal(await value(page, 'cut-odds', 0), '40');
    assert.equal(await value(page, 'cut-odds', 1), '85');
    await page.evaluate(() => {
      const r = document.querySelectorAll('tape-cast')[0].shadowRoot.querySelector('input[data-input="shortfall"]');
      r.value = '300';
      r.dispatchEvent(new Event('input'));
      r.dispatchEvent(new Event('change'));
    });
    await pollUntil(() => number(page, 'shortfall', 0), (t) => t === '300', { what: 'first widget moved' });
    assert.equal(await value(page, 'shortfall', 1), '150', 'the second widget did not move');
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /tc=nov-2025/);
    assert.doesNotMatch(hash, /second=/, 'untouched widgets write nothing');
    assert.equal(wasm.length, 1, 'the wasm is fetched once');
    assert.deepEqual(page.problems.consoleErrors, []);
  });

  test('DPR 1 backing store, 360 px and 1200 px layouts, dark mode', async () => {
    const narrow = await env.newPage({ dpr: 1, width: 360, height: 800 });
    await narrow.goto(`${env.url}index.html`);
    await ready(narrow);
    // On a phone the other charts are one tap away.
    await narrow.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('.more-toggle').click());
    await pollUntil(() => narrow.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('canvas[part="plumbing"]').width), (w) => w > 0, { what: 'the other charts drawn' });
    const layout = await narrow.evaluate(() => {
      const root = document.querySelector('tape-cast').shadowRoot;
      const boxes = [...root.querySelectorAll('canvas')].map((c) => c.getBoundingClientRect());
      const frame = root.querySelector('.frame').getBoundingClientRect();
      const c = root.querySelector('canvas');
      return { stacked: boxes[1].top >= boxes[0].bottom && boxes[2].top >= boxes[1].bottom, fits: boxes.every((b) => b.right <= frame.right + 0.5),
        backing: [c.width, c.height, Math.round(c.getBoundingClientRect().width), Math.round(c.getBoundingClientRect().height)],
        overflow: document.documentElement.scrollWidth > innerWidth };
    });
    assert.ok(layout.stacked, 'panels stack at 360 px');
    assert.ok(layout.fits && !layout.overflow, 'nothing overflows at 360 px');
    assert.deepEqual(layout.backing.slice(0, 2), layout.backing.slice(2), 'DPR 1: backing = CSS size');
    await shot(narrow, 'article-360');

    const wide = await env.newPage({ dpr: 1, width: 1200, height: 900 });
    await wide.goto(`${env.url}embed-example.html`);
    await ready(wide);
    const sideBySide = await wide.evaluate(() => {
      const [, bars, plumbing] = [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('canvas')].map((c) => c.getBoundingClientRect());
      return Math.abs(bars.top - plumbing.top) < 1 && plumbing.left > bars.right - 1;
    });
    assert.ok(sideBySide, 'bars and plumbing side by side when wide');
    await shot(wide, 'embed-1200-dpr1');

    const dark = await env.newPage({ dpr: 1, width: 1000, height: 900, colorScheme: 'dark' });
    await dark.goto(`${env.url}index.html`);
    await ready(dark);
    const pixel = await dark.evaluate(() => {
      const c = document.querySelector('tape-cast').shadowRoot.querySelector('canvas[part="fan"]');
      return [...c.getContext('2d').getImageData(2, c.height - 2, 1, 1).data];
    });
    assert.ok(pixel[0] < 60 && pixel[1] < 60 && pixel[2] < 60, `dark chart background, got ${pixel}`);
    await shot(dark, 'article-dark');
  });

  test('Chinese: every visible string switches, and the lang attribute re-renders', async () => {
    const page = await env.newPage({ dpr: 2, width: 1000, height: 900 });
    await page.goto(`${env.url}zh.html`);
    await ready(page);
    assert.match(await inner(page, '.summary'), /九成路径/);
    assert.match(await inner(page, '.control label'), /英伟达/);
    assert.match(await inner(page, '.title'), /英伟达/);
    await shot(page, 'article-zh');
    await page.evaluate(() => document.querySelector('tape-cast').setAttribute('lang', 'en'));
    await pollUntil(() => inner(page, '.summary'), (t) => /9 in 10 paths/.test(t), { what: 'English after lang change' });
    // A link from another model version: the reader's note speaks Chinese too.
    await page.goto(`${env.url}zh.html#story=nov-2025.s1.m0,surprise:3`);
    await page.reload();
    await ready(page);
    assert.match(await inner(page, '.notes'), /由其他版本生成/);
    // Bad attributes on a Chinese page: every note is Chinese, the value shown as typed.
    // (Eager: below the article, it would otherwise wait to be scrolled to.)
    await addWidget(page, { shortfall: '99999999', surprise: 'lots', 'cut-odds': '', preset: 'moon', asset: 'doge', loading: 'eager' });
    const notes = await inner(page, '.notes', 1);
    assert.match(notes, /准备金缺口不能高于500，已按500计算/);
    assert.match(notes, /英伟达次日涨跌：“lots”不是数字，保留0%/);
    assert.match(notes, /12月降息概率为空，保留40%/);
    assert.match(notes, /preset：“moon”不是本情景的预设/);
    assert.match(notes, /asset：“doge”不是本情景的数据序列/);
    assert.doesNotMatch(notes, /is not|above the|kept the/, 'no English left in a Chinese widget');
    assert.doesNotMatch(notes, /"/, 'Chinese quotes in Chinese notes');
    assert.deepEqual(page.problems.consoleErrors, []);
  });

  test('scenariochange carries the inputs and the headline, and prose follows it', async () => {
    const page = await env.newPage({ width: 1000, height: 900 });
    await page.goto(`${env.url}index.html`);
    await ready(page);
    const before = await page.evaluate(() => document.querySelector('[data-bind="lead"]').textContent);
    const detail = await page.evaluate(() => new Promise((resolve) => {
      const w = document.querySelector('tape-cast');
      w.addEventListener('scenariochange', (e) => resolve(e.detail), { once: true });
      w.value = { surprise: 12, 'cut-odds': 80 };
    }));
    assert.equal(detail.inputs.surprise, 12);
    assert.equal(detail.inputs['cut-odds'], 80);
    assert.equal(detail.inputs['rmp-start'], 'january');
    assert.ok(detail.headline.lead.p5 < detail.headline.lead.p50 && detail.headline.lead.p50 < detail.headline.lead.p95);
    assert.equal(detail.lead, 'spx');
    assert.equal(detail.dates[0], '2025-11-17');
    const after = await pollUntil(() => page.evaluate(() => document.querySelector('[data-bind="lead"]').textContent), (t) => t !== before, { what: 'prose updates' });
    assert.ok(Number(after.replace(/,/g, '')) > Number(before.replace(/,/g, '')), 'a beat and a dovish Fed lift the bound median');
    // The prose writes the median as the widget does: its summary, to the ten the spread supports.
    assert.equal(after, detail.lead_p50);
    assert.match(detail.lead_p50, /^\d,\d\d0$/);
    const summary = await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('.summary').textContent);
    assert.ok(summary.includes(`: ${detail.lead_p50} (`) && summary.includes(`paths ${detail.lead_p5}–${detail.lead_p95}.`), summary);
    assert.deepEqual(await page.evaluate(() => document.querySelector('tape-cast').value),
      { surprise: 12, 'cut-odds': 80, shortfall: 150, 'rmp-start': 'january', 'rmp-pace': 45 });
  });

  test('the numbers printed in the article are the model\'s, so readers without JavaScript read the same story', async () => {
    for (const file of ['index.html', 'zh.html']) {
      const page = await env.newPage({ width: 1000, height: 900 });
      await page.goto(`${env.url}${file}`);
      await ready(page);
      const printed = await page.evaluate(async (f) => {
        const doc = new DOMParser().parseFromString(await (await fetch(f)).text(), 'text/html');
        return [...doc.querySelectorAll('[data-bind]')].map((n) => [n.dataset.bind, n.textContent]);
      }, file);
      assert.ok(printed.length >= 5, `${file}: the prose binds its numbers`);
      // Away and back to the as-of inputs, a scenariochange each (the same state sends none), so
      // the prose below is surely the model's.
      await page.evaluate(async () => {
        const w = document.querySelector('tape-cast');
        const asOf = w.value;
        for (const value of [{ ...asOf, surprise: asOf.surprise + 1 }, asOf]) {
          await new Promise((resolve) => {
            w.addEventListener('scenariochange', () => resolve(), { once: true });
            w.value = value;
          });
        }
      });
      const live = await page.evaluate(() => [...document.querySelectorAll('[data-bind]')].map((n) => [n.dataset.bind, n.textContent]));
      assert.deepEqual(printed, live, `${file}: update the printed numbers to the model's as-of projection`);
    }
  });

  test('hostile attributes and fragments give notes, safe values and no script execution', async () => {
    const page = await env.newPage({ width: 1000, height: 900 });
    await page.goto(`${env.url}embed-example.html#tc=nov-2025.s1.m3,surprise:<img src=x onerror=window.__pwned=1>,cut-odds:1e999,shortfall:NaN,rmp-start:<b>,bogus:1`);
    await ready(page);
    await addWidget(page, {
      id: 'hostile',
      surprise: '"><script>window.__pwned=2</script>',
      'cut-odds': '-5e300',
      shortfall: '99999999',
      preset: '<svg onload=window.__pwned=3>',
      asset: 'javascript:alert(1)',
      lang: '"><img src=x>',
      theme: 'url(javascript:1)',
    });
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
    const first = await inner(page, '.notes', 0);
    // A link is followed by a reader: its notes are in the inputs' own words.
    assert.match(first, /Nvidia's next-day move: "<img src=x onerror=window.__pwned=1>" isn't a number — keeping /);
    assert.match(first, /December cut odds: "1e999" isn't a number — keeping /);
    assert.match(first, /Fed reserve purchases: "<b>" isn't one of the choices — keeping /);
    assert.match(first, /input: "bogus" is not an input/);
    const second = await inner(page, '.notes', 1);
    assert.match(second, /December cut odds can't go below 0% — using 0%/);
    assert.match(second, /Reserve shortfall can't exceed 500 — using 500/);
    assert.match(second, /preset: "<svg onload=window.__pwned=3>" is not a preset/);
    assert.match(second, /asset: "javascript:alert\(1\)" is not a series/);
    assert.equal(await value(page, 'shortfall', 1), '500');
    assert.equal(await value(page, 'cut-odds', 1), '0');
    const markup = await page.evaluate(() => [...document.querySelectorAll('tape-cast')].map((w) => w.shadowRoot.querySelectorAll('img, script, svg').length));
    assert.deepEqual(markup, [0, 0], 'no markup from input made it into the DOM');
    for (const n of [0, 1]) assert.doesNotMatch(await inner(page, '.summary', n), /NaN|n\/a|Infinity/);
    assert.deepEqual(page.problems.pageErrors, []);
    assert.deepEqual(page.problems.foreignRequests, []);
  });

  test('axe-core finds no accessibility violations (light and dark)', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await env.newPage({ width: 1000, height: 900, colorScheme });
      await page.goto(`${env.url}index.html`);
      await ready(page);
      await page.addScriptTag({ content: await readFile(AXE, 'utf8') });
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], `${colorScheme}: ${violations.join('\n')}`);
    }
  });

  test('if the wasm cannot load, the widget says so in words', async () => {
    const page = await env.newPage({ width: 800, height: 600 });
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${env.url}embed-example.html`);
    const message = await pollUntil(() => inner(page, '[role="alert"]'), (t) => t !== null, { what: 'a failure message' });
    assert.match(message, /The interactive chart could not start/);
  });

  test('exports: CSV with inputs in header rows, the PNG share card at 1200 × 675', async () => {
    const page = await env.newPage({ dpr: 2, width: 1000, height: 900 });
    await page.goto(`${env.url}embed-example.html`);
    await ready(page);
    const click = (text) => page.evaluate((t) => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('button')].find((b) => b.textContent === t).click(), text);
    const [csv] = await Promise.all([page.waitForEvent('download'), click('CSV')]);
    const text = await readFile(await csv.path(), 'utf8');
    const lines = text.split('\n');
    assert.match(lines[0], /^# tapecast projection,scenario nov-2025 v1,model v3$/);
    assert.match(lines[1], /^# inputs,surprise=0,cut-odds=40,shortfall=150,rmp-start=january,rmp-pace=45$/);
    assert.equal(lines[2], 'date,series,unit,p5,p25,p50,p75,p95');
    assert.equal(lines.filter((l) => l.startsWith('2025-12-31,spx,')).length, 1);
    assert.doesNotMatch(text, /NaN|inf/i);
    // Pinned, then moved: the file carries both states, told apart by a first column.
    await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('button.pin').click());
    await page.evaluate(() => { document.querySelector('tape-cast').value = { surprise: -10 }; });
    const [pinnedCsv] = await Promise.all([page.waitForEvent('download'), click('CSV')]);
    const both = (await readFile(await pinnedCsv.path(), 'utf8')).split('\n');
    assert.match(both[1], /^# inputs,surprise=-10,cut-odds=40,/);
    assert.match(both[2], /^# pinned inputs,surprise=0,cut-odds=40,/);
    assert.equal(both[3], 'state,date,series,unit,p5,p25,p50,p75,p95');
    const spx = (state) => both.find((l) => l.startsWith(`${state},2025-12-31,spx,`));
    assert.ok(spx('live') && spx('pinned') && spx('live') !== spx('pinned'), `${spx('live')} / ${spx('pinned')}`);
    const [png] = await Promise.all([page.waitForEvent('download'), click('PNG')]);
    const bytes = await readFile(await png.path());
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 675], 'the landscape share card');
    assert.ok(bytes.length > 20_000, `a real image (${bytes.length} bytes)`);
  });

  test('share cards in both shapes and languages, for the as-of state and a preset (saved for review)', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const [file, lang] of [['embed-example.html', 'en'], ['zh.html', 'zh']]) {
      const page = await env.newPage({ width: 1000, height: 900 });
      await page.goto(`${env.url}${file}`);
      await ready(page);
      for (const state of ['as-of', 'fed-blinks']) {
        for (const landscape of [true, false]) {
          const card = await page.evaluate(([state, landscape]) => {
            const w = document.querySelector('tape-cast');
            w.widget.set('preset', state);
            const c = document.createElement('canvas');
            const notes = w.widget.card(c, landscape, `${location.href.split('#')[0]}#tc=${w.widget.link()}`, getComputedStyle(w).fontFamily);
            const ctx = c.getContext('2d');
            const corner = [...ctx.getImageData(0, 0, 1, 1).data];
            const distinct = new Set();
            const data = ctx.getImageData(0, 0, c.width, c.height).data;
            for (let i = 0; i < data.length; i += 4 * 97) distinct.add(data[i] << 16 | data[i + 1] << 8 | data[i + 2]);
            return { notes, width: c.width, height: c.height, corner, colours: distinct.size, url: c.toDataURL('image/png') };
          }, [state, landscape]);
          assert.deepEqual(card.notes, []);
          assert.deepEqual([card.width, card.height], landscape ? [1200, 675] : [1080, 1350]);
          assert.deepEqual(card.corner.slice(0, 3), [255, 255, 255], 'padded on the page colour');
          assert.ok(card.colours > 20, `a drawn card (${card.colours} colours)`);
          const name = `card-${lang}-${state}-${landscape ? 'landscape' : 'portrait'}.png`;
          await writeFile(`${SCREENSHOTS}${name}`, Buffer.from(card.url.split(',')[1], 'base64'));
        }
      }
    }
  });
});
