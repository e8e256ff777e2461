// tests/e2e/split.test.mjs — the two reader wasms (www/src/wasm.js): a page with only built-in
// widgets loads the lean one (dist/pkg/) and requests neither author.js nor anything under
// pkg/author/; a page whose widgets have their own scenario file (inline or `src`) loads author.js
// and the author's wasm (dist/pkg/author/) and never fetches the lean .wasm; a page with one of
// each runs both, each widget with its own story.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test as plainTest } from 'node:test';
import { after, before, describe, test } from 'node:test';
import { canvasHash, pollUntil, setup, shot } from './harness.mjs';

const SCENARIO = await readFile(new URL('../../www/scenarios/megacap-fed-week.json', import.meta.url), 'utf8');
const AUTHOR_TITLE = /hypothetical week/;

/** A page with the module and the given widgets' markup. */
const pageWith = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>split</title><link rel="icon" href="data:,"><script type="module" src="tapecast.js"></script></head><body>\n${body}\n</body></html>\n`;
const inlineWidget = (id) => `<tape-cast id="${id}"><script type="application/json">${SCENARIO}</script></tape-cast>`;

/** Waits until `count` widgets are ready (first chart drawn, the rest a task later). */
const ready = (page, count) => pollUntil(() => page.evaluate(() => document.querySelectorAll('tape-cast[data-ready]').length), (n) => n >= count,
  { timeout: 20_000, what: `${count} widget(s) ready` });

/** Each widget's title, notes and series, by id. */
const widgets = (page) => page.evaluate(() => [...document.querySelectorAll('tape-cast')].map((w) => ({
  id: w.id,
  title: w.shadowRoot.querySelector('.title')?.textContent ?? '',
  notes: [...w.shadowRoot.querySelectorAll('.notes p')].map((p) => p.textContent),
  series: [...w.shadowRoot.querySelectorAll('select[data-asset] option')].map((o) => o.value),
})));

/** The same-origin paths the page requested, in order. */
function recordRequests(page, origin) {
  const paths = [];
  page.on('request', (r) => { if (r.url().startsWith(origin)) paths.push(new URL(r.url()).pathname); });
  return paths;
}

const LEAN_WASM = '/pkg/tapecast_bg.wasm';
const AUTHOR_MODULE = '/author.js';
const AUTHOR_GLUE = '/pkg/author/tapecast.js';
const AUTHOR_WASM = '/pkg/author/tapecast_bg.wasm';
const count = (paths, p) => paths.filter((x) => x === p).length;

/** The export names of a built wasm under dist/. */
const wasmExports = async (path) => WebAssembly.Module.exports(new WebAssembly.Module(await readFile(new URL(`../../dist/${path}`, import.meta.url)))).map((e) => e.name);

plainTest('the built-in story\'s wasm has no reader of scenario files; the author\'s has it, and is otherwise the same exports', async () => {
  const lean = await wasmExports('pkg/tapecast_bg.wasm');
  const author = await wasmExports('pkg/author/tapecast_bg.wasm');
  const reading = ['authorfile_new', 'authorfile_push', 'authorfile_read', 'authorfile_check', 'max_scenario_chars', 'too_large'];
  assert.deepEqual(reading.filter((e) => lean.includes(e)), [], 'the lean wasm exports none of them');
  assert.deepEqual(reading.filter((e) => !author.includes(e)), [], 'the author\'s exports them all');
  assert.deepEqual(lean.filter((e) => !author.includes(e)), [], 'every export of the lean wasm is in the author\'s');
});

describe('two reader wasms: the built-in story\'s and the author\'s', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  /** Opens `body` as a page at `path`, recording its requests. */
  async function open(path, body, options = {}) {
    const page = await env.newPage({ width: 1000, height: 900, ...options });
    if (body) await page.route(`${env.url}${path}`, (r) => r.fulfill({ status: 200, contentType: 'text/html', body }));
    const paths = recordRequests(page, env.url.replace(/\/$/, ''));
    await page.goto(`${env.url}${path}`);
    return { page, paths };
  }

  test('a page with only built-in widgets loads the lean wasm once and requests neither author.js nor anything under pkg/author/', async () => {
    const { page, paths } = await open('split-builtin.html', pageWith('<tape-cast id="a"></tape-cast>\n<tape-cast id="b" preset="fed-blinks"></tape-cast>'));
    await ready(page, 2);
    const shown = await widgets(page);
    assert.ok(shown.every((w) => w.title && !AUTHOR_TITLE.test(w.title) && w.notes.length === 0), JSON.stringify(shown));
    assert.equal(count(paths, LEAN_WASM), 1, `the lean wasm once: ${paths.join(' ')}`);
    assert.deepEqual(paths.filter((p) => p.startsWith('/pkg/author/') || p === AUTHOR_MODULE), [], 'nothing of the author\'s module or wasm');
    assert.deepEqual(page.problems.pageErrors, []);
    assert.deepEqual(page.problems.failedRequests, []);
  });

  test('a widget with an inline scenario loads author.js and the author\'s wasm, not the lean .wasm, and shows its scenario', async () => {
    const { page, paths } = await open('split-inline.html', pageWith(inlineWidget('own')));
    await ready(page, 1);
    const [own] = await widgets(page);
    assert.match(own.title, AUTHOR_TITLE);
    assert.ok(own.series.includes('megaco'), own.series.join());
    assert.deepEqual(own.notes, []);
    assert.equal(count(paths, AUTHOR_MODULE), 1, paths.join(' '));
    assert.equal(count(paths, AUTHOR_GLUE), 1, paths.join(' '));
    assert.equal(count(paths, AUTHOR_WASM), 1, paths.join(' '));
    assert.equal(count(paths, LEAN_WASM), 0, `no lean .wasm: ${paths.join(' ')}`);
    assert.deepEqual(page.problems.pageErrors, []);
    assert.deepEqual(page.problems.failedRequests, []);
  });

  test('widgets with src= files (a good one and a broken one) load the author\'s wasm once, not the lean .wasm; the broken one lists its problems', async () => {
    const { page, paths } = await open('author-example.html');
    await page.evaluate(() => document.querySelector('#broken').scrollIntoView());
    await ready(page, 2);
    const [week, broken] = await widgets(page);
    assert.match(week.title, AUTHOR_TITLE);
    assert.deepEqual(week.notes, []);
    assert.ok(broken.notes.includes('assets[3].vol: -0.2 is below 0'), JSON.stringify(broken.notes));
    assert.ok(broken.notes.includes('Showing the built-in scenario instead.'), JSON.stringify(broken.notes));
    assert.ok(broken.title && !AUTHOR_TITLE.test(broken.title), 'the broken file falls back to the built-in story');
    assert.equal(count(paths, AUTHOR_WASM), 1, `the author's wasm once: ${paths.join(' ')}`);
    assert.equal(count(paths, LEAN_WASM), 0, `no lean .wasm: ${paths.join(' ')}`);
    assert.deepEqual(page.problems.pageErrors, []);
  });

  test('one built-in widget and one with its own file on a page: both draw their own story, each from its own wasm, and move independently', async () => {
    for (const [width, scheme] of [[360, 'light'], [1280, 'dark']]) {
      const { page, paths } = await open('split-mixed.html', pageWith(`<tape-cast id="story" loading="eager"></tape-cast>\n${inlineWidget('own').replace('<tape-cast id="own"', '<tape-cast id="own" loading="eager"')}`),
        { width, height: 900, colorScheme: scheme });
      await ready(page, 2);
      const [story, own] = await widgets(page);
      assert.ok(story.title && !AUTHOR_TITLE.test(story.title), story.title);
      assert.ok(!story.series.includes('megaco'));
      assert.match(own.title, AUTHOR_TITLE);
      assert.ok(own.series.includes('megaco'));
      assert.deepEqual([story.notes, own.notes], [[], []]);
      assert.equal(count(paths, LEAN_WASM), 1, paths.join(' '));
      assert.equal(count(paths, AUTHOR_WASM), 1, paths.join(' '));
      const fans = async () => [await canvasHash(page, 'canvas[part="fan"]', '#story'), await canvasHash(page, 'canvas[part="fan"]', '#own')];
      const [storyFan, ownFan] = await fans();
      assert.notEqual(storyFan, ownFan, 'two different fans');
      // The author's widget moves; the built-in one stays where it was.
      await page.evaluate(() => {
        const r = document.querySelector('#own').shadowRoot.querySelector('input[type=range][data-input="surprise"]');
        r.value = r.max;
        r.dispatchEvent(new Event('input'));
        r.dispatchEvent(new Event('change'));
      });
      await pollUntil(fans, ([s, o]) => o !== ownFan && s === storyFan, { what: 'the author\'s fan redrawn, the story\'s not' });
      await shot(page, `split-mixed-${width}-${scheme}`);
      assert.deepEqual(page.problems.pageErrors, []);
      assert.deepEqual(page.problems.failedRequests, []);
      assert.deepEqual(page.problems.consoleErrors, []);
    }
  });
});
