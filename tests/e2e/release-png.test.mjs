// tests/e2e/release-png.test.mjs — the release carries a PNG of every snapshot (for platforms that
// only take an uploaded image), beside its SVG, at twice the SVG's pixel size.
import assert from 'node:assert/strict';
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
