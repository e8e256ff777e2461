// tests/e2e/studio.test.mjs — the scenario studio (studio.html), as an author uses it: a scenario
// built from the blank template by form interaction only, a problem shown beside its field and
// cleared when fixed, the preview redrawn; the copied inline snippet in an empty page on another
// origin showing the author's scenario with no request but the module's and the wasm; uploads over
// the limit refused; the reader's download not carrying the studio; screenshots at 1280 and 360 px.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { pollUntil, setup, shot } from './harness.mjs';
import { copyRelease } from './release.mjs';

const REPO = new URL('../../', import.meta.url);
const DIST = new URL('dist/', REPO);
const run = promisify(execFile);

/** Opens the studio and waits until it has checked its first scenario. */
async function studio(env, { width = 1280, height = 900, colorScheme = 'light', lang = 'en' } = {}) {
  const page = await env.newPage({ width, height, colorScheme });
  await page.goto(`${env.url}studio.html${lang === 'zh' ? '?lang=zh' : ''}`);
  await page.waitForFunction(() => 'ready' in document.body.dataset, null, { timeout: 20_000 });
  return page;
}

/** Waits until a check has run since `before` (a count of checks) and none is waiting to run. */
async function settled(page, before) {
  await pollUntil(() => page.evaluate(() => ('pending' in document.body.dataset ? -1 : Number(document.body.dataset.checks))), (n) => n > before, { timeout: 5000, what: 'a check after the edit' });
}

const checks = (page) => page.evaluate(() => Number(document.body.dataset.checks));

/** Types into the field with `path` as a person would (select all, type). */
async function type(page, path, text) {
  const field = page.locator(`:is(input, select, textarea)[data-path="${path}"]`);
  await field.fill('');
  await field.pressSequentially(String(text));
}

/** The problems shown beside the field with `path`. */
const beside = (page, path) => page.evaluate((p) => [...document.querySelectorAll(`.problems[data-path="${p}"] .problem`)].map((e) => e.textContent), path);

/** The preview widget's title (desktop or phone). */
const previewTitle = (page, which = 'desktop') => page.evaluate((w) => document.getElementById(`preview-${w}`)?.shadowRoot?.querySelector('.title')?.textContent ?? null, which);

describe('the scenario studio', () => {
  let env;
  before(async () => { env = await setup({ headers: { 'Access-Control-Allow-Origin': '*' } }); });
  after(async () => { await env?.teardown(); });

  test('a scenario from the blank template by form interaction only; a weekend event is named beside its field and cleared when fixed; the preview redraws', async () => {
    const page = await studio(env);
    let n = await checks(page);
    await page.click('#start-blank');
    await settled(page, n);
    assert.equal(await page.locator('input[data-path="title.en"]').inputValue(), '', 'the blank template has no title');
    const story = await page.evaluate(() => ({
      marks: document.querySelectorAll('[data-path^="inputs."][data-path*=".marks["]').length,
      filled: [...document.querySelectorAll(':is(input, textarea)[data-path^="inputs."]:is([data-path$=".source"], [data-path$=".help.en"])')].map((e) => e.value).filter(Boolean),
    }));
    assert.deepEqual(story, { marks: 0, filled: [] }, 'nor the built-in story\'s marks, help and sources on its inputs');
    // Title the scenario.
    await type(page, 'title.en', 'A week of earnings and the Fed');
    // Two inputs: their labels and the author's case (halfway along each slider).
    const inputs = await page.evaluate(() => [...document.querySelectorAll('input[data-path^="inputs."][data-path$=".as_of"]')].slice(0, 2).map((e) => e.dataset.path.replace(/\.as_of$/, '')));
    assert.equal(inputs.length, 2);
    for (const [i, at] of inputs.entries()) {
      await type(page, `${at}.label.en`, `My input ${i + 1}`);
      const min = Number(await page.locator(`input[data-path="${at}.min"]`).inputValue());
      const max = Number(await page.locator(`input[data-path="${at}.max"]`).inputValue());
      await type(page, `${at}.as_of`, String((min + max) / 2));
    }
    // Two series.
    await page.click('[data-add="assets"]');
    await page.click('[data-add="assets"]');
    await type(page, 'assets[0].label.en', 'Megacap index');
    await type(page, 'assets[1].label.en', 'Credit spread');
    // The series that carries credit stress is picked from the series' ids, as they are when the
    // list opens (the second was just renamed), not typed from memory.
    const first = await page.locator('input[data-path="assets[0].id"]').inputValue();
    await type(page, 'assets[1].id', 'credit');
    const credit = page.locator('select[data-path="chain.credit_asset"]');
    await credit.focus();
    assert.deepEqual(await credit.locator('option').evaluateAll((o) => o.map((x) => x.value)), ['', first, 'credit']);
    await credit.selectOption('credit');
    // A preset.
    await page.click('[data-add="presets"]');
    await type(page, 'presets[0].label.en', 'The bull case');
    // One event, on a Saturday.
    await page.click('[data-add="calendar.events"]');
    const at = 'calendar.events[1]';
    await page.selectOption(`select[data-path="${at}.kind"]`, 'earnings');
    n = await checks(page);
    await type(page, `${at}.date`, '2025-11-22');
    await settled(page, n);
    const shown = await beside(page, `${at}.date`);
    assert.deepEqual(shown, [`${at}.date: "2025-11-22" is not a trading day between the as-of date and the end`], 'the message beside the date');
    assert.equal(await page.evaluate(() => document.body.dataset.problems), '1', 'nothing else is wrong');
    const before = await page.evaluate(() => Number(document.body.dataset.previews));
    n = await checks(page);
    await type(page, `${at}.date`, '2025-11-20');
    await settled(page, n);
    assert.deepEqual(await beside(page, `${at}.date`), [], 'fixing it clears it');
    assert.equal(await page.evaluate(() => document.body.dataset.problems), '0');
    await pollUntil(() => page.evaluate(() => Number(document.body.dataset.previews)), (p) => p > before, { what: 'the preview redraws' });
    for (const which of ['desktop', 'phone']) {
      await page.waitForFunction((w) => document.getElementById(`preview-${w}`)?.hasAttribute('data-ready'), which, { timeout: 20_000 });
      assert.equal(await previewTitle(page, which), 'A week of earnings and the Fed', `the ${which} preview shows the author's title`);
    }
    const widget = await page.evaluate(() => {
      const root = document.getElementById('preview-desktop').shadowRoot;
      return {
        notes: [...root.querySelectorAll('.notes p')].map((p) => p.textContent),
        presets: [...root.querySelectorAll('button')].map((b) => b.textContent),
        series: [...root.querySelectorAll('select option')].map((o) => o.textContent),
      };
    });
    assert.deepEqual(widget.notes, [], 'the preview widget has no notes');
    assert.ok(widget.presets.includes('The bull case'), JSON.stringify(widget.presets));
    assert.ok(widget.series.includes('Megacap index') && widget.series.includes('Credit spread'), JSON.stringify(widget.series));
    assert.deepEqual(page.problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    await shot(page, 'studio-blank-1280');
  });

  test('the copied inline snippet, pasted into an empty page on another origin, shows the author\'s scenario with no request but the module and the wasm', async () => {
    const page = await studio(env);
    let n = await checks(page);
    await type(page, 'title.en', 'Pasted elsewhere');
    await settled(page, n);
    n = await checks(page);
    await page.click('#opt-compact');
    await settled(page, n);
    const snippet = await page.locator('#snippet-inline').inputValue();
    const lines = snippet.split('\n');
    assert.equal(lines.length, 2, 'the short form: two lines');
    assert.equal(lines[0], `<script type="module" src="${env.url}tapecast.js"></script>`, 'the address is the studio\'s own folder');
    assert.match(lines[1], /^<tape-cast compact><script type="application\/json">\{.*\}<\/script><\/tape-cast>$/);
    // An empty page in another folder, served from another origin.
    const folder = await mkdtemp(join(tmpdir(), 'tapecast-blog-'));
    await writeFile(join(folder, 'post.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>post</title><link rel="icon" href="data:,"></head><body>\n${snippet}\n</body></html>\n`);
    const blog = await startServer({ root: folder, port: 0 });
    try {
      const reader = await env.newPage({ width: 900, height: 900 });
      const requests = [];
      reader.on('request', (r) => requests.push(r.url()));
      await reader.goto(`${blog.url}post.html`);
      await reader.waitForFunction(() => document.querySelector('tape-cast')?.hasAttribute('data-ready'), null, { timeout: 20_000 });
      const title = await reader.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('.title').textContent);
      assert.equal(title, 'Pasted elsewhere');
      const notes = await reader.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('.notes p')].map((p) => p.textContent));
      assert.deepEqual(notes, []);
      assert.deepEqual(requests.filter((u) => !u.startsWith('data:')).sort(), [
        `${blog.url}post.html`, `${env.url}author.js`, `${env.url}pkg/author/tapecast.js`, `${env.url}pkg/author/tapecast_bg.wasm`, `${env.url}tapecast.js`,
      ].sort(), 'the page, the module (the lean wasm\'s glue inside it), author.js with the author\'s glue and wasm: no scenario file, no lean wasm, nothing else');
      await shot(reader, 'studio-snippet-elsewhere');
    } finally {
      await blog.close();
    }
  });

  test('help beside every field of the built-in story reads as a sentence: no nested parentheses, no validation messages, no empty parts', async () => {
    const page = await studio(env);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const helps = await page.evaluate(() => [...document.querySelectorAll('#form .help')].map((p) => p.textContent));
    const fields = await page.evaluate(() => document.querySelectorAll('#form .field').length);
    console.log(`${helps.length} help lines (${new Set(helps).size} distinct) for ${fields} fields`);
    assert.ok(new Set(helps).size >= 60, 'most fields have their own help');
    const depth = (t) => [...t].reduce(([d, max], c) => (c === '(' ? [d + 1, Math.max(max, d + 1)] : c === ')' ? [d - 1, max] : [d, max]), [0, 0]);
    for (const h of new Set(helps)) {
      const [open, deepest] = depth(h);
      assert.equal(open, 0, `balanced parentheses: ${h}`);
      assert.ok(deepest <= 1, `no nested parenthesis: ${h}`);
      assert.doesNotMatch(h, /\b(is not|is below|is above|is used by|should be|should have|should declare)\b/, `no validation message: ${h}`);
      assert.doesNotMatch(h, /^\s*—|—\s*$|—\s*—|\(\s*\)/, `no empty part: ${h}`);
      assert.doesNotMatch(h, /\b(\w+) \1\b/i, `no word twice in a row: ${h}`);
    }
    // A field shows its own help, not its group's again (a mark's value and label, an input's
    // role object under the inputs' help).
    const repeated = await page.evaluate(() => [...document.querySelectorAll('#form fieldset')].flatMap((g) => {
      const own = g.querySelector(':scope > .help')?.textContent;
      return own ? [...g.querySelectorAll(':scope > .field > .help, :scope > * > .field > .help')].filter((h) => h.textContent === own).map((h) => own) : [];
    }));
    assert.deepEqual(repeated, [], 'no field repeats its group\'s help');
    await page.close();
  });

  test('a cleared number field says so beside the field, not at the top of the form, and typing a number clears it', async () => {
    const page = await studio(env);
    const box = (path) => page.locator(`.problems[data-path="${path}"]`).textContent();
    const top = () => page.locator('#form .form > .problems:not([data-path])').textContent();
    for (const [path, value] of [['assets[0].vol', '0.2'], ['version', '1']]) {
      let n = await checks(page);
      await page.fill(`input[data-path="${path}"]`, '');
      await settled(page, n);
      assert.match(await box(path), new RegExp(`^scenario file: ${path.replace(/[[\].]/g, '\\$&')}: invalid type: null, expected (f64|u32)$`));
      assert.equal(await top(), '', 'nothing at the top of the form');
      n = await checks(page);
      await type(page, path, value);
      await settled(page, n);
      assert.equal(await box(path), '');
      assert.equal(await page.evaluate(() => document.body.dataset.problems), '0');
    }
    await page.close();
  });

  test('on a Chinese page (?lang=zh) the studio speaks Chinese: its own words from strings.js, the previews in Chinese', async () => {
    const page = await env.newPage({ width: 1280, height: 900 });
    await page.goto(`${env.url}studio.html?lang=zh`);
    await page.waitForFunction(() => 'ready' in document.body.dataset && document.getElementById('preview-desktop')?.hasAttribute('data-ready'), null, { timeout: 20_000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal(await page.locator('h1').textContent(), '情景工作室');
    assert.equal(await page.locator('#started').textContent(), '已从内置故事开始。');
    assert.equal(await page.locator('#status').textContent(), '没有问题：预览显示的是这个版本。');
    assert.equal(await page.inputValue('#opt-lang'), 'zh', 'the previews start in Chinese');
    assert.equal(await page.evaluate(() => document.getElementById('preview-desktop').getAttribute('lang')), 'zh');
    // The studio's own words (not the scenario's ids, the help from docs/SCENARIOS.md, field
    // names or product names) are Chinese: no English word left in its chrome.
    const chrome = await page.evaluate(() => [
      ...document.querySelectorAll('header, .options label > span, .options option[data-text], figcaption, .publish h2, .publish p, .publish summary, .publish button, #form summary, #form button'),
    ].map((e) => e.textContent).join(' '));
    const english = chrome.replace(/\S*\/\S*/g, '').replace(/\b(HTML|JSON|SVG|PNG|Hugo|Jekyll|WordPress|Ghost|README|Iframe|iframe|English|tapecast|tape-cast|px|wasm|JavaScript|scenarios|snapshots|json|svg|[a-z]+_[a-z_]+|asset|event|preset|drain|mark|option|holiday|half_day)\b/g, '').match(/[A-Za-z]{3,}/g);
    assert.equal(english, null, `English left: ${english}`);
    await page.screenshot({ path: 'target/screenshots/studio-1280-zh.png' });
    await page.close();
  });

  test('on a Chinese page the help beside every field is docs/SCENARIOS.zh.md\'s, in Chinese: the same fields as in English, no validation message; without the translation the English help', async () => {
    /** Every help line beside a field, keyed by the field's path (from its problem box beside it). */
    const helpByPath = async (lang, route) => {
      const page = await env.newPage({ width: 1280, height: 900 });
      if (route) await page.route('**/SCENARIOS.zh.md', route);
      const docs = [];
      page.on('response', (r) => { if (/SCENARIOS(\.zh)?\.md$/.test(r.url())) docs.push(`${r.url().split('/').pop()} ${r.status()}`); });
      await page.goto(`${env.url}studio.html${lang === 'zh' ? '?lang=zh' : ''}`);
      await page.waitForFunction(() => 'ready' in document.body.dataset, null, { timeout: 20_000 });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const help = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#form .help')].map((p) => [/** @type {HTMLElement} */ (p.nextElementSibling).dataset.path, p.textContent])));
      const { pageErrors } = page.problems;
      await page.close();
      return { help, docs, pageErrors };
    };
    const en = await helpByPath('en');
    const zh = await helpByPath('zh');
    const paths = Object.keys(en.help);
    console.log(`help beside ${paths.length} fields in English, ${Object.keys(zh.help).length} in Chinese; loaded: ${en.docs} / ${zh.docs}`);
    assert.deepEqual(en.docs, ['SCENARIOS.md 200']);
    assert.deepEqual(zh.docs, ['SCENARIOS.zh.md 200'], 'the Chinese studio reads the translation only');
    assert.ok(paths.length > 60, 'the English studio shows help beside most fields');
    assert.deepEqual(Object.keys(zh.help), paths, 'the same fields have help in both languages');
    for (const path of paths) {
      const h = zh.help[path];
      assert.match(h, /[\u4e00-\u9fff]/, `${path}: Chinese help (${h})`);
      assert.doesNotMatch(h, /\b(is not|is below|is above|is used by|should be|should have|should declare)\b|`/, `${path}: no validation message (${h})`);
    }
    assert.deepEqual([...en.pageErrors, ...zh.pageErrors], []);
    // The translation missing (an older release folder, a host that dropped it): the English help.
    const fallback = await helpByPath('zh', (route) => route.fulfill({ status: 404, body: 'not found' }));
    assert.deepEqual(fallback.docs, ['SCENARIOS.zh.md 404', 'SCENARIOS.md 200']);
    assert.deepEqual(fallback.help, en.help, 'the English help beside the same fields');
    assert.deepEqual(fallback.pageErrors, []);
  });

  test('word-valued fields offer the words of the scenario\'s own enums (from the wasm), and every word the built-in story uses', async () => {
    const page = await studio(env);
    const words = await page.evaluate(() => import('./studio/pkg/studio.js').then((m) => m.studio_words()));
    assert.deepEqual(Object.keys(words).sort(), ['directions', 'group', 'kind', 'panels', 'quote']);
    assert.deepEqual(words.panels, ['bars', 'plumbing'], 'the charts the panels option may leave out (the fan always shows)');
    const offered = (path) => page.evaluate((p) => [...document.querySelector(`select[data-path="${p}"]`).options].map((o) => o.value), path);
    assert.deepEqual(await offered('calendar.events[0].kind'), words.kind);
    assert.deepEqual(await offered('assets[0].group'), words.group);
    assert.deepEqual(await offered('assets[0].quote'), words.quote);
    assert.deepEqual(await offered('assets[0].directions.surprise'), words.directions);
    const story = JSON.parse(await readFile(new URL('../../src/scenario/default.json', import.meta.url), 'utf8'));
    for (const e of story.calendar.events) assert.ok(words.kind.includes(e.kind), e.kind);
    for (const a of story.assets) {
      assert.ok(words.group.includes(a.group) && words.quote.includes(a.quote), a.id);
      for (const d of Object.values(a.directions)) assert.ok(words.directions.includes(d), `${a.id}: ${d}`);
    }
    await page.close();
  });

  test('the widget options (opening state, series, heading, language, theme, compact, charts) reach the previews and every snippet', async () => {
    const page = await studio(env);
    const presets = await page.evaluate(() => [...document.querySelectorAll('#opt-preset option')].map((o) => o.value).filter((v) => v));
    const assets = await page.evaluate(() => [...document.querySelectorAll('#opt-asset option')].map((o) => o.value).filter((v) => v));
    assert.ok(presets.length >= 2 && assets.length >= 2, 'the scenario\'s presets and series are offered');
    const n = await checks(page);
    await page.selectOption('#opt-preset', presets[1]);
    await page.selectOption('#opt-asset', assets[1]);
    await page.fill('#opt-heading', 'Move it "yourself"');
    await page.selectOption('#opt-lang', 'zh');
    await page.selectOption('#opt-theme', 'dark');
    await page.check('#opt-compact');
    // The charts the widget may leave out are offered by name (the fan always shows).
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#opt-panels input')].map((i) => i.id)), ['opt-panel-bars', 'opt-panel-plumbing']);
    await page.uncheck('#opt-panel-plumbing');
    await settled(page, n);
    const attrs = `preset="${presets[1]}" asset="${assets[1]}" heading="Move it &quot;yourself&quot;" lang="zh" theme="dark" compact panels="fan bars"`;
    assert.ok((await page.locator('#snippet-inline').inputValue()).includes(`<tape-cast ${attrs}>`), await page.locator('#snippet-inline').inputValue());
    const iframe = await page.locator('#snippet-iframe').inputValue();
    const src = new URL(iframe.match(/src="([^"]*)"/)[1].replace(/&amp;/g, '&'));
    assert.deepEqual(Object.fromEntries(src.searchParams), { src: 'scenarios/nov-2025.json', preset: presets[1], asset: assets[1], heading: 'Move it "yourself"', lang: 'zh', theme: 'dark', compact: '', panels: 'fan bars' });
    assert.equal(src.href.startsWith(`${env.url}embed.html?`), true);
    await page.waitForFunction(() => document.getElementById('preview-desktop')?.hasAttribute('data-ready'), null, { timeout: 20_000 });
    const shown = await page.evaluate(() => {
      const w = document.getElementById('preview-desktop');
      return { title: w.shadowRoot.querySelector('.title').textContent, lang: w.shadowRoot.querySelector('.frame').lang, dark: w.shadowRoot.querySelector('.frame').classList.contains('dark'), series: w.shadowRoot.querySelector('select').value, compact: w.hasAttribute('compact') };
    });
    assert.deepEqual(shown, { title: 'Move it "yourself"', lang: 'zh-CN', dark: true, series: assets[1], compact: true });
    assert.equal(await page.evaluate(() => document.getElementById('preview-desktop').getAttribute('panels')), 'fan bars', 'the preview leaves the plumbing chart out');
    await page.screenshot({ path: 'target/screenshots/studio-1280-zh-dark-options.png', fullPage: false });
  });

  test('Download the JSON gives the scenario as edited, which loads back as it was', async () => {
    const page = await studio(env);
    const n = await checks(page);
    await type(page, 'title.en', 'Saved and loaded');
    await settled(page, n);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    assert.equal(download.suggestedFilename(), 'nov-2025.json');
    const text = await readFile(await download.path(), 'utf8');
    assert.equal(JSON.parse(text).title.en, 'Saved and loaded');
    const again = await studio(env);
    const m = await checks(again);
    await again.setInputFiles('#start-file', { name: 'nov-2025.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await settled(again, m);
    assert.equal(await again.locator('input[data-path="title.en"]').inputValue(), 'Saved and loaded');
    assert.equal(await again.evaluate(() => document.body.dataset.problems), '0');
  });

  test('the inline JSON cannot end its script element early: "</script>" in a title stays text', async () => {
    const page = await studio(env);
    const n = await checks(page);
    await type(page, 'title.en', 'A </script><b>bold</b> title');
    await settled(page, n);
    const snippet = await page.locator('#snippet-inline').inputValue();
    assert.ok(!snippet.includes('</script><b>'), 'no raw </script> inside the JSON');
    const folder = await mkdtemp(join(tmpdir(), 'tapecast-blog-'));
    await writeFile(join(folder, 'post.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>post</title></head><body>\n${snippet}\n</body></html>\n`);
    const blog = await startServer({ root: folder, port: 0 });
    try {
      const reader = await env.newPage();
      await reader.goto(`${blog.url}post.html`);
      await reader.waitForFunction(() => document.querySelector('tape-cast')?.hasAttribute('data-ready'), null, { timeout: 20_000 });
      assert.equal(await reader.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('.title').textContent), 'A </script><b>bold</b> title');
      assert.equal(await reader.evaluate(() => document.querySelectorAll('b').length), 0);
    } finally {
      await blog.close();
    }
  });

  test('an uploaded file over the size limit is refused unread; a file that is not a scenario is refused; the studio keeps working', async () => {
    const page = await studio(env);
    const limit = await page.evaluate(() => import('./studio/pkg/studio.js').then((m) => m.max_scenario_chars()));
    const dir = new URL('../../target/tmp/uploads/', import.meta.url);
    await mkdir(dir, { recursive: true });
    const big = new URL('big.json', dir);
    await writeFile(big, `{"id":"${'x'.repeat(limit)}"}`);
    await page.setInputFiles('#start-file', fileURLToPath(big));
    await pollUntil(() => page.locator('#started').textContent(), (t) => t.startsWith('big.json'), { what: 'the refusal' });
    assert.equal(await page.locator('#started').textContent(), 'big.json was not opened:');
    assert.match(await page.locator('#refused').textContent(), /^[\d,]+ characters is over the limit of [\d,]+ \(not read\)$/);
    await page.setInputFiles('#start-file', { name: 'list.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2, 3]') });
    await pollUntil(() => page.locator('#started').textContent(), (t) => t.startsWith('list.json'), { what: 'the refusal' });
    assert.match(await page.locator('#refused').textContent(), /^scenario file: missing field `id`$/);
    const example = await readFile(new URL('scenarios/megacap-fed-week.json', DIST));
    const n = await checks(page);
    await page.setInputFiles('#start-file', { name: 'week.json', mimeType: 'application/json', buffer: example });
    await settled(page, n);
    assert.equal(await page.locator('#started').textContent(), 'Started from week.json.');
    assert.equal(await page.locator('#refused').textContent(), '', 'the refusal is cleared');
    await rm(big);
    assert.equal(await page.evaluate(() => document.body.dataset.problems), '0');
    assert.deepEqual(page.problems.pageErrors, []);
  });

  test('the snapshot drawn in the browser is byte-identical to the snapshot binary\'s for the same scenario and state', async () => {
    const example = fileURLToPath(new URL('www/scenarios/megacap-fed-week.json', REPO));
    const out = await mkdtemp(join(tmpdir(), 'tapecast-snap-'));
    await run('cargo', ['build', '--quiet', '--bin', 'tapecast-snapshots'], { cwd: fileURLToPath(REPO) });
    await run(fileURLToPath(new URL('target/debug/tapecast-snapshots', REPO)), ['--scenario', example, '--out', out]);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    const preset = manifest.states.find((st) => st.id !== 'as-of').id;
    const page = await studio(env);
    let n = await checks(page);
    await page.click('#start-example');
    await settled(page, n);
    for (const [state, lang] of [['as-of', 'en'], [preset, 'zh']]) {
      n = await checks(page);
      await page.selectOption('#opt-preset', state === 'as-of' ? '' : state);
      await page.selectOption('#opt-lang', lang);
      await settled(page, n);
      const drawn = await page.evaluate(() => fetch(document.getElementById('snapshot').src).then((r) => r.text()));
      const native = await readFile(join(out, lang, `${state}.svg`), 'utf8');
      assert.ok(native.length > 10_000, `${lang}/${state}.svg has content`);
      assert.ok(drawn === native, `${lang}/${state}: the browser's SVG (${drawn.length} chars) equals the binary's (${native.length})`);
      const path = await page.locator('#image-name').textContent();
      assert.equal(path, `snapshots/${manifest.scenario}/${lang}/${state}.svg`);
      assert.match(await page.locator('#snippet-image').inputValue(), new RegExp(`<img src="${env.url}${path.replace(/[.]/g, '\\.')}"`));
    }
    assert.deepEqual(page.problems.pageErrors, []);
  });

  test('the release folder\'s studio, copied to a sub-path of another host, fills its own address into a snippet that works from a blog on a third origin', async () => {
    const sub = 'static/sub/tapecast/';
    const copy = await copyRelease(sub);
    const cdn = await startServer({ root: copy.root, port: 0, headers: { 'Access-Control-Allow-Origin': '*' } });
    const folder = await mkdtemp(join(tmpdir(), 'tapecast-blog-'));
    const blog = await startServer({ root: folder, port: 0 });
    try {
      const base = `${cdn.url}${sub}`;
      const page = await env.newPage({ width: 1280, height: 900 });
      await page.goto(`${base}studio.html`);
      await page.waitForFunction(() => 'ready' in document.body.dataset, null, { timeout: 20_000 });
      assert.ok((await page.locator('.help').count()) > 20, 'help from the release\'s SCENARIOS.md');
      const zhPage = await env.newPage({ width: 1280, height: 900 });
      await zhPage.goto(`${base}studio.html?lang=zh`);
      await zhPage.waitForFunction(() => 'ready' in document.body.dataset, null, { timeout: 20_000 });
      const zhHelp = await zhPage.evaluate(() => [...document.querySelectorAll('#form .help')].map((p) => p.textContent));
      assert.ok(zhHelp.length > 20 && zhHelp.every((h) => /[\u4e00-\u9fff]/.test(h)), 'Chinese help from the release\'s SCENARIOS.zh.md');
      assert.deepEqual(zhPage.problems.failedRequests, []);
      await zhPage.close();
      const n = await checks(page);
      await type(page, 'title.en', 'From the release');
      await settled(page, n);
      const snippet = await page.locator('#snippet-inline').inputValue();
      assert.ok(snippet.startsWith(`<script type="module" src="${base}tapecast.js"></script>\n`), snippet.slice(0, 120));
      await writeFile(join(folder, 'post.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>post</title><link rel="icon" href="data:,"></head><body>\n${snippet}\n</body></html>\n`);
      const reader = await env.newPage();
      await reader.goto(`${blog.url}post.html`);
      await reader.waitForFunction(() => document.querySelector('tape-cast')?.hasAttribute('data-ready'), null, { timeout: 20_000 });
      assert.equal(await reader.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('.title').textContent), 'From the release');
      assert.deepEqual(reader.problems.pageErrors, []);
      assert.deepEqual(reader.problems.failedRequests, []);
    } finally {
      await blog.close();
      await cdn.close();
    }
  });

  test('a large upload (over the form\'s 256 KiB, two pieces) is read in steps by the shell\'s own feed.js: its problem listed, a good one opened', async () => {
    // One definition of the loop that hands a file to the wasm: the studio loads the shell's.
    const shell = await readFile(new URL('../../www/src/feed.js', import.meta.url), 'utf8');
    assert.equal(await readFile(new URL('studio/feed.js', DIST), 'utf8'), shell, 'the studio ships the shell\'s feed.js');
    const main = await readFile(new URL('studio/main.js', DIST), 'utf8');
    assert.doesNotMatch(main, /\.push\(text\.slice/, 'the studio has no piece loop of its own');
    const page = await studio(env);
    const pad = ' '.repeat(600 << 10);
    await page.setInputFiles('#start-file', { name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(`[1, 2, 3]${pad}`) });
    await pollUntil(() => page.locator('#started').textContent(), (t) => t.startsWith('list.json'), { what: 'the refusal' });
    assert.match(await page.locator('#refused').textContent(), /^scenario file: missing field `id`$/);
    const example = await readFile(new URL('scenarios/megacap-fed-week.json', DIST), 'utf8');
    const n = await checks(page);
    await page.setInputFiles('#start-file', { name: 'padded.json', mimeType: 'application/json', buffer: Buffer.from(`${example}${pad}`) });
    await settled(page, n);
    assert.equal(await page.locator('#started').textContent(), 'Started from padded.json.');
    assert.equal(await page.evaluate(() => document.body.dataset.problems), '0');
    assert.deepEqual(page.problems.pageErrors, []);
    assert.deepEqual(page.problems.failedRequests, []);
  });

  test('the reader\'s download carries nothing of the studio', async () => {
    const module = await readFile(new URL('tapecast.js', DIST), 'utf8');
    const types = await readFile(new URL('pkg/tapecast.d.ts', DIST), 'utf8');
    const wasm = await readFile(new URL('pkg/tapecast_bg.wasm', DIST));
    assert.ok(!/studio/i.test(module), 'tapecast.js has no studio code');
    assert.ok(!/studio_/.test(types), 'the reader\'s wasm exports nothing of the studio');
    assert.equal(wasm.indexOf('studio_check'), -1);
    const studioTypes = await readFile(new URL('studio/pkg/studio.d.ts', DIST), 'utf8');
    assert.match(studioTypes, /studio_check/, 'the studio has its own wasm');
    const gz = (b) => gzipSync(b, { level: 9 }).length;
    const bytes = gz(Buffer.from(module)) + gz(wasm); // the wasm's glue is inside the module
    // The reader's bytes (module + glue + wasm, gzip -9) just before the studio's first commit,
    // measured by building it: tests/e2e/reader-bytes.json.
    const base = JSON.parse(await readFile(new URL('./reader-bytes.json', import.meta.url), 'utf8'));
    console.log(`reader's bytes, gzip -9: ${bytes} (before the studio: ${base.total}; +${bytes - base.total})`);
    assert.ok(bytes - base.total <= 1024, `grew by ${bytes - base.total} bytes`);
  });

  test('at a 1280 px window the phone and desktop previews sit side by side, the desktop one the real widget at its own width', async () => {
    const page = await studio(env, { width: 1280, height: 900 });
    await page.waitForFunction(() => ['phone', 'desktop'].every((k) => document.getElementById(`preview-${k}`)?.hasAttribute('data-ready')), null, { timeout: 20_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const r = await page.evaluate(() => {
      const box = (id) => { const b = document.getElementById(id).getBoundingClientRect(); return { left: b.left, right: b.right, top: b.top, bottom: b.bottom }; };
      const desktop = document.getElementById('preview-desktop');
      const fan = desktop.shadowRoot.querySelector('canvas[part="fan"]');
      return { phone: box('phone'), desktop: box('desktop'), scaler: box('desktop-scaler'), laidOut: desktop.offsetWidth, fan: fan.offsetWidth, drawn: fan.width / devicePixelRatio, width: innerWidth };
    });
    console.log(`1280 px: phone ${JSON.stringify(r.phone)}, desktop ${JSON.stringify(r.desktop)} (laid out ${r.laidOut} px, fan ${r.fan} px)`);
    assert.ok(r.phone.right <= r.desktop.left, 'the desktop preview is right of the phone, not overlapping it');
    assert.ok(r.phone.left >= 0 && r.desktop.right <= r.width, 'both within the window\'s width');
    assert.ok(r.desktop.top < r.phone.bottom && r.phone.top < r.desktop.bottom, 'side by side, not stacked');
    assert.ok(r.desktop.bottom <= r.scaler.bottom + 1, 'the scaled preview fits its box (nothing below it is covered)');
    assert.ok(r.laidOut >= 700 && r.fan >= 600, `the desktop widget lays out at its real width (${r.laidOut} px, fan ${r.fan} px)`);
    assert.ok(Math.abs(r.drawn - r.fan) <= 1, `its charts are drawn for that width too, not the shrunk one (${r.drawn} px)`);
    await page.close();
  });

  for (const [width, colorScheme] of [[1280, 'light'], [1280, 'dark'], [360, 'light']]) {
    test(`screenshot at ${width} px, ${colorScheme}`, async () => {
      const page = await studio(env, { width, height: 900, colorScheme });
      await page.waitForFunction(() => document.getElementById('preview-phone')?.hasAttribute('data-ready'), null, { timeout: 20_000 });
      await page.screenshot({ path: `target/screenshots/studio-${width}-${colorScheme}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    });
  }

  test('at 360 px with every panel open (the snapshot image too), the page does not scroll sideways', async () => {
    const page = await studio(env, { width: 360, height: 900 });
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.waitForFunction(() => /** @type {HTMLImageElement} */ (document.getElementById('snapshot')).naturalWidth > 0, null, { timeout: 20_000 });
    const r = await page.evaluate(() => ({ overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, image: document.getElementById('snapshot').getBoundingClientRect().right }));
    assert.ok(r.overflow <= 0, `the page scrolls sideways by ${r.overflow} px`);
    assert.ok(r.image <= 360, `the snapshot image ends at ${r.image} px`);
    await page.close();
  });

  // The Chinese studio's help beside its fields: the inputs' section and the funding settings.
  for (const [width, colorScheme] of [[1280, 'light'], [1280, 'dark'], [360, 'light']]) {
    test(`screenshot of the Chinese help at ${width} px, ${colorScheme}`, async () => {
      const page = await studio(env, { width, height: 900, colorScheme, lang: 'zh' });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      for (const [name, path] of [['inputs', 'inputs.surprise'], ['funding', 'funding']]) {
        await page.evaluate((p) => document.querySelector(`fieldset[data-path="${p}"]`).scrollIntoView({ block: 'start' }), path);
        await page.screenshot({ path: `target/screenshots/studio-help-zh-${name}-${width}-${colorScheme}.png` });
      }
      assert.match(await page.locator('fieldset[data-path="funding"] > .help').textContent(), /准备金/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      await page.close();
    });
  }
});
