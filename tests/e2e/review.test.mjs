// tests/e2e/review.test.mjs — what a graphics desk's review sent back, checked as a reader meets it:
// the demo article without JavaScript shows the still chart where the widget would be (no empty
// box), and phones get the phone-sized still picture; on a touch screen the help toggle takes a
// finger; what the prose says about the bands is what the widget draws; a
// bad permalink is explained in the reader's words; the charts' accessible names punctuate in Chinese.
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

  test('on a touch screen the help toggle takes a finger (18 px circle, 37 × 44 px to touch), and the layout does not move', async () => {
    for (const file of ['index.html', 'zh.html', 'story.html']) {
      const heights = [];
      for (const hasTouch of [false, true]) {
        const context = await env.browser.newContext({ viewport: { width: 360, height: 1400 }, hasTouch, isMobile: hasTouch, deviceScaleFactor: 2 });
        const page = await context.newPage();
        await page.goto(`${env.url}${file}`);
        await page.waitForFunction(() => document.querySelector('tape-cast')?.hasAttribute('data-ready'), null, { timeout: 20_000 });
        const m = await page.evaluate(() => {
          const host = document.querySelector('tape-cast');
          const root = host.shadowRoot;
          const out = [];
          for (const e of root.querySelectorAll('.about')) {
            e.scrollIntoView({ block: 'center' });
            const b = e.getBoundingClientRect();
            const [x, y] = [b.left + b.width / 2, b.top + b.height / 2];
            // A finger up to 15 px left of the circle's centre, 18 px right, 16 px up or down still
            // lands on it (in Chinese the next control's toggle sits 37 px below: the two areas meet).
            const misses = [[-15, 0], [18, 0], [0, -16], [0, 16]].filter(([dx, dy]) => {
              const hit = root.elementFromPoint(x + dx, y + dy);
              return !(hit === e || (dy > 0 && hit?.classList.contains('about') && hit.getBoundingClientRect().top > b.top));
            });
            if (misses.length) out.push(`${e.getAttribute('aria-label')}: ${b.width.toFixed(0)}×${b.height.toFixed(0)}, misses ${JSON.stringify(misses)}`);
          }
          return { misses: out, height: host.getBoundingClientRect().height };
        });
        if (hasTouch) assert.deepEqual(m.misses, [], `${file}: help toggles a finger can miss`);
        heights.push(m.height);
        await context.close();
      }
      assert.equal(heights[1], heights[0], `${file}: the widget is as tall with touch as without`);
    }
  });

  test('the prose says of the bands what the widget draws: a miss lowers the median and widens the range on both sides', async () => {
    const page = await env.newPage({ width: 1280, height: 900 });
    await page.goto(`${env.url}index.html`);
    await page.waitForFunction(() => document.querySelector('tape-cast')?.hasAttribute('data-ready'), null, { timeout: 20_000 });
    /** The S&P 500's year-end percentiles for a state (`preset`, or inputs over the current ones). */
    const lead = (state) => page.evaluate((state) => new Promise((resolve) => {
      const el = document.querySelector('tape-cast');
      el.addEventListener('scenariochange', (e) => resolve(e.detail.headline.lead), { once: true });
      if (state.preset) el.setAttribute('preset', state.preset);
      else el.value = state;
    }), state);
    // Only a new state fires: leave the as-of case the page loads in, then come back to it.
    await lead({ preset: 'nvda-delivers' });
    const asOf = await lead({ preset: 'as-of' });
    const misses = await lead({ preset: 'nvda-misses' });
    await lead({ preset: 'as-of' });
    const miss = await lead({ surprise: -10 });
    const width = (b) => b.p95 - b.p5;
    const sides = (b) => ({ below: b.p50 - b.p5, above: b.p95 - b.p50 });
    // Story step 3: the range widens around a lower median; it fans out below only if the lower side is the wider.
    const story = await (await page.request.get(`${env.url}story.html`)).text();
    const step3 = story.slice(story.indexOf('data-preset="nvda-misses"'), story.indexOf('data-preset="2019-replay"'));
    assert.ok(misses.p50 < asOf.p50 && width(misses) > 1.2 * width(asOf), JSON.stringify({ asOf, misses }));
    if (/below the median/.test(step3)) {
      assert.ok(sides(misses).below > 1.2 * sides(misses).above, `story step 3 says the bands fan out below the median: ${JSON.stringify(sides(misses))}`);
    }
    // The article's 'How to read it': a miss alone moves the middle (the median) as well as widening the range.
    const article = await (await page.request.get(`${env.url}index.html`)).text();
    assert.ok(miss.p50 < asOf.p50 - 50 && width(miss) > width(asOf), JSON.stringify({ asOf, miss }));
    assert.doesNotMatch(article.replace(/\s+/g, ' '), /miss also widens the range of paths without moving its middle/, `a miss of 10% moves the median from ${asOf.p50} to ${miss.p50}`);
  });

  test('the article calls the 5–95% range a share of simulated paths (not chances), and gives the signed spread without "above" or 高, and says the bound numbers are the controls\' case, not the 17 Nov one', async () => {
    const page = await env.newPage({ width: 360, height: 800 });
    const en = (await (await page.request.get(`${env.url}index.html`)).text()).replace(/\s+/g, ' ');
    const zh = (await (await page.request.get(`${env.url}zh.html`)).text()).replace(/\s+/g, ' ');
    assert.doesNotMatch(en, /chances in ten/, 'the widget says "9 in 10 paths": a model\'s paths, not odds');
    assert.match(en, /nine in ten of its simulated paths ending between <span data-bind="lead-lo">/);
    assert.doesNotMatch(zh, /把握/, '九成把握 reads as confidence; the widget says 九成路径');
    assert.match(zh, /九成模拟路径落在<span data-bind="lead-lo">/);
    // The bound numbers follow the controls: a lead-in naming the 17 Nov case is wrong once a slider moves.
    assert.match(en, /<p>With the controls where they stand now, the model puts/);
    assert.doesNotMatch(en, /as it stood, the model puts/);
    assert.match(zh, /<p>按控件当前的设定，模型给出的/);
    assert.doesNotMatch(zh, /按当时的状况/);
    // The bound spread carries its own sign (+32, or −5 with ample reserves): "+32 bp above" says it twice.
    assert.doesNotMatch(en, /data-bind="spread">[^<]*<\/span> bp above/);
    assert.doesNotMatch(zh, /高<span data-bind="spread">/);
    assert.match(en, /SOFR minus the interest on reserves/);
    assert.match(zh, /SOFR减准备金利率/);
    // The peak's day stays with its month, printed and live.
    assert.match(en, /data-bind="spread-day">31&nbsp;Dec</);
    await page.goto(`${env.url}index.html`);
    await page.evaluate(() => document.querySelector('tape-cast').scrollIntoView());
    await page.waitForFunction(() => document.querySelector('tape-cast')?.hasAttribute('data-ready'), null, { timeout: 20_000 });
    await page.evaluate(() => new Promise((resolve) => {
      const w = document.querySelector('tape-cast');
      w.addEventListener('scenariochange', () => resolve(), { once: true });
      w.value = { shortfall: 300 };
    }));
    assert.match(await page.evaluate(() => document.querySelector('[data-bind="spread-day"]').textContent), /^\d+\u00a0[A-Z][a-z]{2}$/);
    // A line break in Chinese source shows as a space between Chinese characters: none inside a paragraph.
    for (const file of ['zh.html', 'story.zh.html']) {
      const text = await (await page.request.get(`${env.url}${file}`)).text();
      const broken = [...text.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].filter((m) => m[1].includes('\n')).map((m) => m[1].slice(0, 40));
      assert.deepEqual(broken, [], `${file}: paragraphs with a line break in them`);
    }
  });

  test('a bad permalink is explained in the reader\'s words, the author\'s on the console', async () => {
    for (const [file, expected, author] of [
      ['index.html', [/^Nvidia's next-day move: "abc" isn't a number — keeping 0%$/, /^December cut odds can't exceed 100% — using 100%$/,
        /^Reserve shortfall can't go below 0 — using 0$/, /^Fed reserve purchases: "weekly" isn't one of the choices — keeping From January$/],
        [/cut-odds: 140 is above the maximum 100 \(used 100\)/, /rmp-start: "weekly" is not one of none, december, january/]],
      ['zh.html', [/^英伟达次日涨跌：“abc”不是数字，保留0%$/, /^12月降息概率不能高于100%，已按100%计算$/,
        /^准备金缺口不能低于0，已按0计算$/, /^美联储准备金管理购债：“weekly”不是可选项，保留“1月起”$/],
        [/cut-odds：140 高于最大值 100/, /rmp-start：“weekly”不是可选项（可选：none, december, january）/]],
    ]) {
      const page = await env.newPage({ width: 360, height: 800 });
      const warnings = [];
      page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
      await page.goto(`${env.url}${file}#story=nov-2025.s1.m3,surprise:abc,cut-odds:140,shortfall:-5,rmp-start:weekly`);
      await page.waitForFunction(() => document.querySelector('tape-cast')?.hasAttribute('data-ready'), null, { timeout: 20_000 });
      const notes = await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('.notes p')].map((p) => p.textContent));
      assert.equal(notes.length, expected.length, `${file}: ${JSON.stringify(notes)}`);
      expected.forEach((re, i) => assert.match(notes[i], re, file));
      // The value a note says it kept is the one the number box shows (not the caption's `+0.0`).
      const box = await page.evaluate(() => /** @type {HTMLInputElement} */ (document.querySelector('tape-cast').shadowRoot.querySelector('[data-number="surprise"]')).value);
      assert.ok(notes[0].endsWith(`${box}%`), `${file}: the note keeps what the box shows (${box}): ${notes[0]}`);
      assert.ok(notes.every((n) => !/cut-odds|rmp-start|shortfall:|surprise:/.test(n)), `${file}: no attribute names for the reader: ${JSON.stringify(notes)}`);
      // The author still finds which part of the link, what value and what was expected.
      for (const re of author) assert.ok(warnings.some((w) => re.test(w)), `${file}: ${warnings.join('\n')}`);
    }
  });

  test('in Chinese a chart\'s accessible name and its description are joined as Chinese sentences are', async () => {
    const page = await env.newPage({ width: 1280, height: 900 });
    await page.goto(`${env.url}zh.html`);
    await page.waitForFunction(() => document.querySelector('tape-cast')?.hasAttribute('data-ready'), null, { timeout: 20_000 });
    const names = await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('canvas[role="img"]')].map((c) => c.getAttribute('aria-label')));
    assert.equal(names.length, 3);
    for (const name of names) {
      assert.match(name, /^[^.。]+。\S/, name);
      assert.doesNotMatch(name, /[\u4e00-\u9fff]\. /, `no Latin full stop after Chinese: ${name}`);
    }
  });
});
