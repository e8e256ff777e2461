// tests/e2e/frames.test.mjs — what a drag frame changes: while a reader drags a slider only the
// dragged input's display (its Δ chip and spoken value) and the fan change; the summary, the
// chart's accessible name, the other charts, the article's bound prose (`scenariochange`) and the
// cues follow when the reader pauses or lets go — and then they all do. A drag frame lays out
// only the dragged control's parts, not the widget around them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { canvasHash, pollUntil, setup, shot } from './harness.mjs';

/** How long after the last input the shell's pause redraw comes (scheduler.js: FrameScheduler.drag). */
const PAUSE_MS = 150;

/**
 * Watches the widget's shadow root and the page around it: every DOM change, labelled by what
 * changed, with how long after the reader's latest `input` it came; every drawing of a canvas
 * (`canvas[part=…] drawn`: the wasm takes the canvas's context at the start of each drawing, and
 * sizes the canvas only when its size changed); and every `scenariochange`.
 */
const watch = (page) => page.evaluate(() => {
  const host = document.querySelector('tape-cast');
  const root = host.shadowRoot;
  const state = { lastInput: -Infinity, released: false, changes: [], events: [] };
  window.__frames = state;
  root.addEventListener('input', () => { state.lastInput = performance.now(); console.timeStamp('tapecast-input'); }, true);
  const label = (n) => {
    if (n.nodeType !== 1) return `text in ${label(n.parentNode)}`;
    const control = n.closest?.('.control')?.querySelector('[data-input]')?.dataset.input;
    return `${n.localName}${n.className && typeof n.className === 'string' ? `.${n.className.split(' ')[0]}` : ''}${n.getAttribute('part') ? `[part=${n.getAttribute('part')}]` : ''}${control ? ` of ${control}` : ''}`;
  };
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (...args) {
    if (root.contains(this)) state.changes.push({ what: `canvas[part=${this.getAttribute('part')}] drawn`, since: performance.now() - state.lastInput, released: state.released });
    return getContext.apply(this, args);
  };
  const seen = new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      state.changes.push({ what: `${label(r.target)} ${r.type}${r.attributeName ? ` ${r.attributeName}` : ''}`, since: now - state.lastInput, released: state.released });
    }
  });
  const all = { subtree: true, attributes: true, characterData: true, childList: true };
  seen.observe(root, all);
  seen.observe(document.body, all);
  document.addEventListener('scenariochange', (e) => {
    state.events.push({ surprise: e.detail.inputs.surprise, since: performance.now() - state.lastInput, released: state.released });
  });
});

const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const summary = (page) => page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('.summary').textContent);

describe('drag frames: only the dragged input and the fan change until the reader pauses', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  for (const width of [1280, 360]) {
    test(`at ${width} px: a mouse drag of the surprise slider`, async () => {
      const page = await env.newPage({ dpr: 2, width, height: 900 });
      await page.goto(`${env.url}index.html`);
      await page.evaluate(() => document.querySelector('tape-cast').scrollIntoView());
      await pollUntil(() => page.evaluate(() => !!document.querySelector('tape-cast[data-ready]')), Boolean, { timeout: 20_000, what: 'widget ready' });
      // In the article's column the other charts are a tap away: open them, so that they are drawn.
      const more = page.locator('tape-cast .more-toggle');
      if (await more.isVisible()) await more.click();
      await new Promise((r) => setTimeout(r, 600)); // the first redraws and the cues' idle work
      await frame(page);
      const before = {
        summary: await summary(page),
        bars: await canvasHash(page, 'canvas[part="bars"]'),
        fan: await canvasHash(page, 'canvas[part="fan"]'),
        prose: await page.evaluate(() => document.querySelector('[data-bind="lead"]')?.textContent ?? null),
      };
      await watch(page);

      const range = page.locator('tape-cast input[type=range][data-input="surprise"]');
      // Centred in the window, clear of the sticky chart (a range "in view" may sit under it).
      await range.evaluate((r) => r.closest('.control').scrollIntoView({ block: 'center' }));
      await frame(page);
      const box = await range.boundingBox();
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width * 0.5, y);
      await page.mouse.down();
      // A performance trace of the moves (the press, which focuses the range, comes before it).
      await env.browser.startTracing(page, { categories: ['devtools.timeline'] });
      for (let i = 1; i <= 24; i++) {
        await page.mouse.move(box.x + box.width * (0.5 + (0.4 * i) / 24), y);
        await frame(page);
      }
      const trace = JSON.parse((await env.browser.stopTracing()).toString()).traceEvents;
      await page.evaluate(() => { window.__frames.released = true; });
      await page.mouse.up();

      // After the release: the summary, the other charts (redrawn; the repo plumbing does not depend
      // on the surprise), the chart's name and the prose follow.
      const after = await pollUntil(async () => ({
        summary: await summary(page),
        bars: await canvasHash(page, 'canvas[part="bars"]'),
        fan: await canvasHash(page, 'canvas[part="fan"]'),
        events: await page.evaluate(() => window.__frames.events.length),
        plumbingDrawn: await page.evaluate(() => window.__frames.changes.filter((c) => c.what === 'canvas[part=plumbing] drawn').length),
      }), (s) => s.summary !== before.summary && s.bars !== before.bars && s.plumbingDrawn > 0 && s.events > 0,
      { what: 'summary, bars, plumbing and scenariochange after the drag', timeout: 10_000 });
      assert.notEqual(after.fan, before.fan, 'the fan moved');
      const state = await page.evaluate(() => window.__frames);
      const value = Number(await range.inputValue());
      assert.equal(state.events.at(-1).surprise, value, 'the last scenariochange carries the released value');
      if (before.prose !== null) {
        await pollUntil(() => page.evaluate(() => document.querySelector('[data-bind="lead"]').textContent), (t) => t !== before.prose, { what: 'the prose bound to the widget' });
      }
      const label = await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('canvas[part="fan"]').getAttribute('aria-label'));
      assert.ok(label.endsWith(after.summary), 'the fan\'s accessible name carries the new summary');

      // During the drag, within the pause after each input, only these changed.
      const allowed = new Set([
        'canvas[part=fan] drawn', 'canvas[part=fan] attributes width', 'canvas[part=fan] attributes height',
        'span.delta of surprise childList', 'input of surprise attributes aria-valuetext',
      ]);
      const during = state.changes.filter((c) => !c.released);
      const early = during.filter((c) => c.since < PAUSE_MS - 1 && !allowed.has(c.what));
      assert.deepEqual([...new Set(early.map((c) => c.what))], [], 'nothing but the dragged input and the fan changes in a drag frame');
      assert.ok(during.filter((c) => c.what === 'canvas[part=fan] drawn').length >= 10, 'the fan was redrawn as the slider moved');
      assert.ok(during.some((c) => c.what === 'input of surprise attributes aria-valuetext'), 'the dragged range says its new value');
      const eventsDuring = state.events.filter((e) => !e.released && e.since < PAUSE_MS - 1);
      // A drag frame lays out the dragged control's range, number box and track (its chip), each
      // on its own, not the page or the widget around them (styles.js: size and layout containment).
      const inputs = trace.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'tapecast-input').map((e) => e.ts);
      const dragLayouts = trace.filter((e) => e.name === 'Layout' && e.args?.endData?.layoutRoots).filter((e) => {
        const last = inputs.filter((t) => t <= e.ts).at(-1);
        return last !== undefined && e.ts - last < (PAUSE_MS - 1) * 1000;
      });
      assert.ok(dragLayouts.length >= 10, `the drag frames were laid out (${dragLayouts.length} layouts)`);
      const roots = [...new Set(dragLayouts.flatMap((e) => e.args.endData.layoutRoots.map((r) => r.nodeName)))];
      const outside = roots.filter((n) => !/^INPUT id='[^']*-surprise(-n)?'$|^DIV class='track( marked)?'$/.test(n));
      assert.deepEqual(outside, [], `a drag frame lays out only the dragged control (layout roots: ${roots.join(' | ')})`);
      assert.deepEqual(eventsDuring, [], 'no scenariochange in a drag frame');
      assert.deepEqual(page.problems.pageErrors, []);
      await shot(page, `frames-after-drag-${width}`);
    });
  }
});
