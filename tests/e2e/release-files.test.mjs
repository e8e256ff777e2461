// tests/e2e/release-files.test.mjs — release files that need no browser to check: a PNG of every
// snapshot (for platforms that only take an uploaded image) at twice the SVG's pixel size, every
// share card at its own size, and the wasm's hash pinned inside tapecast.js.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const RELEASES = fileURLToPath(new URL('../../releases/', import.meta.url));

test('every snapshot state has a 2x PNG beside its SVG', async () => {
  const name = (await readdir(RELEASES)).find((n) => /^tapecast-[\d.]+$/.test(n));
  assert.ok(name, 'scripts/release has written a release folder');
  const dir = join(RELEASES, name);
  const manifest = JSON.parse(await readFile(join(dir, 'snapshots/manifest.json'), 'utf8'));
  assert.equal(manifest.states.length, 10);
  for (const s of manifest.states) {
    const name = s.svg.replace(/\.svg$/, '.png');
    const png = await readFile(join(dir, name));
    assert.equal(png.subarray(1, 4).toString(), 'PNG', name);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    assert.equal(png.readUInt32BE(16), manifest.width * 2, `${name} width`);
    assert.equal(png.readUInt32BE(20), s.height * 2, `${name} height`);
    assert.ok(png.length > 50_000, `${name} has content (${png.length} bytes)`);
  }
});

test('every state has its share card as a PNG at the size link previews and feeds take', async () => {
  const name = (await readdir(RELEASES)).find((n) => /^tapecast-[\d.]+$/.test(n));
  const dir = join(RELEASES, name);
  const manifest = JSON.parse(await readFile(join(dir, 'snapshots/manifest.json'), 'utf8'));
  const cards = manifest.states.flatMap((s) => s.cards);
  assert.equal(cards.length, manifest.states.length * 2, 'landscape and portrait for every state and language');
  for (const card of cards) {
    const png = await readFile(join(dir, card.svg.replace(/\.svg$/, '.png')));
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [card.width, card.height], card.svg);
    assert.ok([[1200, 675], [1080, 1350]].some(([w, h]) => w === card.width && h === card.height), card.svg);
    assert.ok(png.length > 30_000, `${card.svg} has content (${png.length} bytes)`);
  }
});

test('tapecast.js pins the reader\'s wasm and author.js the author\'s by their sha384, as integrity.json lists them', async () => {
  const name = (await readdir(RELEASES)).find((n) => /^tapecast-[\d.]+$/.test(n));
  const dir = join(RELEASES, name);
  const listed = JSON.stringify(JSON.parse(await readFile(join(dir, 'integrity.json'), 'utf8')));
  const hashes = [];
  for (const [module, file] of [['tapecast.js', 'pkg/tapecast_bg.wasm'], ['author.js', 'pkg/author/tapecast_bg.wasm']]) {
    const js = await readFile(join(dir, module), 'utf8');
    const sri = `sha384-${createHash('sha384').update(await readFile(join(dir, file))).digest('base64')}`;
    hashes.push(sri);
    // Minified after the hash was written in: the hash, the file's name and a fetch with `{integrity:…}`.
    assert.ok(js.includes(`"${sri}"`), `${module} carries the hash of ${file}`);
    assert.ok(js.includes(`"./${file}"`), `${module} fetches ${file}`);
    assert.match(js, /fetch\(new URL\([^)]*,import\.meta\.url\),\{integrity:\w+\}\)/, `${module} fetches it with the hash as its integrity`);
    assert.ok(listed.includes(sri), `integrity.json lists the same hash for ${file}`);
  }
  assert.notEqual(hashes[0], hashes[1], 'two different wasms');
});

/** The URLs in `html`'s href and src attributes, decoded once as HTML attribute text. */
const urls = (html) => [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]
  .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));

test('every snippet\'s links keep their parameters: preset and lang=zh reach the iframe page', async () => {
  const name = (await readdir(RELEASES)).find((n) => /^tapecast-[\d.]+$/.test(n));
  const dir = join(RELEASES, name);
  const json = JSON.parse(await readFile(join(dir, 'snippets.json'), 'utf8'));
  let checked = 0;
  for (const kind of ['iframe', 'image', 'module']) {
    for (const [key, html] of Object.entries(json[kind].states)) {
      const [lang, id] = key.split('/');
      for (const u of urls(html).filter((x) => x.includes('embed.html'))) {
        const url = new URL(u);
        const params = Object.fromEntries(url.searchParams);
        for (const k of Object.keys(params)) assert.match(k, /^(preset|lang)$/, `${key} ${kind}: unexpected parameter ${k} in ${u}`);
        assert.equal(params.lang ?? 'en', lang, `${key} ${kind}: ${u}`);
        assert.equal(params.preset ?? 'as-of', id, `${key} ${kind}: ${u}`);
        checked += 1;
      }
    }
  }
  assert.ok(checked >= 30, `links checked: ${checked}`);
  for (const file of ['SNIPPETS.md', 'index.html']) {
    const text = await readFile(join(dir, file), 'utf8');
    assert.doesNotMatch(text, /&amp;amp;/, `${file}: nothing escaped twice`);
    for (const u of urls(text).filter((x) => x.includes('embed.html?'))) {
      for (const k of new URL(u, 'https://example.com/').searchParams.keys()) assert.match(k, /^(preset|lang)$/, `${file}: ${u}`);
    }
  }
});
