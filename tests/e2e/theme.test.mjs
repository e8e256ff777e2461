// tests/e2e/theme.test.mjs — the host page's theme reaches the canvas: a blog that sets
// `--tc-background` and `--tc-accent` (and their `-dark` variants) on <tape-cast> gets those
// colours in the chart pixels, not only in the frame around them; without them the defaults hold.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pollUntil, setup } from './harness.mjs';

const CREAM = { background: '#fdf6e3', accent: '#8a3ffc' };
const NIGHT = { background: '#1e1a14', accent: '#ffb000' };
const DEFAULT = { light: '#ffffff', dark: '#121417' };

// A host page (served from dist/'s origin, loading the built module) with its own colours on two
// widgets and none on two others.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Host theme</title>
<link rel="icon" href="data:,">
<style>
tape-cast.host { --tc-background: ${CREAM.background}; --tc-accent: ${CREAM.accent};
  --tc-background-dark: ${NIGHT.background}; --tc-accent-dark: ${NIGHT.accent}; }
</style>
<script type="module" src="tapecast.js"></script>
</head>
<body>
<tape-cast class="host" id="host-light" theme="light" loading="eager"></tape-cast>
<tape-cast class="host" id="host-dark" theme="dark" loading="eager"></tape-cast>
<tape-cast id="plain-light" theme="light" loading="eager"></tape-cast>
<tape-cast id="plain-dark" theme="dark" loading="eager"></tape-cast>
</body>
</html>
`;

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/**
 * What widget `id` shows: its frame's computed background, the four corner pixels of each
 * canvas, and how many fan pixels are within `tolerance` of each colour in `colors`.
 */
const look = (page, id, colors, tolerance = 10) => page.evaluate(([id, colors, tolerance]) => {
  const root = document.getElementById(id).shadowRoot;
  const canvases = [...root.querySelectorAll('canvas')];
  const corners = Object.fromEntries(canvases.map((c) => {
    const ctx = c.getContext('2d');
    const px = (x, y) => [...ctx.getImageData(x, y, 1, 1).data];
    return [c.getAttribute('part'), [px(0, 0), px(c.width - 1, 0), px(0, c.height - 1), px(c.width - 1, c.height - 1)]];
  }));
  const fan = root.querySelector('canvas[part="fan"]');
  const { data } = fan.getContext('2d').getImageData(0, 0, fan.width, fan.height);
  const near = colors.map(() => 0);
  for (let i = 0; i < data.length; i += 4) {
    colors.forEach((c, k) => {
      if (Math.abs(data[i] - c[0]) <= tolerance && Math.abs(data[i + 1] - c[1]) <= tolerance && Math.abs(data[i + 2] - c[2]) <= tolerance) near[k] += 1;
    });
  }
  return { frame: getComputedStyle(root.querySelector('.frame')).backgroundColor, corners, near };
}, [id, colors, tolerance]);

describe('the host page\'s theme reaches the charts', () => {
  let env; let page;
  before(async () => {
    env = await setup();
    page = await env.newPage({ dpr: 2, width: 1000, height: 900 });
    const url = `${env.url}theme-test.html`;
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }));
    await page.goto(url);
    await pollUntil(() => page.evaluate(() => document.querySelectorAll('tape-cast[data-ready]').length), (n) => n === 4,
      { timeout: 30_000, what: 'four widgets ready' });
  });
  after(async () => { await env?.teardown(); });

  /** Asserts that every canvas corner of widget `id` is `background`. */
  const assertBackground = (seen, background, id) => {
    assert.equal(seen.frame, `rgb(${rgb(background).join(', ')})`, `${id}: the frame's background`);
    assert.deepEqual(Object.keys(seen.corners), ['fan', 'bars', 'plumbing']);
    for (const [part, corners] of Object.entries(seen.corners)) {
      for (const c of corners) assert.deepEqual(c, [...rgb(background), 255], `${id}: ${part} corner is the background ${background}`);
    }
  };

  for (const [id, host] of [['host-light', CREAM], ['host-dark', NIGHT]]) {
    test(`${id}: the host's background and accent (${host.background}, ${host.accent}) are in the canvas pixels`, async () => {
      const seen = await look(page, id, [rgb(host.accent)]);
      assertBackground(seen, host.background, id);
      assert.ok(seen.near[0] >= 200, `${id}: the fan's median line is drawn in the host's accent (${seen.near[0]} pixels)`);
    });
  }

  for (const [id, background] of [['plain-light', DEFAULT.light], ['plain-dark', DEFAULT.dark]]) {
    test(`${id}: without the host's colours the defaults hold (${background})`, async () => {
      const seen = await look(page, id, [rgb(CREAM.accent), rgb(NIGHT.accent)], 2);
      assertBackground(seen, background, id);
      assert.deepEqual(seen.near, [0, 0], `${id}: none of the host's accents`);
    });
  }

  test('switching the theme attribute redraws in the host\'s dark colours', async () => {
    await page.evaluate(() => document.getElementById('host-light').setAttribute('theme', 'dark'));
    const seen = await pollUntil(() => look(page, 'host-light', [rgb(NIGHT.accent)]),
      (s) => s.corners.fan[0].join() === [...rgb(NIGHT.background), 255].join(), { what: 'the fan redrawn dark' });
    assertBackground(seen, NIGHT.background, 'host-light (now dark)');
    assert.ok(seen.near[0] >= 200, `the median line in the host's dark accent (${seen.near[0]} pixels)`);
  });

  test('no errors, nothing off-origin', () => {
    assert.deepEqual(page.problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  });
});
