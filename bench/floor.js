// bench/floor.js — the floor the widget is measured against: the same three panels (the fan,
// every series' median change, the repo plumbing) drawn by plain hand-written Canvas2D code, at
// the widget's sizes, colours and device pixel ratio, from projections the wasm computed before
// the run (floor-first.json, floor-drag.json: bench/page.js floorData). It schedules like the
// widget: one redraw per animation frame, only the fan while the range is dragged, the other
// panels after the first paint and when the drag pauses. No model runs here.
import { afterPaint, armDrag, dragDone, dragRecords } from './drag.js';

const dpr = devicePixelRatio || 1;
const $ = (id) => document.getElementById(id);
const TICK = 11, TITLE = 13;

/** Round axis ticks: about `n` steps of 1, 2 or 5 × a power of ten covering lo..hi. */
function ticks(lo, hi, n = 5) {
  const raw = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return { out, step };
}

const number = (v, d = 0) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }).replace('-', '−');

/** Sizes the canvas's backing store (which resets its state) and scales to CSS pixels. */
function surface(canvas, width, height) {
  canvas.style.height = `${height}px`;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** The band between percentile columns `lo` and `hi` (of 5 a day) as one filled path. */
function band(ctx, bands, lo, hi, x, y) {
  const days = bands.length / 5;
  ctx.beginPath();
  for (let d = 0; d < days; d++) ctx.lineTo(x(d), y(bands[d * 5 + hi]));
  for (let d = days - 1; d >= 0; d--) ctx.lineTo(x(d), y(bands[d * 5 + lo]));
  ctx.closePath();
  ctx.fill();
}

function line(ctx, bands, col, x, y) {
  ctx.beginPath();
  for (let d = 0; d < bands.length / 5; d++) ctx.lineTo(x(d), y(bands[d * 5 + col]));
  ctx.stroke();
}

/** A percentile fan in the box (left, top, width, height) with a value axis and date ticks. */
function fanIn(ctx, bands, box, t, data, dates, labelled) {
  const days = bands.length / 5;
  let lo = Infinity, hi = -Infinity;
  for (let d = 0; d < days; d++) { lo = Math.min(lo, bands[d * 5]); hi = Math.max(hi, bands[d * 5 + 4]); }
  const pad = (hi - lo) * 0.05 || 1;
  lo -= pad; hi += pad;
  const x = (d) => box.left + (box.width * d) / (days - 1);
  const y = (v) => box.top + box.height * (1 - (v - lo) / (hi - lo));
  ctx.font = `${TICK}px ${data.font}`;
  ctx.lineWidth = 1;
  ctx.strokeStyle = t.border;
  ctx.fillStyle = t.muted;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const { out, step } = ticks(lo, hi);
  const decimals = step < 1 ? Math.min(3, -Math.floor(Math.log10(step))) : 0;
  ctx.beginPath();
  for (const v of out) { ctx.moveTo(box.left, Math.round(y(v)) + 0.5); ctx.lineTo(box.left + box.width, Math.round(y(v)) + 0.5); }
  ctx.stroke();
  for (const v of out) ctx.fillText(number(v, decimals), box.left - 4, y(v));
  if (labelled) {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let d = 0; d < days; d += Math.max(1, Math.floor(days / 5))) ctx.fillText(dates[d].slice(5), x(d), box.top + box.height + 4);
  }
  ctx.globalAlpha = 0.18;
  ctx.fillStyle = t.accent;
  band(ctx, bands, 0, 4, x, y);
  ctx.globalAlpha = 0.35;
  band(ctx, bands, 1, 3, x, y);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = t.accent;
  ctx.lineWidth = 2;
  line(ctx, bands, 2, x, y);
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = t.warning;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(box.left, y(bands[2]));
  ctx.lineTo(box.left + box.width, y(bands[2]));
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = t.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(number(bands[(days - 1) * 5 + 2], decimals), box.left + box.width + 4, y(bands[(days - 1) * 5 + 2]));
}

function heading(ctx, text, width, t, data) {
  ctx.fillStyle = t.background;
  ctx.fillRect(0, 0, width, 10000);
  ctx.fillStyle = t.text;
  ctx.font = `600 ${TITLE}px ${data.font}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(text, 8, 6);
}

/** The fan: title, a key, the bands, the median, the as-of line, value and date ticks. */
function drawFan(state, data) {
  const { width, height } = data.main;
  const ctx = surface($('fan'), width, height);
  const t = data.theme;
  heading(ctx, data.title, width, t, data);
  ctx.font = `${TICK}px ${data.font}`;
  ctx.textBaseline = 'middle';
  ['5–95%', '25–75%', 'median', 'as of'].forEach((k, i) => {
    ctx.fillStyle = i === 3 ? t.warning : t.accent;
    ctx.globalAlpha = [0.18, 0.35, 1, 1][i];
    ctx.fillRect(8 + i * 90, 28, 14, 8);
    ctx.globalAlpha = 1;
    ctx.fillStyle = t.text;
    ctx.fillText(k, 26 + i * 90, 32);
  });
  fanIn(ctx, state.fan, { left: 56, top: 46, width: width - 120, height: height - 72 }, t, data, data.dates, true);
}

/** Every series' median change by the horizon: one labelled bar per row around zero. */
function drawBars(state, data) {
  const width = data.main.width, rows = state.bars.length, row = 22;
  const height = 40 + rows * row;
  const ctx = surface($('bars'), width, height);
  const t = data.theme;
  heading(ctx, 'Median change by year-end', width, t, data);
  const most = Math.max(...state.bars.map(Math.abs), 1e-9);
  const zero = 150 + (width - 220) / 2, half = (width - 220) / 2;
  ctx.font = `${TICK}px ${data.font}`;
  ctx.textBaseline = 'middle';
  state.bars.forEach((v, i) => {
    const yMid = 36 + i * row + row / 2;
    ctx.fillStyle = t.text;
    ctx.textAlign = 'right';
    ctx.fillText(data.assets[i] ?? '', 140, yMid);
    ctx.fillStyle = v >= 0 ? t.accent : t.warning;
    const len = (half * v) / most;
    ctx.fillRect(Math.min(zero, zero + len), yMid - 7, Math.abs(len), 14);
    ctx.fillStyle = t.text;
    ctx.textAlign = v >= 0 ? 'left' : 'right';
    ctx.fillText(`${number(v, 1)}`, zero + len + (v >= 0 ? 4 : -4), yMid);
  });
  ctx.strokeStyle = t.border;
  ctx.beginPath();
  ctx.moveTo(zero + 0.5, 32);
  ctx.lineTo(zero + 0.5, height - 4);
  ctx.stroke();
}

/** The plumbing: the SOFR − IORB spread's fan over the SRF's use, two panels sharing the dates. */
function drawPlumbing(state, data) {
  const width = data.main.width, height = Math.min(420, Math.max(260, (width * 3) / 4));
  const ctx = surface($('plumbing'), width, height);
  const t = data.theme;
  heading(ctx, 'Repo stress and SRF use', width, t, data);
  const panel = (height - 60) / 2;
  fanIn(ctx, state.spread, { left: 56, top: 30, width: width - 120, height: panel - 10 }, t, data, data.dates, false);
  fanIn(ctx, state.srf, { left: 56, top: 40 + panel, width: width - 120, height: panel - 10 }, t, data, data.dates, true);
}

let loaded = () => {};
const sweepLoaded = new Promise((resolve) => { loaded = resolve; });
// Set before the first await, so the driver finds it however slow the fetches are.
window.bench = { firstChart: () => window.firstChart, ready: () => sweepLoaded, armDrag, dragDone, dragRecords };

const data = await (await fetch('./floor-first.json')).json();
const range = /** @type {HTMLInputElement} */ ($('drag'));
Object.assign(range, { min: data.first.min, max: data.first.max, step: data.first.step });
range.value = data.first.value;
range.style.width = `${data.range.width}px`;
drawFan(data.first, data);
$('floor').setAttribute('data-ready', '');
// The other panels after the first paint, which needs only the fan.
requestAnimationFrame(() => afterPaint(() => { drawBars(data.first, data); drawPlumbing(data.first, data); }));

const sweep = fetch('./floor-drag.json').then((r) => r.json());
sweep.then(() => loaded(true));
let frame = 0, settle = 0;
range.addEventListener('input', async () => {
  const states = await sweep;
  const state = states[range.value];
  if (!state) throw new Error(`floor: no projection recorded for ${range.value}`);
  if (!frame) frame = requestAnimationFrame(() => { frame = 0; drawFan(states[range.value], data); });
  clearTimeout(settle);
  settle = setTimeout(() => requestAnimationFrame(() => { drawBars(states[range.value], data); drawPlumbing(states[range.value], data); }), 150);
});
