// tests/e2e/embed.test.mjs — "works in every blog": the release folder copied alone to a new static
// server under a sub-path and used from another origin through its three embed paths (module
// script, iframe, image link); iframe auto-height; the no-JavaScript fallback; lazy start; SRI;
// reproducible snapshots; the npm package; author scenarios; the strict-CSP recipe.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { CSP_HEADERS, startServer } from '../../scripts/serve.mjs';
import { canvasHash, pollUntil, setup, shot } from './harness.mjs';
import { copyRelease, releaseDir, REPO, snippetsFor, writeBlog } from './release.mjs';

const run = promisify(execFile);
const SUBPATH = 'static/some/sub-path/tapecast/';

async function filesUnder(dir, base = dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p, base)));
    else out.push(p.slice(base.length).replace(/^\//, ''));
  }
  return out.sort();
}

const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Waits until `count` widgets in `target` (a page or a frame) have drawn. */
const ready = (target, count = 1, timeout = 20_000) =>
  pollUntil(() => target.evaluate(() => document.querySelectorAll('tape-cast[data-ready]').length), (n) => n >= count,
    { timeout, what: `${count} widget(s) ready` });

/** Notes shown inside the n-th widget. */
const notes = (page, n = 0) => page.evaluate((i) => [...document.querySelectorAll('tape-cast')[i].shadowRoot.querySelectorAll('.notes p')].map((p) => p.textContent), n);

describe('the release folder', () => {
  test('SRI hashes in the snippets and integrity.json match the files; no absolute URLs inside', async () => {
    const dir = await releaseDir();
    const sn = JSON.parse(await readFile(`${dir}snippets.json`, 'utf8'));
    const tags = [...`${sn.module.head}\n${sn.module.author}\n${sn.iframe.listener}`.matchAll(/(?:src|href)="([^"]+)" [^>]*integrity="([^"]+)"/g)];
    assert.equal(tags.length, 4, 'the module script (the lean glue inside it), the author\'s two modulepreloads and the listener carry integrity');
    assert.match(sn.module.author, /^<link rel="modulepreload" href="[^"]*\/author\.js" [^\n]*\n<link rel="modulepreload" href="[^"]*pkg\/author\/tapecast\.js" /);
    for (const [, url, integrity] of tags) {
      assert.ok(url.startsWith(sn.base), url);
      assert.equal(integrity, sha384(await readFile(dir + url.slice(sn.base.length))), `integrity of ${url}`);
    }
    const manifest = JSON.parse(await readFile(`${dir}integrity.json`, 'utf8'));
    const files = (await filesUnder(dir)).filter((f) => f !== 'integrity.json');
    assert.deepEqual(Object.keys(manifest.files).sort(), files);
    for (const f of files) assert.equal(manifest.files[f], sha384(await readFile(dir + f)), f);
    for (const f of files.filter((n) => /\.(html|css|js)$/.test(n))) {
      const text = await readFile(dir + f, 'utf8');
      assert.doesNotMatch(text, /(?:src|href|action)="(?:\/|https?:)/, `${f}: only relative URLs`);
      assert.doesNotMatch(text, /(?:import|from)\s*\(?\s*['"](?:\/|https?:)/, `${f}: only relative imports`);
    }
    // Stable names, and every embed path has its snippet for every state.
    assert.ok(!files.includes('pkg/tapecast.js'), 'the lean wasm\'s glue ships inside tapecast.js, not beside it');
    for (const f of ['tapecast.js', 'pkg/tapecast_bg.wasm', 'author.js', 'pkg/author/tapecast.js', 'pkg/author/tapecast_bg.wasm', 'embed.html', 'embed.js', 'iframe-resize.js',
      'README.md', 'SNIPPETS.md', 'SCENARIOS.md', 'package.json', 'tapecast.d.ts', 'snapshots/en/as-of.svg', 'snapshots/en/as-of.html']) {
      assert.ok(files.includes(f), `release has ${f}`);
    }
    const states = JSON.parse(await readFile(`${dir}snapshots/manifest.json`, 'utf8')).states.map((s) => `${s.lang}/${s.id}`);
    assert.ok(states.length >= 10);
    for (const kind of ['module', 'iframe', 'image']) assert.deepEqual(Object.keys(sn[kind].states).sort(), [...states].sort(), kind);
  });

  test('the snapshot SVGs are byte-identical between two builds', async () => {
    const dir = await releaseDir();
    const fresh = await mkdtemp(join(tmpdir(), 'tapecast-snap-'));
    await run(`${REPO}target/debug/tapecast-snapshots`, ['--out', fresh]);
    // What the snapshot command writes (the release adds PNGs rasterised from the SVGs).
    const names = (await filesUnder(`${dir}snapshots`)).filter((n) => !n.endsWith('.png'));
    assert.deepEqual(await filesUnder(fresh), names);
    for (const n of names) {
      assert.ok((await readFile(join(fresh, n))).equals(await readFile(`${dir}snapshots/${n}`)), `${n} is the same bytes`);
    }
  });

  test('npm pack yields a package with every export, the wasm and the types', async () => {
    const dir = await releaseDir();
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir });
    const [packed] = JSON.parse(stdout);
    const inPack = new Set(packed.files.map((f) => f.path));
    const pkg = JSON.parse(await readFile(`${dir}package.json`, 'utf8'));
    assert.equal(pkg.name, 'tapecast');
    assert.equal(pkg.type, 'module');
    assert.ok(inPack.has('tapecast.d.ts') && inPack.has('pkg/tapecast_bg.wasm') && inPack.has('README.md'));
    assert.ok(['author.js', 'pkg/author/tapecast.js', 'pkg/author/tapecast_bg.wasm'].every((f) => inPack.has(f)), 'the author\'s module and wasm are packed');
    for (const target of Object.values(pkg.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))) {
      if (target.includes('*')) assert.ok([...inPack].some((f) => f.startsWith(target.slice(2, target.indexOf('*')))), target);
      else assert.ok(inPack.has(target.slice(2)), `export ${target} is packed`);
    }
    const types = await readFile(`${dir}tapecast.d.ts`, 'utf8');
    for (const word of ["'tape-cast': TapeCastElement", 'value: TapeCastInputs | null', 'scenariochange: CustomEvent<TapeCastScenarioChangeDetail>', "'cut-odds'"]) {
      assert.ok(types.includes(word), `types declare ${word}`);
    }
  });
});

describe('copied alone to a new static server under a sub-path, used from another origin', () => {
  let env; let cdn; let base;
  before(async () => {
    const copy = await copyRelease(SUBPATH);
    cdn = await startServer({ root: copy.root, port: 0, headers: { 'Access-Control-Allow-Origin': '*' } });
    base = `${cdn.url}${SUBPATH}`;
    const blog = await writeBlog(await snippetsFor(base));
    env = await setup({ root: blog });
  });
  after(async () => { await env?.teardown(); await cdn?.close(); });

  /** The page's problems, with requests to the release's host allowed. */
  const problems = (page) => ({ ...page.problems, foreignRequests: page.problems.foreignRequests.filter((u) => !u.startsWith(base)) });
  const clean = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };

  test('1. module script: the snippet draws the preset with SRI and CORS, nothing else off-origin', async () => {
    const page = await env.newPage({ width: 900, height: 900 });
    await page.goto(`${env.url}module.html`);
    await ready(page);
    const state = await page.evaluate(() => {
      const w = document.querySelector('tape-cast');
      const c = w.shadowRoot.querySelector('canvas[part="fan"]');
      return { value: w.value, canvas: c.width * c.height, slot: !!w.shadowRoot.querySelector('slot') };
    });
    assert.equal(state.value.surprise, -10, 'nvda-misses preset applied');
    assert.ok(state.canvas > 0);
    assert.equal(state.slot, false, 'the fallback figure is replaced by the chart');
    await shot(page, 'release-module');
    assert.deepEqual(problems(page), clean);
  });

  test('1b. module script with an author\'s inline scenario: author.js, the author\'s glue and wasm, all pinned (altered bytes are refused), and not the lean wasm', async () => {
    const page = await env.newPage({ width: 900, height: 900 });
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().slice(base.length)); });
    await page.goto(`${env.url}author.html`);
    await ready(page);
    const title = await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('.title').textContent);
    assert.match(title, /hypothetical week/);
    assert.deepEqual(wasm, ['pkg/author/tapecast_bg.wasm'], 'only the author\'s wasm');
    assert.deepEqual(problems(page), clean);
    // One byte changed in any of the three, and the browser refuses it: the widget says so.
    for (const file of ['pkg/author/tapecast_bg.wasm', 'pkg/author/tapecast.js', 'author.js']) {
      const altered = await env.newPage({ width: 900, height: 900 });
      await altered.route(`${base}${file}`, async (r) => {
        const body = Buffer.from(await (await r.fetch()).body());
        body[body.length - 2] ^= 1;
        await r.fulfill({ status: 200, body, headers: { 'content-type': file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', 'access-control-allow-origin': '*' } });
      });
      await altered.goto(`${env.url}author.html`);
      await altered.locator('tape-cast').evaluate((w) => new Promise((resolve) => {
        const seen = () => w.shadowRoot?.querySelector('.failed') && resolve(undefined);
        seen();
        new MutationObserver(seen).observe(w.shadowRoot ?? w, { childList: true, subtree: true });
      }));
      assert.ok(altered.problems.consoleErrors.some((e) => /integrity/i.test(e)), `${file}: an integrity error (${altered.problems.consoleErrors.join(' | ')})`);
    }
  });

  for (const width of [360, 1200]) {
    test(`2. iframe: its height follows the content at ${width} px`, async () => {
      const page = await env.newPage({ width, height: 800 });
      await page.goto(`${env.url}iframe.html`);
      const frame = await (await page.waitForSelector('iframe[data-tapecast]')).contentFrame();
      await ready(frame);
      const measure = async () => {
        const outer = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
        const inner = await frame.evaluate(() => ({
          content: Math.ceil(document.getElementById('embed').getBoundingClientRect().height),
          scroll: document.documentElement.scrollHeight, view: innerHeight, compact: document.querySelector('tape-cast').hasAttribute('compact'),
        }));
        return { outer, ...inner };
      };
      const fits = (m) => Math.abs(m.outer - m.content) <= 1 && m.scroll <= m.view + 1;
      const first = await pollUntil(measure, fits, { timeout: 5000, what: 'iframe as tall as its content' });
      assert.equal(first.compact, false, 'with the listener the full layout shows');
      assert.ok(first.outer > 800, `full widget height ${first.outer}`);
      // Content grows (on a narrow frame the reader first opens the other charts, then the table):
      // the iframe follows.
      await frame.evaluate(() => {
        const root = document.querySelector('tape-cast').shadowRoot;
        const more = root.querySelector('.more-toggle');
        if (more.offsetParent) more.click();
        [...root.querySelectorAll('button')].find((b) => b.textContent === 'Show as table').click();
      });
      const grown = await pollUntil(measure, (m) => fits(m) && m.outer > first.outer + 100, { timeout: 5000, what: 'iframe grows with the table' });
      assert.ok(grown.outer > first.outer);
      await shot(page, `release-iframe-${width}`);
      assert.deepEqual(problems(page), clean);
    });
  }

  test('2. iframe without the listener: the default height, compact only when the full layout would not fit (with a link to the full version), nothing clipped', async () => {
    for (const width of [360, 1200]) {
      const page = await env.newPage({ width, height: 800 });
      await page.goto(`${env.url}iframe-nolistener.html`);
      const el = await page.waitForSelector('iframe[data-tapecast]');
      const frame = await el.contentFrame();
      await ready(frame);
      const m = await pollUntil(() => frame.evaluate(() => ({
        compact: document.querySelector('tape-cast').hasAttribute('compact'),
        scroll: document.documentElement.scrollHeight, view: innerHeight, scrollX: document.documentElement.scrollWidth, viewX: innerWidth,
        full: document.querySelector('a.full')?.href ?? null,
      })), (x) => x.scroll <= x.view + 1, { timeout: 5000, what: `nothing clipped at ${width}` });
      // Settled: still nothing clipped a moment later (fit() runs on every resize and redraw).
      await new Promise((r) => setTimeout(r, 500));
      const settled = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: innerHeight, compact: document.querySelector('tape-cast').hasAttribute('compact'), full: document.querySelector('a.full')?.href ?? null }));
      console.log(`# iframe without the listener at ${width} px: content ${settled.scroll} px in ${settled.view} px, compact ${settled.compact}`);
      assert.ok(settled.scroll <= settled.view, `nothing clipped at ${width}: ${settled.scroll} > ${settled.view}`);
      assert.equal(settled.compact, settled.full !== null, 'compact mode shows the link to the full version');
      if (settled.full) assert.doesNotMatch(settled.full, /compact/);
      assert.ok(m.scrollX <= m.viewX + 1, 'no horizontal scroll');
      assert.equal(await el.getAttribute('height'), String(m.view));
    }
  });

  test('an article built from the module snippet does not shift when the live widget replaces the fallback (CLS ≤ 0.02)', async () => {
    for (const [width, height] of [[360, 740], [1280, 800]]) {
      const page = await env.newPage({ width, height });
      await page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${env.url}article.html`);
      await ready(page);
      await new Promise((r) => setTimeout(r, 1000));
      const cls = await page.evaluate(() => window.__cls);
      console.log(`# CLS release-snippet article at ${width}×${height}: ${cls.toFixed(4)}`);
      assert.ok(cls <= 0.02, `CLS ${cls} at ${width}`);
    }
  });

  test('3. no scripts: the image shows, and its link opens the interactive page in that state', async () => {
    const page = await env.newPage({ width: 800, height: 900 });
    await page.goto(`${env.url}image.html`);
    const img = await page.waitForSelector('a > img');
    await pollUntil(() => img.evaluate((i) => i.complete && i.naturalWidth), (w) => w > 0, { what: 'snapshot image loaded' });
    const href = await page.evaluate(() => document.querySelector('a').href);
    assert.ok(href.startsWith(base) && href.includes('preset=fed-blinks'), href);
    await page.click('a');
    await page.waitForURL(href);
    await ready(page);
    assert.equal(await page.evaluate(() => document.querySelector('tape-cast').value['cut-odds']), 85, 'fed-blinks state');
    assert.deepEqual(problems(page), clean);
  });

  test('no JavaScript: the module snippet and embed.html show the snapshot figure and table', async () => {
    for (const url of [`${env.url}module.html`, `${base}embed.html`]) {
      const page = await env.newPage({ width: 800, height: 900, javaScriptEnabled: false });
      await page.goto(url);
      const figure = await page.waitForSelector('figure.tapecast-snapshot img');
      await pollUntil(() => figure.evaluate((i) => i.complete && i.naturalWidth), (w) => w > 0, { what: `snapshot image on ${url}` });
      const seen = await page.evaluate(() => {
        const f = document.querySelector('figure.tapecast-snapshot');
        const r = f.querySelector('img').getBoundingClientRect();
        return { w: r.width, h: r.height, rows: f.querySelectorAll('tbody tr').length, caption: f.querySelector('figcaption').textContent };
      });
      assert.ok(seen.w > 300 && seen.h > 300, `image visible ${JSON.stringify(seen)}`);
      assert.ok(seen.rows >= 10, 'table of every series');
      assert.match(seen.caption, /S&P 500, 31\sDec: [\d,]+ \([+−]/);
      await shot(page, `release-nojs-${url.includes('embed') ? 'embed' : 'module'}`);
    }
  });

  test('no JavaScript on a phone: the phone-sized snapshot, and nothing wider than the screen', async () => {
    for (const [url, width] of [[`${env.url}module.html`, 360], [`${base}embed.html`, 360], [`${base}embed.html`, 800]]) {
      const page = await env.newPage({ width, height: 800, javaScriptEnabled: false });
      await page.goto(url);
      const img = await page.waitForSelector('figure.tapecast-snapshot img');
      await pollUntil(() => img.evaluate((i) => i.complete && i.naturalWidth), (w) => w > 0, { what: `snapshot image on ${url}` });
      const seen = await page.evaluate(() => {
        const i = document.querySelector('figure.tapecast-snapshot img');
        return { src: i.currentSrc, natural: i.naturalWidth, shown: i.getBoundingClientRect().width, scroll: document.documentElement.scrollWidth };
      });
      const phone = width <= 600;
      assert.equal(seen.src.endsWith('.phone.svg'), phone, `${url} at ${width}px shows ${seen.src}`);
      assert.equal(seen.natural, phone ? 320 : 720, JSON.stringify(seen));
      // Drawn at least at 85% of its size: its 10–16 px text stays readable on the phone.
      if (phone) assert.ok(seen.shown >= 0.85 * seen.natural, JSON.stringify(seen));
      assert.ok(seen.scroll <= width, `the page scrolls sideways at ${width}px: ${JSON.stringify(seen)}`);
      if (phone) await shot(page, `release-nojs-phone-${url.includes('embed') ? 'embed' : 'module'}`);
    }
  });

  test('lazy start: no wasm is fetched until the widget comes near the viewport', async () => {
    const page = await env.newPage({ width: 900, height: 800 });
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    await page.goto(`${env.url}lazy.html`);
    await page.waitForFunction(() => customElements.get('tape-cast'));
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(wasm, [], 'no wasm while the widget is far below');
    // Until then the fallback figure is what the widget shows (slotted into its frame).
    assert.equal(await page.evaluate(() => !!document.querySelector('tape-cast').shadowRoot.querySelector('slot')), true);
    await page.evaluate(() => window.scrollTo(0, document.querySelector('tape-cast').getBoundingClientRect().top + scrollY - 2 * innerHeight + 100));
    await ready(page);
    assert.equal(wasm.length, 1, 'fetched once, when near');
    assert.deepEqual(problems(page), clean);
  });
});

describe('author scenarios', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  test('the example scenario loads from src=, and a broken one shows its field-path messages', async () => {
    const page = await env.newPage({ width: 1000, height: 900 });
    await page.goto(`${env.url}author-example.html`);
    // The example fetches its scenario file, so the built-in widget below may be ready first.
    await page.locator('#week[data-ready]').waitFor({ state: 'attached', timeout: 20_000 });
    const first = await page.evaluate(() => {
      const r = document.querySelector('#week').shadowRoot;
      return { title: r.querySelector('.title').textContent, presets: [...r.querySelectorAll('.bar button')].map((b) => b.textContent), series: [...r.querySelectorAll('select[data-asset] option')].map((o) => o.value) };
    });
    assert.match(first.title, /hypothetical week/);
    assert.ok(first.presets.includes('Blowout and a cut'), first.presets.join());
    assert.ok(first.series.includes('megaco'));
    assert.deepEqual(await notes(page, 0), []);
    await page.evaluate(() => document.querySelector('#broken').scrollIntoView());
    await ready(page, 2);
    const shown = await notes(page, 1);
    for (const want of [
      'calendar.horizon: "2026-06-31" is not a date of the form YYYY-MM-DD',
      'assets[3].vol: -0.2 is below 0',
      'presets[1].cut_odds: 140 is above 100',
      'chain.credit_asset: "junk" is not the id of an asset',
      'calendar.events[1].date: "2026-05-02" is not a trading day between the as-of date and the end',
      'Showing the built-in scenario instead.',
    ]) assert.ok(shown.includes(want), `shows "${want}"; saw ${JSON.stringify(shown)}`);
    await shot(page, 'author-example');
    assert.deepEqual(page.problems.pageErrors, []);
  });
});

describe('the strict CSP recipe', () => {
  let strict; let open;
  before(async () => {
    strict = await setup({ headers: CSP_HEADERS });
    open = await setup();
  });
  after(async () => { await strict?.teardown(); await open?.teardown(); });

  /** Opens `path`, counting securitypolicyviolation events from the first byte on. */
  async function visit(env, path, count = 1) {
    const page = await env.newPage({ width: 1000, height: 1400 });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    });
    await page.goto(`${env.url}${path}`);
    await ready(page, count);
    return page;
  }

  test('zero violations and the same chart pixels (labels placed without measuring) as without CSP', async () => {
    const page = await visit(strict, 'csp.html', 2);
    const plain = await visit(open, 'csp.html', 2);
    const header = (await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy')));
    assert.match(header, /script-src 'self' 'wasm-unsafe-eval'/);
    for (const part of ['fan', 'bars', 'plumbing']) {
      assert.equal(await canvasHash(page, `canvas[part="${part}"]`), await canvasHash(plain, `canvas[part="${part}"]`), `${part} pixels equal`);
    }
    // Interact: a preset and a slider, still no violation.
    await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('button')].find((b) => b.textContent === '2019 replay').click());
    await pollUntil(() => page.evaluate(() => document.querySelector('tape-cast').value.shortfall), (v) => v === 350, { what: 'preset under CSP' });
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(page.problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    await shot(page, 'csp');
  });

  test('the iframe page and the author example also run without a violation', async () => {
    for (const [path, count] of [['embed.html?preset=nvda-delivers', 1], ['author-example.html', 1]]) {
      const page = await visit(strict, path, count);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
      assert.deepEqual(page.problems.consoleErrors, [], path);
    }
  });
});
