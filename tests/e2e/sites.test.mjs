// tests/e2e/sites.test.mjs — real site generators: the Hugo (shortcode) and Jekyll (include)
// examples under examples/, built by the Debian packages `hugo` and `jekyll` from a copy with the
// release folder added, then loaded in headless Chromium: the widget renders inside the site's
// theme, starts from the author's preset and reacts to the keyboard; the link and step forms
// set its state (and, without JavaScript, open the snapshots).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { canvasHash, pollUntil, setup, shot } from './harness.mjs';
import { releaseDir, REPO } from './release.mjs';

const run = promisify(execFile);

const SITES = {
  hugo: {
    async build(src, out) {
      await cp(await releaseDir(), join(src, 'static/tapecast'), { recursive: true });
      await run('hugo', ['--source', src, '--destination', out, '--quiet', '--noBuildLock'], { timeout: 60_000 });
    },
    page: 'posts/nvidia-week/',
    preset: { surprise: -10, shortfall: 250 },
    link: { selector: 'a[data-tapecast][data-preset="nvda-delivers"]', want: { surprise: 9, 'cut-odds': 45 } },
    theme: { header: '.site-header', font: /Palatino|Georgia/ },
  },
  jekyll: {
    async build(src, out) {
      const release = await releaseDir();
      await cp(release, join(src, 'tapecast'), { recursive: true });
      await mkdir(join(src, '_includes'), { recursive: true });
      await cp(join(release, 'snapshots'), join(src, '_includes/tapecast-snapshots'), { recursive: true });
      await run('jekyll', ['build', '--quiet', '--disable-disk-cache', '-s', src, '-d', out], { timeout: 120_000 });
    },
    page: '2025/11/18/fed-blinks.html',
    preset: { 'cut-odds': 85, 'rmp-start': 'december' },
    link: { selector: 'a[data-tapecast][data-preset="nvda-misses"]', want: { surprise: -10, shortfall: 250 } },
    theme: { header: 'header.site-header', font: /Helvetica|Arial|sans-serif/ },
  },
};

for (const [name, site] of Object.entries(SITES)) {
  describe(`the ${name} example`, () => {
    let env;
    after(async () => { await env?.teardown(); });

    test(`${name} builds the site, and the widget renders and reacts inside its theme`, async () => {
      const work = await mkdtemp(join(tmpdir(), `tapecast-${name}-`));
      const src = join(work, 'src');
      const out = join(work, 'public');
      await cp(`${REPO}examples/${name}`, src, { recursive: true });
      const started = Date.now();
      await site.build(src, out);
      assert.ok(Date.now() - started < 60_000, `${name} builds in seconds`);
      env = await setup({ root: out });

      // Without JavaScript: the theme's page with the snapshot figure and table.
      const still = await env.newPage({ width: 900, height: 900, javaScriptEnabled: false });
      await still.goto(`${env.url}${site.page}`);
      assert.ok(await still.$(site.theme.header), 'theme header');
      assert.ok((await still.$$('tape-cast figure.tapecast-snapshot tbody tr')).length >= 10, 'fallback table inside the element');
      const stillLinks = await still.evaluate(() => [...document.querySelectorAll('.step-link a, a[data-tapecast]')].map((a) => a.href));
      assert.ok(stillLinks.filter((h) => h.endsWith('.svg')).length >= 3, `links and steps lead to snapshots: ${stillLinks}`);
      for (const h of stillLinks.filter((x) => x.endsWith('.svg'))) assert.equal((await still.request.get(h)).status(), 200, h);
      assert.deepEqual(still.problems.failedRequests, [], 'the snapshot figure loads at 900 px');

      // On a phone the figure's <picture> picks the 320 px drawing: its address must be rewritten
      // like the image's (a relative srcset resolves against the post's folder and 404s).
      const phone = await env.newPage({ width: 360, height: 800, javaScriptEnabled: false });
      await phone.goto(`${env.url}${site.page}`);
      const picked = await pollUntil(() => phone.evaluate(() => {
        const img = document.querySelector('tape-cast figure.tapecast-snapshot img');
        return img && img.complete ? { src: img.currentSrc, width: img.naturalWidth } : null;
      }), Boolean, { what: 'phone snapshot loaded' });
      assert.match(picked.src, /\/tapecast\/snapshots\/en\/[a-z0-9-]+\.phone\.svg$/, 'the phone drawing, from the release folder');
      assert.ok(picked.width > 0, `the phone drawing decoded: ${JSON.stringify(picked)}`);
      assert.deepEqual(phone.problems.failedRequests, [], 'no 404 on a phone');

      const page = await env.newPage({ width: 900, height: 900 });
      const changes = [];
      await page.exposeFunction('recordChange', (d) => changes.push(d));
      await page.addInitScript(() => document.addEventListener('scenariochange', (e) => window.recordChange(e.detail.inputs)));
      await page.goto(`${env.url}${site.page}`);
      await pollUntil(() => page.evaluate(() => !!document.querySelector('tape-cast[data-ready]')), Boolean, { timeout: 20_000, what: 'widget ready' });
      assert.ok(await page.$(site.theme.header), 'inside the theme');
      const look = await page.evaluate(() => {
        const w = document.querySelector('tape-cast');
        return { font: getComputedStyle(w).fontFamily, parent: getComputedStyle(w.parentElement).fontFamily, width: w.getBoundingClientRect().width, value: w.value };
      });
      assert.equal(look.font, look.parent, 'the widget uses the theme font');
      assert.match(look.font, site.theme.font);
      assert.ok(look.width > 300);
      for (const [k, v] of Object.entries(site.preset)) assert.equal(look.value[k], v, `preset ${k}`);

      // React: the keyboard moves the surprise slider; the chart redraws and the event fires.
      const before = await canvasHash(page);
      await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('input[data-input="surprise"]').focus());
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      await pollUntil(() => page.evaluate(() => document.querySelector('tape-cast').value.surprise), (v) => v === look.value.surprise + 3, { what: 'slider moved' });
      await pollUntil(() => canvasHash(page), (h) => h !== before, { what: 'fan redrawn' });
      // scenariochange follows the pause after the key presses (they redraw the fan alone, like drag
      // frames), and reaches the test through an exposed function: wait for it rather than race it.
      await pollUntil(() => changes.some((c) => c.surprise === look.value.surprise + 3), Boolean, { what: 'scenariochange with the new input' });
      await shot(page, `site-${name}`);

      // A link in the prose sets the state; a step crossing the middle of the screen sets its own.
      const value = () => page.evaluate(() => document.querySelector('tape-cast').value);
      await page.click(site.link.selector);
      await pollUntil(value, (v) => Object.entries(site.link.want).every(([k, x]) => v[k] === x), { what: 'the link\'s state' });
      await page.evaluate(() => {
        const step = document.querySelector('[data-tapecast-step][data-preset="2019-replay"]');
        scrollBy(0, step.getBoundingClientRect().top - innerHeight / 2 + 10);
      });
      await pollUntil(value, (v) => v.shortfall === 350 && v['rmp-start'] === 'none', { what: 'the step\'s state' });
      // Chromium now and then starts fetching the snapshot figure's phone drawing on this 900 px
      // page and cancels it (seen in two of six full runs; why is not established: a speculative
      // fetch before the viewport applies is the guess). A cancelled request whose address serves the file is not a
      // problem; a wrong address (the relative srcset's 404 that failed CI) still is.
      const { failedRequests, ...rest } = page.problems;
      const broken = [];
      for (const f of failedRequests) {
        const [url, why] = f.split(' ');
        if (why === 'net::ERR_ABORTED' && url.endsWith('.phone.svg') && (await page.request.get(url)).status() === 200) continue;
        broken.push(f);
      }
      assert.deepEqual({ ...rest, failedRequests: broken }, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    });
  });
}
