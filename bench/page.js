// bench/page.js — measurements inside the benchmark page; bench/driver.mjs calls window.bench.*.
// Every function returns plain numbers (milliseconds unless named otherwise).
import '../tapecast.js';
import { afterPaint, armDrag, dragDone, dragRecords } from './drag.js';

const now = () => performance.now();
const nextFrame = () => new Promise((r) => requestAnimationFrame(r));
/** Resolves at the start of a frame: in a task right after a frame's paint. */
const frameStart = () => new Promise((r) => requestAnimationFrame((ts) => afterPaint(() => r(ts))));

const widget = () => document.querySelector('tape-cast');
/** The widget once it is ready: its first chart painted and the rest drawn (`data-ready`). */
const ready = async () => {
  await window.firstChart;
  while (!widget()?.hasAttribute('data-ready')) await nextFrame();
  return widget();
};

/** The slider's values, visited so that every update changes the input. */
function sweep(range, n) {
  const min = Number(range.min), max = Number(range.max), step = Number(range.step) || 1;
  const steps = Math.round((max - min) / step);
  // A stride coprime with the number of steps visits values all over the range.
  return Array.from({ length: n }, (_, i) => String(min + ((i * 37 + 1) % (steps + 1)) * step));
}

const sliders = (el) => ['surprise', 'cut-odds', 'shortfall', 'rmp-pace']
  .map((id) => el.shadowRoot.querySelector(`input[type=range][data-input="${id}"]`));

/**
 * The largest relative difference between the twin's numbers and wasm's; Infinity when one is
 * not finite (a NaN never passes as agreement).
 */
function largestRel(mine, theirs) {
  let maxRel = 0;
  for (let j = 0; j < mine.length; j++) {
    const rel = Math.abs(mine[j] - theirs[j]) / Math.max(Math.abs(theirs[j]), 1e-300);
    if (!(rel <= maxRel)) maxRel = Number.isFinite(rel) ? Math.max(maxRel, rel) : Infinity;
  }
  return maxRel;
}

/** The twin's module, imported when first used: not while the page loads (an article has no
 * twin, and the floor page none either), where it would count against the widget's first chart. */
const twinModule = () => import('./twin.js');

/** The twin, set up once per page from the scenario as plain numbers (./twin-spec.json). */
let sharedTwin = null;
const twinOnce = () => (sharedTwin ??= Promise.all([twinModule(), fetch('./twin-spec.json').then((r) => r.json())]).then(([{ Twin }, spec]) => new Twin(spec)));

/** The widget's current inputs as the twin takes them: rmp-start as its option's index. */
function twinInputs(w) {
  const options = w.layout().inputs.find((c) => c.id === 'rmp-start').options.map((o) => o.id);
  return {
    surprise: Number(w.get('surprise')), cut_odds: Number(w.get('cut-odds')), shortfall: Number(w.get('shortfall')),
    rmp_start: options.indexOf(w.get('rmp-start')), rmp_pace: Number(w.get('rmp-pace')),
  };
}

/** The widget's wasm memory in bytes (its instance as bench/first-chart.js saw it made: the glue
 * is inside tapecast.js, and importing a copy of it here would make a second instance). */
async function wasmMemory() {
  const { instance } = await window.wasmInstance;
  return instance.exports.memory.buffer.byteLength;
}

/** The widget's projection as plain numbers, from its CSV: every series' daily bands by id. */
function projectionOf(w) {
  const series = new Map();
  for (const line of w.csv().split('\n')) {
    const cells = line.split(',');
    if (cells.length !== 8 || line.startsWith('#') || cells[0] === 'date') continue;
    const [date, id, unit, ...band] = cells;
    if (!series.has(id)) series.set(id, { id, unit, dates: [], bands: [] });
    const s = series.get(id);
    s.dates.push(date);
    s.bands.push(...band.map(Number));
  }
  return series;
}

/**
 * What the floor page (bench/floor.js) draws, computed by the wasm: for the first chart the
 * widget's current state, and for each value of the dragged range (keyed as `range.value`
 * reads) the fan's bands, each series' median change by the horizon and the plumbing's two
 * bands; with the widget's colours, labels and chart sizes, so both pages draw the same thing.
 */
function floorState(w, fan) {
  const series = projectionOf(w);
  const bands = (id) => series.get(id)?.bands ?? [];
  const change = [...series.values()].filter((s) => s.unit === 'level' || s.unit === 'percent').map((s) => {
    const first = s.bands[2], last = s.bands[s.bands.length - 3];
    return s.unit === 'percent' ? (last - first) * 100 : (100 * (last - first)) / first;
  });
  return { fan: bands(fan), bars: change, spread: bands('sofr-iorb'), srf: bands('srf-use') };
}

window.bench = {
  firstChart: () => window.firstChart,
  ready: async () => { await ready(); return true; },

  /**
   * Input → frame done: at the start of a frame, set a slider and dispatch `input`; the widget
   * redraws in its next animation frame; the end is a task posted from an animation-frame
   * callback queued after the widget's, so it runs after that frame's style, layout and paint.
   * A frame is missed when the next frame starts more than 1.5 intervals after the redraw's.
   */
  async updates(n, warmup) {
    const el = await ready();
    const ranges = sliders(el);
    const values = ranges.map((r) => sweep(r, n + warmup));
    const latency = [], gaps = [];
    let redrawFrame = null;
    for (let i = 0; i < n + warmup; i++) {
      const start = await frameStart();
      if (redrawFrame !== null && i > warmup) gaps.push(start - redrawFrame);
      const k = i % ranges.length;
      ranges[k].value = values[k][i];
      const t0 = now();
      ranges[k].dispatchEvent(new Event('input', { bubbles: true }));
      const [frame, t1] = await new Promise((r) => requestAnimationFrame((ts) => afterPaint(() => r([ts, now()]))));
      redrawFrame = frame;
      if (i >= warmup) latency.push(t1 - t0);
    }
    gaps.push((await frameStart()) - redrawFrame);
    return { latency, gaps };
  },

  /** The floor page's data (see floorState), recorded by the driver before the timed runs. */
  async floorData(input) {
    const el = await ready();
    const w = el.widget;
    const layout = w.layout();
    const fan = w.asset_id();
    const series = projectionOf(w);
    const box = (c) => { const r = c.box.getBoundingClientRect(); return { width: r.width, height: r.height }; };
    const range = el.shadowRoot.querySelector(`input[type=range][data-input="${input}"]`);
    const first = floorState(w, fan);
    const start = range.value;
    const sweep = {};
    const min = Number(range.min), max = Number(range.max), step = Number(range.step) || 1;
    for (let i = 0; i <= Math.round((max - min) / step); i++) {
      range.value = String(min + i * step);
      w.set(input, range.value);
      sweep[range.value] = floorState(w, fan);
    }
    range.value = start;
    w.set(input, start);
    const fanSeries = series.get(fan);
    return {
      first: { ...first, value: start, min: range.min, max: range.max, step: range.step },
      sweep,
      theme: w.theme(),
      font: getComputedStyle(el).fontFamily,
      title: layout.assets.find((a) => a.id === fan)?.label ?? fan,
      assets: layout.assets.map((a) => a.label),
      dates: fanSeries?.dates ?? [],
      main: box(el.charts.list.find((c) => c.spec.main)),
      range: { width: range.getBoundingClientRect().width },
    };
  },

  armDrag,
  dragDone,
  dragRecords,

  /** The model alone and the drawing alone, per update, on the widget's own state and canvases. */
  async split(n, warmup) {
    const el = await ready();
    const w = el.widget;
    const ranges = sliders(el);
    const values = ranges.map((r) => sweep(r, n + warmup));
    const fields = ['surprise', 'cut-odds', 'shortfall', 'rmp-pace'];
    const font = getComputedStyle(el).fontFamily, dpr = devicePixelRatio || 1;
    const model = [], draw = [];
    for (let i = 0; i < n + warmup; i++) {
      const k = i % fields.length;
      w.set(fields[k], values[k][i]);
      const t0 = now();
      w.bench_project();
      const t1 = now();
      for (const { spec, box, canvas } of el.charts.list) {
        if (!box.offsetParent) continue;
        const r = box.getBoundingClientRect();
        w.draw(spec.kind, canvas, r.width, r.height, dpr, font);
      }
      const t2 = now();
      if (i >= warmup) { model.push(t1 - t0); draw.push(t2 - t1); }
      if (i % 20 === 0) await nextFrame();
    }
    return { model, draw };
  },

  /** Many updates as fast as the page allows (input event, then a synchronous redraw). */
  async many(n) {
    const el = await ready();
    const ranges = sliders(el);
    const values = ranges.map((r) => sweep(r, n));
    for (let i = 0; i < n; i++) {
      const k = i % ranges.length;
      ranges[k].value = values[k][i];
      ranges[k].dispatchEvent(new Event('input', { bubbles: true }));
      el.render();
      if (i % 50 === 49) await nextFrame();
    }
    await nextFrame();
    return { wasmMemory: await wasmMemory() };
  },

  wasmMemory,

  /**
   * The plain-JS twin against the wasm model on the same inputs, alternating per input: wasm
   * `bench_project()` (the widget's model alone) and the twin's `project()`. Also checks the
   * percentiles agree: returns the largest relative difference over every number compared.
   */
  async twin(n, warmup) {
    const el = await ready();
    const w = el.widget;
    const spec = await (await fetch('./twin-spec.json')).json();
    const { Twin } = await twinModule();
    const t0 = now();
    const twin = new Twin(spec);
    const setup = now() - t0;
    const fan = 0;
    w.set('asset', 'spx');
    const surprise = sweep({ min: -25, max: 25, step: 0.5 }, n + warmup);
    const cut = sweep({ min: 0, max: 100, step: 1 }, n + warmup);
    const short = sweep({ min: 0, max: 500, step: 5 }, n + warmup);
    const wasm = [], js = [];
    let maxRel = 0, compared = 0;
    const base = { ...spec.as_of };
    // Reset the widget's other inputs to the as-of state the twin starts from.
    w.reset();
    for (let i = 0; i < n + warmup; i++) {
      const inputs = { ...base, surprise: Number(surprise[i]), cut_odds: Number(cut[i]), shortfall: Number(short[i]) };
      w.set('surprise', surprise[i]);
      w.set('cut-odds', cut[i]);
      w.set('shortfall', short[i]);
      const a = now();
      w.bench_project();
      const b = now();
      const mine = twin.project(inputs, fan);
      const c = now();
      if (i >= warmup) { wasm.push(b - a); js.push(c - b); }
      if (i % 10 === 0) {
        const theirs = w.bench_numbers();
        if (theirs.length !== mine.length) throw new Error(`twin: ${mine.length} numbers, wasm ${theirs.length}`);
        maxRel = Math.max(maxRel, largestRel(mine, theirs));
        compared += mine.length;
      }
      if (i % 10 === 0) await nextFrame();
    }
    return { wasm, js, setup, maxRel, compared };
  },

  /**
   * The twin against wasm on the widget's current inputs, with the fan of series `asset` (an
   * id): both lists of numbers (the layout of Widget.bench_numbers()), the inputs as the twin
   * took them, and the largest relative difference (tests/e2e/twin.test.mjs).
   */
  async compare(asset) {
    const w = (await ready()).widget;
    const twin = await twinOnce();
    if (w.set('asset', asset).length) throw new Error(`no series ${asset}`);
    const fan = w.layout().assets.findIndex((a) => a.id === asset);
    const inputs = twinInputs(w);
    const wasm = Array.from(w.bench_numbers());
    const js = Array.from(twin.project(inputs, fan));
    return { inputs, wasm, js, maxRel: js.length === wasm.length ? largestRel(js, wasm) : Infinity };
  },
};
