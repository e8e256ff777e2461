// tests/e2e/twin.test.mjs — the benchmark's plain-JavaScript twin of the model kernel (bench/twin.js)
// against the wasm in headless Chromium: on the as-of state, every preset and corners of the input
// box, with fans of a price, a rate and a mean-reverting series, the twin's percentiles must equal
// Widget.bench_numbers() to relative 1e-9. The bench page (bench/index.html) is served as
// scripts/bench serves it: dist/ with bench/ beside it (here as symlinks in a temporary folder,
// so dist/ stays what ships), plus the twin's scenario numbers from `cargo test --bench project`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ISOLATE_HEADERS } from '../../scripts/serve.mjs';
import { setup } from './harness.mjs';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TOLERANCE = 1e-9;

// The built-in scenario (the one dist/'s widget shows): its presets, input box and series.
const scenario = JSON.parse(await readFile(`${REPO}src/scenario/default.json`, 'utf8'));
const numeric = ['surprise', 'cut_odds', 'shortfall', 'rmp_pace'];
const options = scenario.inputs.rmp_start.options.map((o) => o.id);

/** A corner of the input box: `high` names the inputs at their maximum, the rest at their minimum. */
function corner(high, rmpStart) {
  const set = numeric.map((k) => [k.replace('_', '-'), String(scenario.inputs[k][high.includes(k) ? 'max' : 'min'])]);
  return { name: `corner ${high.length ? high.join('+') : 'all'} ${high.length ? 'high' : 'low'}, rmp-start ${rmpStart}`, set: [...set, ['rmp-start', rmpStart]] };
}

const STATES = [
  { name: 'as-of (reset)', set: [] },
  ...scenario.presets.map((p) => ({ name: `preset ${p.id}`, preset: p.id })),
  corner([], options[0]),
  corner(numeric, options.at(-1)),
  corner(['surprise', 'shortfall'], options[1]),
  corner(['cut_odds', 'rmp_pace'], options.at(-1)),
  corner(['shortfall', 'rmp_pace'], options[0]),
];
// The lead series (a price), a rate in basis points, and the mean-reverting series (its own path).
const FANS = ['spx', 'us10y', scenario.assets.findLast((a) => a.mean_reversion > 0).id];

/** Serves bench/index.html as scripts/bench does: <site>/ = dist/, <site>/bench/ = bench/ + the twin spec. */
async function benchSite() {
  const dist = await readdir(`${REPO}dist`).catch(() => {
    throw new Error(`${REPO}dist/ is missing: run ./scripts/build first (scripts/test does)`);
  });
  const site = await mkdtemp(join(tmpdir(), 'tapecast-twin-'));
  for (const entry of dist) await symlink(`${REPO}dist/${entry}`, join(site, entry));
  await mkdir(join(site, 'bench'));
  for (const file of await readdir(`${REPO}bench`)) await symlink(`${REPO}bench/${file}`, join(site, 'bench', file));
  // The scenario as plain numbers for the twin (benches/project.rs writes it and exits).
  await run('cargo', ['test', '--bench', 'project'], {
    cwd: REPO,
    env: { ...process.env, TAPECAST_TWIN_SPEC: join(site, 'bench', 'twin-spec.json') },
    maxBuffer: 1 << 24,
  });
  return site;
}

describe('the benchmark twin (bench/twin.js) agrees with the wasm model', () => {
  let site, env, page;
  const results = new Map(); // `${state} / ${fan}` → { inputs, wasm, js, maxRel }

  /** Puts the page's widget in `state` and compares the twin with wasm for the fan of `fan`. */
  const compare = (state, fan) => page.evaluate(async ([s, f]) => {
    await window.firstChart;
    const w = document.querySelector('tape-cast').widget;
    w.reset();
    for (const [name, text] of [...(s.preset ? [['preset', s.preset]] : []), ...(s.set ?? [])]) {
      const notes = w.set(name, text);
      if (notes.length) throw new Error(notes.join('; '));
    }
    return window.bench.compare(f);
  }, [state, fan]);

  before(async () => {
    site = await benchSite();
    env = await setup({ root: site, headers: ISOLATE_HEADERS });
    page = await env.newPage({ width: 1000, height: 900 });
    await page.goto(`${env.url}bench/index.html`, { waitUntil: 'load' });
    await page.evaluate(() => window.firstChart);
  });
  after(async () => {
    await env?.teardown();
    if (site) await rm(site, { recursive: true, force: true });
  });

  for (const state of STATES) {
    test(`${state.name}: the twin's percentiles equal wasm's to relative ${TOLERANCE}`, async (t) => {
      for (const fan of FANS) {
        const r = await compare(state, fan);
        results.set(`${state.name} / ${fan}`, r);
        const days = r.wasm.length / 5 - scenario.assets.length;
        assert.ok(days > 20 && Number.isInteger(days), `${fan}: ${r.wasm.length} numbers from wasm`);
        assert.equal(r.js.length, r.wasm.length, `${fan}: as many numbers from the twin as from wasm`);
        assert.ok(r.wasm.every(Number.isFinite), `${fan}: wasm's numbers are finite`);
        assert.ok(r.maxRel <= TOLERANCE, `${fan} at ${JSON.stringify(r.inputs)}: largest relative difference ${r.maxRel}`);
        t.diagnostic(`${fan}: ${r.wasm.length} numbers, largest relative difference ${r.maxRel.toExponential(2)}`);
      }
    });
  }

  test('the check has teeth: every state gives other numbers, and a changed input changes both sides', async () => {
    assert.equal(results.size, STATES.length * FANS.length, 'every state was compared');
    // Distinct inputs give distinct numbers (same inputs, e.g. the as-of preset and reset, give the same).
    const lead = STATES.map((s) => results.get(`${s.name} / ${FANS[0]}`));
    for (let i = 0; i < lead.length; i++) {
      for (let j = i + 1; j < lead.length; j++) {
        const sameInputs = JSON.stringify(lead[i].inputs) === JSON.stringify(lead[j].inputs);
        const sameNumbers = JSON.stringify(lead[i].wasm) === JSON.stringify(lead[j].wasm);
        assert.equal(sameNumbers, sameInputs, `${STATES[i].name} vs ${STATES[j].name}`);
      }
    }
    // Half a step of surprise away from the as-of state moves the lead's percentiles on both sides,
    // by far more than the tolerance, and the two still agree.
    const base = lead[0];
    const moved = await compare({ set: [['surprise', String(scenario.inputs.surprise.as_of + 0.5)]] }, FANS[0]);
    assert.notEqual(moved.inputs.surprise, base.inputs.surprise);
    const rel = (a, b) => Math.max(...a.map((x, k) => Math.abs(x - b[k]) / Math.max(Math.abs(b[k]), 1e-300)));
    assert.ok(rel(moved.wasm, base.wasm) > 1e-6, 'wasm moved');
    assert.ok(rel(moved.js, base.js) > 1e-6, 'the twin moved');
    assert.ok(moved.maxRel <= TOLERANCE, `after the change: ${moved.maxRel}`);
  });

  test("the benchmark's own twin check (window.bench.twin) agrees too", async () => {
    const t = await page.evaluate(() => window.bench.twin(20, 2));
    assert.ok(t.compared > 0, 'numbers were compared');
    assert.ok(t.maxRel <= TOLERANCE, `largest relative difference ${t.maxRel} over ${t.compared} numbers`);
  });

  test('the bench page loads with no errors or failed requests', () => {
    assert.deepEqual(page.problems, { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  });
});
