// tests/e2e/chart-labels.test.mjs — chart labels as Chromium draws them. The cross-asset bars name
// every series whole: on phones (320 and 360 px) each English name stands on its own line over its
// bar, and at 1280 px beside it; in English and Chinese, with and without a pin, every name is drawn
// whole (never cut with "…"), and no text on the bars canvas leaves it or touches another, by the
// browser's own text metrics. The fan's horizon value has its day written by it, and both are the
// summary's. Screenshots of the bars and fan panels for a look.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mkdir, readFile } from 'node:fs/promises';
import { pollUntil, SCREENSHOTS, setup } from './harness.mjs';

const SCENARIO = JSON.parse(await readFile(new URL('../../src/scenario/default.json', import.meta.url), 'utf8'));

/** Records, per chart canvas (by its part), the last drawing's fillText texts and their boxes in backing pixels. */
function record() {
  const proto = CanvasRenderingContext2D.prototype;
  const { fillText, fillRect } = proto;
  const part = (ctx) => ctx.canvas.getAttribute?.('part');
  /** @type {Record<string, { text: string, box: number[] }[]>} */
  const texts = {};
  window.chartTexts = texts;
  proto.fillText = function (text, x, y, ...rest) {
    const m = this.measureText(text);
    const box = [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent, x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent];
    (texts[part(this)] ??= []).push({ text, box });
    return fillText.call(this, text, x, y, ...rest);
  };
  // The background filled over the whole canvas starts a new drawing.
  proto.fillRect = function (x, y, w, h) {
    if (x <= 0 && y <= 0 && w >= this.canvas.width - 1 && h >= this.canvas.height - 1) texts[part(this)] = [];
    return fillRect.call(this, x, y, w, h);
  };
}

/** Two animation frames and a task: the last redraw is done. */
const settled = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));

describe('chart labels', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  test('every series is named whole, and no text leaves the canvas or touches another, at 320, 360 and 1280 px, en and zh, pinned or not', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const [file, lang] of [['index.html', 'en'], ['zh.html', 'zh']]) {
      const names = SCENARIO.assets.map((a) => a.label[lang]);
      for (const width of [320, 360, 1280]) {
        for (const pinned of [false, true]) {
          const colorScheme = pinned ? 'dark' : 'light';
          const page = await env.newPage({ width, height: 900, dpr: 2, colorScheme });
          await page.addInitScript(record);
          await page.goto(`${env.url}${file}`);
          await pollUntil(() => page.evaluate(() => !!document.querySelector('tape-cast[data-ready]')), Boolean, { timeout: 20_000, what: 'widget ready' });
          await page.evaluate((pin) => {
            const el = document.querySelector('tape-cast');
            if (pin) {
              el.pin();
              el.value = { surprise: -12, 'cut-odds': 70 };
            }
            el.shadowRoot.querySelector('.more-toggle').click();
          }, pinned);
          const drawn = await pollUntil(() => page.evaluate(() => {
            const c = document.querySelector('tape-cast').shadowRoot.querySelector('canvas[part="bars"]');
            const texts = window.chartTexts.bars ?? [];
            return { texts, w: c.width, h: c.height, css: c.getBoundingClientRect().height, values: texts.filter((t) => /^Δ/.test(t.text)).length };
          }), (d) => d.css > 100 && d.texts.length > names.length && (!pinned || d.values === names.length), { what: 'the bars drawn' });
          await settled(page);
          const { texts, w, h, css } = await page.evaluate(() => {
            const c = document.querySelector('tape-cast').shadowRoot.querySelector('canvas[part="bars"]');
            return { texts: window.chartTexts.bars ?? [], w: c.width, h: c.height, css: c.getBoundingClientRect().height };
          });
          const at = `${file} ${width} px${pinned ? ' pinned' : ''}`;
          console.log(`# ${at}: bars panel ${Math.round(css)} px tall, ${texts.length} texts`);
          assert.ok(drawn.texts.length > 0);
          assert.deepEqual(texts.filter((t) => t.text.includes('…')).map((t) => t.text), [], `${at}: nothing is cut`);
          const boxes = names.map((n) => {
            const t = texts.find((x) => x.text === n);
            assert.ok(t, `${at}: "${n}" is not drawn whole: ${JSON.stringify(texts.map((x) => x.text))}`);
            return t.box;
          });
          for (const { text, box } of texts) {
            assert.ok(box[0] >= -1 && box[1] >= -1 && box[2] <= w + 1 && box[3] <= h + 1, `${at}: "${text}" leaves the canvas (${box} in ${w}×${h})`);
          }
          for (let i = 0; i < texts.length; i++) {
            for (let j = i + 1; j < texts.length; j++) {
              const [a, b] = [texts[i].box, texts[j].box];
              const overlap = a[0] + 0.5 < b[2] && b[0] + 0.5 < a[2] && a[1] + 0.5 < b[3] && b[1] + 0.5 < a[3];
              assert.ok(!overlap, `${at}: "${texts[i].text}" touches "${texts[j].text}"`);
            }
          }
          // Stacked, the names share a left edge; beside their bars, a right edge.
          const same = (k) => boxes.every((b) => Math.abs(b[k] - boxes[0][k]) <= 2.5);
          const stacked = same(0) && !same(2);
          assert.ok(stacked || same(2), `${at}: names neither stacked nor in a column`);
          if (width === 1280) assert.ok(!stacked, `${at}: beside the bars on a wide screen`);
          if (width <= 360 && lang === 'en') assert.ok(stacked, `${at}: over the bars on a phone`);
          const name = `bars-${lang}-${colorScheme}-${width}${pinned ? '-pinned' : ''}`;
          await page.locator('tape-cast canvas[part="bars"]').screenshot({ path: `${SCREENSHOTS}${name}.png` });
          assert.deepEqual(page.problems.pageErrors, []);
          await page.context().close();
        }
      }
    }
  });

  test("the fan's horizon value has its day by it, and both are the summary's, at 360 and 1280 px, en and zh", async () => {
    for (const [file, colon] of [['index.html', ': '], ['zh.html', '：']]) {
      for (const width of [360, 1280]) {
        const page = await env.newPage({ width, height: 900, dpr: 2 });
        await page.addInitScript(record);
        await page.goto(`${env.url}${file}`);
        await pollUntil(() => page.evaluate(() => !!document.querySelector('tape-cast[data-ready]')), Boolean, { timeout: 20_000, what: 'widget ready' });
        await settled(page);
        const { texts, summary } = await page.evaluate(() => ({
          texts: window.chartTexts.fan ?? [],
          summary: document.querySelector('tape-cast').shadowRoot.querySelector('.summary')?.textContent ?? '',
        }));
        // The summary's "31 Dec: 6,657": the day and the value it gives for the horizon.
        const [, day, value] = summary.match(new RegExp(`[,，] ?([^,，:：]+)${colon}([−\\d,.]+%?)`)) ?? [];
        const at = `${file} ${width} px`;
        assert.ok(day && value, `${at}: the summary gives a day and a value: ${summary}`);
        const v = texts.find((t) => t.text === value);
        assert.ok(v, `${at}: the fan draws the summary's ${value}: ${JSON.stringify(texts.map((t) => t.text))}`);
        const by = texts.filter((t) => t.text === day && Math.abs(t.box[0] - v.box[0]) <= 3 && (Math.abs(v.box[1] - t.box[3]) < 12 || Math.abs(t.box[1] - v.box[3]) < 12));
        assert.equal(by.length, 1, `${at}: ${value} has "${day}" written over or under it: ${JSON.stringify(texts)}`);
        await page.locator('tape-cast canvas[part="fan"]').screenshot({ path: `${SCREENSHOTS}fan-horizon-${file.replace('.html', '')}-${width}.png` });
        assert.deepEqual(page.problems.pageErrors, []);
        await page.context().close();
      }
    }
  });
});
