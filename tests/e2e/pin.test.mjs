// tests/e2e/pin.test.mjs — pin and compare: a reader pins a state with the keyboard alone, hears it
// announced, moves an input and sees the pinned fan outlined behind the live one (in other pixels
// than the live fan's), the bars and the summary against the pin; the permalink brings back both
// the pin and the live state; one control clears the pin and the permalink follows. Screenshots at
// 360 and 1280 px, light and dark, English and Chinese, with a pin.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { canvasHash, pollUntil, SCREENSHOTS, setup } from './harness.mjs';

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** The widget on `file` (or a full URL), ready and drawn. */
async function open(env, file, { width = 1280, height = 900, dpr = 1, colorScheme = 'light' } = {}) {
  const page = await env.newPage({ width, height, dpr, colorScheme });
  await page.goto(file.startsWith('http') ? file : `${env.url}${file}`);
  await page.evaluate(() => document.querySelector('tape-cast').scrollIntoView());
  await pollUntil(() => page.evaluate(() => !!document.querySelector('tape-cast[data-ready]')), Boolean, { timeout: 20_000, what: 'widget ready' });
  await settled(page);
  return page;
}

/** Two animation frames and a task: the last redraw is done. */
const settled = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));

/** What the reader's assistive technology and eyes get: the pin toggle, the announcement, the summary. */
const state = (page) => page.evaluate(() => {
  const el = document.querySelector('tape-cast');
  const root = el.shadowRoot;
  const pin = root.querySelector('button.pin');
  return {
    pinName: pin.textContent,
    announce: root.querySelector('.announce').textContent,
    summary: root.querySelector('.summary').textContent,
    pinned: el.pinned,
    value: el.value,
    hash: location.hash,
  };
});

/** Keeps the fan canvas's pixels in the page as `name` (they stay there: moving them out is slow). */
const keepPixels = (page, name) => page.evaluate((n) => {
  const c = document.querySelector('tape-cast').shadowRoot.querySelector('canvas[part="fan"]');
  /** @type {any} */ (window)[n] = c.getContext('2d').getImageData(0, 0, c.width, c.height);
}, name);

/**
 * Compares two kept drawings of the fan in the page: the pixels that differ in the plot (the lower
 * 60%, below the key), and how many of those are within `tol` of the pin's colours (`pin`) and of
 * the live fan's (`live`) in drawing `a`.
 */
const outlinePixels = (page, a, b, colours) => page.evaluate(([a, b, { pin, live }]) => {
  const [x, y] = [/** @type {any} */ (window)[a], /** @type {any} */ (window)[b]];
  const near = (d, i, c, tol) => Math.abs(d[i] - c[0]) + Math.abs(d[i + 1] - c[1]) + Math.abs(d[i + 2] - c[2]) <= tol;
  let differ = 0; let pinColour = 0; let liveColour = 0;
  for (let row = Math.floor(x.height * 0.4); row < x.height; row++) {
    for (let col = 0; col < x.width; col++) {
      const i = (row * x.width + col) * 4;
      if (x.data[i] === y.data[i] && x.data[i + 1] === y.data[i + 1] && x.data[i + 2] === y.data[i + 2]) continue;
      differ++;
      if (pin.some((c) => near(x.data, i, c, 60))) pinColour++;
      if (near(x.data, i, live, 30)) liveColour++;
    }
  }
  return { same: x.width === y.width && x.height === y.height, differ, pinColour, liveColour };
}, [a, b, colours]);

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('pin and compare', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  test('pin with the keyboard, move an input, reload from the permalink, clear the pin', async () => {
    const page = await open(env, 'index.html');
    const theme = await page.evaluate(() => document.querySelector('tape-cast').widget.theme());
    const asOf = await state(page);
    assert.equal(asOf.pinName, 'Pin to compare');
    assert.equal(asOf.pinned, false);
    assert.ok(!asOf.hash.includes('pin.'), asOf.hash);

    // Keyboard only: Tab from the last preset button reaches the pin toggle; Space presses it.
    await page.evaluate(() => { const b = [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('.presets .list button')]; b[b.length - 1].focus(); });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.activeElement?.className), 'pin', 'Tab reaches the pin toggle');
    await page.keyboard.press('Space');
    await settled(page);
    const pinned = await state(page);
    assert.equal(pinned.pinName, 'Clear pin', 'the control now says what it will do');
    assert.equal(await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.activeElement?.className), 'pin', 'focus stays on it');
    assert.equal(pinned.pinned, true);
    assert.match(pinned.announce, /pinned/i, 'the pin is announced');
    assert.match(pinned.hash, /pin\.surprise:/, `the pin is in the permalink: ${pinned.hash}`);
    assert.match(pinned.summary, /Inputs as pinned\./, pinned.summary);

    // Move an input with the keyboard: the live state leaves the pin.
    await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('[data-input="surprise"]').focus());
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
    await pollUntil(() => state(page), (s) => s.value.surprise !== asOf.value.surprise && s.hash.includes(`surprise:${s.value.surprise}`), { what: 'the moved input in the permalink' });
    await page.waitForTimeout(800); // the summary's announcement settles after 700 ms
    await settled(page);
    const moved = await state(page);
    assert.ok(moved.value.surprise < asOf.value.surprise, JSON.stringify(moved.value));
    assert.match(moved.hash, new RegExp(`pin\\.surprise:${asOf.value.surprise}(,|&|$)`), `the pin keeps the pinned value: ${moved.hash}`);
    assert.match(moved.summary, /Median [+−]\S+ vs pinned [\d,]+\. Changed: “Nvidia's next-day move”\.$/, moved.summary);
    assert.ok(moved.summary.split(/\s+/).length <= 30, moved.summary);
    await keepPixels(page, 'withPin');
    const withPinHash = await canvasHash(page);

    // The permalink brings back both states, and draws the same fan.
    const again = await open(env, await page.evaluate(() => location.href));
    const back = await state(again);
    assert.deepEqual(back.value, moved.value, 'the live state comes back');
    assert.equal(back.pinned, true, 'the pin comes back');
    assert.equal(back.pinName, 'Clear pin');
    assert.equal(back.summary, moved.summary);
    assert.equal(await canvasHash(again), withPinHash, 'the same fan, outline and all');

    // One control clears the pin: the outline goes, the permalink follows, the reader hears it.
    await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('button.pin').focus());
    await page.keyboard.press('Enter');
    await settled(page);
    const cleared = await state(page);
    assert.equal(cleared.pinName, 'Pin to compare');
    assert.equal(cleared.pinned, false);
    assert.match(cleared.announce, /cleared/i);
    assert.ok(!cleared.hash.includes('pin.'), cleared.hash);
    assert.match(cleared.hash, new RegExp(`surprise:${moved.value.surprise}`), 'the live state stays in the permalink');
    assert.ok(!cleared.summary.includes('pinned'), cleared.summary);
    await keepPixels(page, 'without');

    // The outline: pixels that differ between the pinned and the unpinned drawing of the same live
    // state, in the plot (below the key), drawn in the pin's colours, not the live fan's.
    const o = await outlinePixels(page, 'withPin', 'without', { pin: [rgb(theme.text), rgb(theme.muted)], live: rgb(theme.accent) });
    assert.ok(o.same, 'the same canvas size');
    const outline = o.differ;
    const [pinColour, liveColour] = [o.pinColour, o.liveColour];
    assert.ok(outline > 300, `the outline changes ${outline} pixels of the plot`);
    assert.ok(pinColour > outline * 0.3, `${pinColour} of ${outline} outline pixels are in the pin's colours`);
    assert.ok(liveColour < outline * 0.05, `${liveColour} of ${outline} outline pixels look like the live fan`);
    assert.deepEqual([...page.problems.pageErrors, ...again.problems.pageErrors], []);
  });

  test('an old permalink without a pin still loads, unpinned', async () => {
    const page = await open(env, 'index.html#story=nov-2025.s1.m3,surprise:-3.5,cut-odds:40,shortfall:350,rmp-start:none,rmp-pace:0');
    const s = await state(page);
    assert.equal(s.pinned, false);
    assert.equal(s.value.surprise, -3.5);
    assert.equal(s.value.shortfall, 350);
    const notes = await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('.notes')?.textContent ?? '');
    assert.equal(notes.trim(), '', 'no note for an old link');
  });

  test('the bars and the table compare against the pin; axe finds nothing to fix while pinned', async () => {
    const page = await open(env, 'index.html');
    await page.evaluate(() => { const el = document.querySelector('tape-cast'); el.pin(); el.value = { 'cut-odds': 90 }; });
    await settled(page);
    await page.addScriptTag({ content: await readFile(AXE, 'utf8') });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], violations.join('\n'));
    const table = await page.evaluate(async () => {
      const root = document.querySelector('tape-cast').shadowRoot;
      root.querySelector('.more-toggle').click();
      const b = [...root.querySelectorAll('.tools button')][0];
      b.click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return [...root.querySelectorAll('table th')].map((th) => th.textContent);
    });
    assert.ok(table.includes('Pinned 50%'), JSON.stringify(table));
    const detail = await page.evaluate(() => new Promise((r) => {
      const el = document.querySelector('tape-cast');
      el.addEventListener('scenariochange', (e) => r(e.detail), { once: true });
      el.value = { 'cut-odds': 80 };
    }));
    assert.equal(detail.pinned['cut-odds'], 40, JSON.stringify(detail.pinned));
    assert.equal(detail.inputs['cut-odds'], 80);
  });

  test('screenshots with a pin: 360 and 1280 px, light and dark, English and Chinese', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const file of ['index.html', 'zh.html']) {
      for (const colorScheme of ['light', 'dark']) {
        for (const width of [360, 1280]) {
          const page = await open(env, file, { width, height: 900, dpr: 2, colorScheme });
          await page.evaluate(() => {
            const el = document.querySelector('tape-cast');
            el.pin();
            el.value = { surprise: -12, 'cut-odds': 70 };
            const root = el.shadowRoot;
            root.querySelector('.more-toggle').click();
          });
          await settled(page);
          await page.waitForTimeout(100);
          await settled(page);
          const name = `pin-${file.replace('.html', '')}-${colorScheme}-${width}`;
          const path = `${SCREENSHOTS}${name}.png`;
          await page.locator('tape-cast').screenshot({ path });
          for (const part of ['fan', 'bars']) {
            await page.locator(`tape-cast canvas[part="${part}"]`).screenshot({ path: path.replace('.png', `-${part}.png`) });
          }
          assert.deepEqual(page.problems.pageErrors, []);
        }
      }
    }
  });
});
