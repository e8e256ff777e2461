// tests/e2e/slice.test.mjs — the first vertical slice in real Chromium: dist/index.html loads cleanly,
// each range responds to the keyboard (its number box, canvas pixels, summary all change), HiDPI backing store.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { canvasHash, pollUntil, setup, shot } from './harness.mjs';

const INPUTS = ['surprise', 'cut-odds', 'shortfall'];
const DPR = 2;

describe('tapecast slice (dist/index.html)', () => {
  let env, page;

  // Playwright CSS locators pierce open shadow roots.
  const range = (id) => page.locator(`tape-cast input[type="range"][data-input="${id}"]`);
  // One value display per input: the number box beside the range.
  const output = (id) => page.locator(`tape-cast input[type="number"][data-number="${id}"]`);
  const summary = () => page.locator('tape-cast p.summary');
  const state = async (id) => ({
    value: await range(id).inputValue(),
    output: (await output(id).inputValue()).trim(),
    summary: (await summary().textContent()).trim(),
    hash: await canvasHash(page),
  });
  const allChanged = (before) => (s) => s.output !== before.output && s.summary !== before.summary && s.hash !== before.hash;

  before(async () => {
    env = await setup();
    page = await env.newPage({ dpr: DPR, width: 1000, height: 900 });
    await page.goto(env.url, { waitUntil: 'load' });
    await page.locator('tape-cast[data-ready]').waitFor({ state: 'attached', timeout: 20_000 });
  });
  after(async () => { await env?.teardown(); });

  test('one <tape-cast> with an open shadow root and the DOM contract', async () => {
    const shape = await page.evaluate((ids) => {
      const hosts = document.querySelectorAll('tape-cast');
      const root = hosts[0]?.shadowRoot;
      return {
        hosts: hosts.length,
        open: !!root,
        ranges: ids.map((id) => !!root?.querySelector(`input[type="range"][data-input="${id}"]`)),
        numbers: ids.map((id) => !!root?.querySelector(`input[type="number"][data-number="${id}"]`)),
        outputs: root?.querySelectorAll('output').length,
        canvases: root?.querySelectorAll('canvas[part="fan"]').length,
        // The summary is not a live region (it changes every frame of a drag); one status line
        // announces it once the reader settles.
        summaryLive: root?.querySelector('p.summary')?.getAttribute('aria-live') ?? null,
        announcer: root?.querySelectorAll('[role="status"].announce').length,
      };
    }, INPUTS);
    assert.deepEqual(shape, {
      hosts: 1, open: true, ranges: [true, true, true], numbers: [true, true, true], outputs: 0, canvases: 1, summaryLive: null, announcer: 1,
    });
  });

  test('page loads with no console errors, page errors, failed or off-origin requests', () => {
    assert.deepEqual(page.problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  });

  for (const id of INPUTS) {
    test(`keyboard on the ${id} range updates its number box, chart and summary`, async () => {
      const r = range(id);
      const max = await r.getAttribute('max');
      const start = await state(id);
      assert.ok(start.output.length > 0, `input[data-number=${id}] is empty`);
      assert.notEqual(start.value, max ?? '100', `${id} starts at its max; ArrowRight cannot move it`);

      await r.focus();
      assert.equal(await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.activeElement?.dataset.input), id);
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      const stepped = await pollUntil(() => state(id), allChanged(start), { what: `${id} ArrowRight to redraw` });
      assert.ok(Number(stepped.value) > Number(start.value), `${id} value did not increase`);

      await page.keyboard.press('End');
      const top = max ?? '100';
      const atEnd = await pollUntil(() => state(id), (s) => s.value === top, { what: `${id} End to reach ${top}` });
      if (stepped.value !== top) {
        await pollUntil(() => state(id), (s) => s.output !== stepped.output && s.summary !== stepped.summary && s.hash !== stepped.hash,
          { what: `${id} End to change number box, summary and chart` });
      }
      assert.equal(atEnd.value, top);
    });
  }

  test(`canvas backing store is CSS size x ${DPR} at deviceScaleFactor ${DPR}`, async () => {
    const measure = () => page.evaluate(() => {
      const c = document.querySelector('tape-cast').shadowRoot.querySelector('canvas[part="fan"]');
      const b = c.getBoundingClientRect();
      return { width: c.width, height: c.height, cssWidth: b.width, cssHeight: b.height, dpr: devicePixelRatio };
    });
    const ok = (m) => m.width === Math.round(m.cssWidth * DPR) && m.height === Math.round(m.cssHeight * DPR);
    const m = await pollUntil(measure, ok, { what: 'canvas backing store to match CSS size x DPR' });
    assert.equal(m.dpr, DPR);
    assert.ok(m.cssWidth > 0 && m.cssHeight > 0, 'canvas has no CSS size');
  });

  test('screenshot target/screenshots/slice-dpr2.png', async () => {
    const path = await shot(page, 'slice-dpr2');
    assert.match(path, /slice-dpr2\.png$/);
  });

  test('no errors after interaction', () => {
    assert.deepEqual(page.problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  });
});
