// tapecast.js — the <tape-cast> custom element. It builds native form controls, observes size
// and theme, coalesces updates to one per animation frame and calls into the wasm module, which
// owns the model, the drawing and every string. Text goes in as text, never as HTML.

import init, { Widget, warn } from './pkg/tapecast.js';

// A release writes the wasm's sha384 here (scripts/release), so that the browser refuses any
// other bytes: with this file pinned by its own `integrity` attribute, the whole chain is pinned.
const WASM_INTEGRITY = '';

let ready; // one fetch and one instance of the wasm per page, shared by every widget
const load = () => (ready ??= init(WASM_INTEGRITY
  ? { module_or_path: fetch(new URL('./pkg/tapecast_bg.wasm', import.meta.url), { integrity: WASM_INTEGRITY }) }
  : undefined));

const CSS = `
:host { display: block; margin: 1.5em 0; font: inherit; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.frame { container-type: inline-size; border: 1px solid var(--tc-border, #d0d4da); border-radius: 6px;
  padding: 12px; background: var(--tc-background, #fff); color: var(--tc-text, #1a1a1a); }
.frame.dark { background: var(--tc-background-dark, #121417); color: var(--tc-text-dark, #e8eaed);
  border-color: var(--tc-border-dark, #30343a); }
.title { font-weight: 600; margin: 0 0 8px; font-size: 1.05rem; line-height: 1.3; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 0 0 10px; }
.bar .label { font-size: .85rem; margin-right: 4px; }
button, select, input { font: inherit; }
button { border: 1px solid currentColor; background: transparent; color: inherit; border-radius: 4px;
  padding: 3px 8px; font-size: .85rem; cursor: pointer; }
button[aria-pressed="true"] { background: var(--tc-accent, #005e96); border-color: var(--tc-accent, #005e96); color: #fff; }
.dark button[aria-pressed="true"] { background: var(--tc-accent-dark, #56b4e9); border-color: var(--tc-accent-dark, #56b4e9); color: #111; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--tc-accent, #005e96); outline-offset: 2px; }
.controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 12px 20px; margin-bottom: 12px; }
.head { display: flex; align-items: baseline; gap: 6px; flex-wrap: wrap; }
.head label { font-size: .9rem; font-weight: 600; }
.unit { font-weight: 400; }
.delta { font-size: .75rem; padding: 0 5px; border-radius: 8px; border: 1px solid currentColor; }
.delta:empty { display: none; }
output { margin-left: auto; font-variant-numeric: tabular-nums; font-weight: 600; }
.row { display: flex; align-items: center; gap: 8px; }
.row input[type=range] { flex: 1; min-width: 0; margin: 6px 0; touch-action: pan-y; accent-color: var(--tc-accent, #005e96); }
.dark .row input[type=range] { accent-color: var(--tc-accent-dark, #56b4e9); }
.row input[type=number] { width: 4.6em; }
.track { position: relative; height: 1.1em; font-size: .7rem; }
.track span { position: absolute; transform: translateX(-50%); white-space: nowrap; }
.help, .cue { margin: 2px 0 0; font-size: .78rem; line-height: 1.35; }
.cue { font-style: italic; }
.charts { display: grid; gap: 12px; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 760px) { .charts { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } .wide { grid-column: 1 / -1; } }
select { max-width: 100%; }
.chart { position: relative; width: 100%; }
.chart.fan { aspect-ratio: 16 / 9; min-height: 240px; max-height: 440px; }
.chart.plumbing { aspect-ratio: 4 / 3; min-height: 260px; max-height: 420px; }
canvas { display: block; width: 100%; height: 100%; }
.summary { margin: 10px 0 0; font-size: .95rem; line-height: 1.45; }
.tools { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; align-items: center; }
.status { font-size: .8rem; }
table { border-collapse: collapse; font-size: .8rem; margin-top: 8px; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; margin-bottom: 4px; }
th, td { border-bottom: 1px solid var(--tc-border, #d0d4da); padding: 3px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.scroll { overflow-x: auto; }
.notes:empty { display: none; }
.notes { margin: 8px 0 0; padding: 6px 8px; border-left: 3px solid var(--tc-warning, #b24d00); font-size: .85rem; }
.notes p { margin: 0; }
.source { margin: 8px 0 0; font-size: .75rem; }
.failed { padding: 12px; border: 1px solid #b24d00; border-radius: 6px; }
:host([compact]) .help, :host([compact]) .cue, :host([compact]) .secondary, :host([compact]) .tools { display: none; }
@media (forced-colors: active) { canvas { forced-color-adjust: none; } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

let sheet;
const styles = () => {
  if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
  return sheet;
};

const INPUTS = ['surprise', 'cut-odds', 'shortfall', 'rmp-start', 'rmp-pace'];
const CHARTS = ['fan', 'bars', 'plumbing'];
let count = 0;

// The only strings shown before the wasm (which holds every other string) has loaded.
/** What the shell itself writes: before the wasm has loaded, and notes on what only it reads. */
const SHELL_TEXT = {
  en: {
    loading: 'Loading the interactive chart…',
    failed: 'The interactive chart could not start:',
    builtIn: 'Showing the built-in scenario instead.',
    notPreset: (v) => `preset: "${v}" is not a preset of this scenario (kept the current inputs)`,
    notSeries: (v) => `asset: "${v}" is not a series of this scenario (kept the current one)`,
  },
  zh: {
    loading: '正在加载交互图表……',
    failed: '交互图表无法启动：',
    builtIn: '改为显示内置情景。',
    notPreset: (v) => `preset："${v}" 不是本情景的预设（保留当前输入）`,
    notSeries: (v) => `asset："${v}" 不是本情景的数据序列（保留当前序列）`,
  },
};

/** Creates an element with properties, attributes (names with a dash) and text — never HTML. */
function el(tag, props = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.includes('-') || k === 'for' || k === 'part' || k === 'role' || k === 'list') node.setAttribute(k, v);
    else node[k] = v;
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Saves text as a file through a temporary link. */
function download(name, blob) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

class TapeCast extends HTMLElement {
  static observedAttributes = [...INPUTS, 'preset', 'asset', 'lang', 'theme'];

  constructor() {
    super();
    this.widget = null;
    this.frame = 0;
    this.controls = new Map();
    this.canvases = new Map();
    this.notes = [];
  }

  connectedCallback() {
    if (this.shadowRoot) { if (!this.started) this.lazyStart(); return; }
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.key = this.id || `tc${count++ || ''}`;
    this.frameEl = el('div', { className: 'frame', part: 'frame' });
    // Until the wasm is ready, show the author's fallback (light-DOM children such as a
    // snapshot <figure>) through a slot; build() replaces it with the interactive chart.
    const fallback = [...this.children].some((c) => !c.matches('script'));
    this.frameEl.append(fallback ? el('slot') : el('p', { className: 'summary' }, this.shellText().loading));
    root.append(this.frameEl);
    this.lazyStart();
  }

  /** Fetches and compiles the wasm only once the widget is within about a viewport of view. */
  lazyStart() {
    const go = () => { this.lazy?.disconnect(); this.lazy = null; this.started = true; this.start().catch((e) => this.fail(e)); };
    if (this.getAttribute('loading') === 'eager' || typeof IntersectionObserver !== 'function') return go();
    this.lazy = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) go(); }, { rootMargin: '100% 0px' });
    this.lazy.observe(this);
  }

  disconnectedCallback() {
    this.lazy?.disconnect();
    this.resize?.disconnect();
    this.darkQuery?.removeEventListener('change', this.onTheme);
    cancelAnimationFrame(this.frame);
    clearTimeout(this.cueTimer);
    this.cueRun = (this.cueRun ?? 0) + 1;
    clearTimeout(this.settle);
    this.frame = 0;
  }

  attributeChangedCallback(name, _old, value) {
    if (!this.widget || value === null) return;
    if (name === 'lang') { this.widget.set_lang(this.lang()); this.build(); }
    else if (name !== 'theme') this.apply(name, value);
    this.schedule();
  }

  /** The inputs as numbers (and the purchase start as its option id). */
  get value() {
    if (!this.widget) return null;
    const out = {};
    for (const id of INPUTS) out[id] = id === 'rmp-start' ? this.widget.get(id) : Number(this.widget.get(id));
    return out;
  }

  set value(inputs) {
    if (!this.widget || !inputs || typeof inputs !== 'object') return;
    for (const [id, v] of Object.entries(inputs)) this.apply(id, String(v));
    this.schedule();
  }

  zh() {
    return this.lang().trim().toLowerCase().startsWith('zh');
  }

  shellText() {
    return SHELL_TEXT[this.zh() ? 'zh' : 'en'];
  }

  lang() {
    return this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  /** An author's scenario: an inline JSON child or a same-origin `src`. */
  async authored() {
    const inline = this.querySelector('script[type="application/json"]');
    if (inline) return { text: inline.textContent, from: 'inline scenario' };
    const src = this.getAttribute('src');
    if (!src) return null;
    const url = new URL(src, location.href);
    if (url.origin !== location.origin) throw new Error(`src: "${src.slice(0, 80)}" is not on this site (only same-origin scenario files load)`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`src: "${src.slice(0, 80)}" could not be loaded (HTTP ${response.status})`);
    return { text: await response.text(), from: src };
  }

  async start() {
    await load();
    let scenario;
    try {
      const file = await this.authored();
      if (file) {
        try { scenario = JSON.parse(file.text); } catch (e) { throw new Error(`${file.from}: not valid JSON (${e.message})`); }
      }
    } catch (e) {
      this.note(e.message);
    }
    try {
      this.widget = new Widget({ lang: this.lang(), scenario });
    } catch (problems) {
      // Every problem of the author's file, then the built-in story so the box is never empty.
      for (const line of String(problems).split('\n')) this.note(line);
      this.note(this.shellText().builtIn);
      this.widget = new Widget({ lang: this.lang() });
    }
    this.applyAttributes();
    for (const note of this.widget.restore(location.hash, this.key)) this.note(note);
    this.build();
    this.darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.onTheme = () => this.schedule();
    this.darkQuery.addEventListener('change', this.onTheme);
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(this.frameEl);
    this.render();
    this.setAttribute('data-ready', '');
  }

  /** The author's case: preset first, then single inputs, then the series. */
  applyAttributes() {
    for (const name of ['preset', ...INPUTS, 'asset']) {
      if (this.hasAttribute(name)) this.apply(name, this.getAttribute(name));
    }
  }

  /** Applies one attribute or value; problems become visible notes and console warnings. */
  apply(name, value) {
    if (name === 'preset') {
      if (!this.widget.preset(value.trim())) this.note(this.shellText().notPreset(value.slice(0, 40)));
    } else if (name === 'asset') {
      if (!this.widget.select_asset(value.trim())) this.note(this.shellText().notSeries(value.slice(0, 40)));
    } else if (INPUTS.includes(name)) {
      const problem = this.widget.set(name, value);
      if (problem) this.note(problem);
    }
  }

  note(text) {
    warn(`<tape-cast>: ${text}`);
    this.notes.push(text);
    this.notesEl?.append(el('p', {}, text));
  }

  /** Builds (or rebuilds, on a language change) everything inside the frame. */
  build() {
    const w = this.widget;
    const layout = w.layout();
    const t = w.strings();
    this.t = t;
    const f = this.frameEl;
    f.replaceChildren();
    f.lang = layout.lang;
    f.append(el('p', { className: 'title' }, layout.title));

    const bar = el('div', { className: 'bar', role: 'group', 'aria-label': t.presets });
    bar.append(el('span', { className: 'label' }, `${t.presets}:`));
    this.presetButtons = layout.presets.map(([id, label, description]) => {
      const b = el('button', { type: 'button', title: description, 'aria-pressed': 'false' }, label);
      b.addEventListener('click', () => { w.preset(id); this.changed(); b.setAttribute('aria-pressed', 'true'); });
      bar.append(b);
      return b;
    });
    const reset = el('button', { type: 'button' }, t.reset);
    reset.addEventListener('click', () => { w.reset(); this.applyAttributes(); this.changed(); });
    bar.append(reset);
    f.append(bar);

    const controls = el('div', { className: 'controls' });
    this.controls.clear();
    for (const c of layout.controls) controls.append(this.control(c));
    f.append(controls);

    const charts = el('div', { className: 'charts' });
    const fanBox = el('div', { className: 'wide' });
    const pick = el('label', {}, `${t.series} `);
    const select = el('select', { 'data-asset': '' });
    for (const [id, label] of layout.assets) select.append(el('option', { value: id }, label));
    select.addEventListener('change', () => { w.select_asset(select.value); this.schedule(); });
    pick.append(select);
    this.assetSelect = select;
    fanBox.append(el('div', { className: 'bar' }), this.chartBox('fan', t.fanName));
    fanBox.firstChild.append(pick);
    charts.append(fanBox, this.chartBox('bars', t.barsName, 'secondary'), this.chartBox('plumbing', t.plumbingName, 'secondary'));
    f.append(charts);

    this.summaryEl = el('p', { className: 'summary', 'aria-live': 'polite' });
    const tools = el('div', { className: 'tools' });
    const tableButton = el('button', { type: 'button', 'aria-expanded': 'false' }, t.showTable);
    const png = el('button', { type: 'button' }, t.downloadPng);
    const csv = el('button', { type: 'button' }, t.downloadCsv);
    const link = el('button', { type: 'button' }, t.copyLink);
    this.statusEl = el('span', { className: 'status', role: 'status' });
    tools.append(tableButton, png, csv, link, this.statusEl);
    this.tableEl = el('div', { className: 'scroll', hidden: true });
    tableButton.addEventListener('click', () => {
      const open = this.tableEl.hidden;
      this.tableEl.hidden = !open;
      tableButton.setAttribute('aria-expanded', String(open));
      tableButton.textContent = open ? t.hideTable : t.showTable;
      if (open) this.fillTable();
    });
    png.addEventListener('click', () => this.exportPng());
    csv.addEventListener('click', () => download('tapecast.csv', new Blob([w.csv()], { type: 'text/csv' })));
    link.addEventListener('click', () => this.copyLink());
    this.notesEl = el('div', { className: 'notes', role: 'status' });
    for (const n of this.notes) this.notesEl.append(el('p', {}, n));
    f.append(this.summaryEl, tools, this.tableEl, this.notesEl, el('p', { className: 'source' }, layout.source));
  }

  chartBox(kind, name, extra = '') {
    const box = el('div', { className: `chart ${kind} ${extra}`.trim() });
    const canvas = el('canvas', { part: kind, role: 'img', 'aria-label': name });
    canvas.dataset.name = name;
    box.append(canvas);
    this.canvases.set(kind, { box, canvas });
    return box;
  }

  control(c) {
    const id = `${this.key}-${c.id}`;
    const box = el('div', { className: 'control' });
    const head = el('div', { className: 'head' });
    const label = el('label', { for: id }, `${c.label} `);
    const [open, close] = this.widget.lang_tag().startsWith('zh') ? ['（', '）'] : ['(', ')'];
    if (c.unit) label.append(el('span', { className: 'unit' }, `${open}${c.unit}${close}`));
    const delta = el('span', { className: 'delta' });
    head.append(label, delta);
    const help = el('p', { className: 'help', id: `${id}-help` }, c.help);
    const cue = el('p', { className: 'cue' });
    const row = el('div', { className: 'row' });
    if (c.options.length) {
      const select = el('select', { id, 'data-input': c.id, 'aria-describedby': `${help.id}` });
      for (const [value, text] of c.options) select.append(el('option', { value }, text));
      select.addEventListener('change', () => { this.widget.set(c.id, select.value); this.changed(); });
      row.append(select);
      box.append(head, row, help, cue);
      this.controls.set(c.id, { select, cue, delta });
      return box;
    }
    const common = { min: c.min, max: c.max, step: c.step };
    const output = el('output', { 'data-for': c.id, for: id });
    head.append(output);
    const marks = el('datalist', { id: `${id}-marks` });
    marks.append(el('option', { value: c.as_of }));
    for (const [value] of c.marks) marks.append(el('option', { value }));
    const range = el('input', { type: 'range', id, ...common, list: marks.id, 'data-input': c.id, 'aria-describedby': `${help.id} ${id}-cue` });
    const number = el('input', { type: 'number', ...common, 'aria-label': `${c.label} (${c.unit})`, 'data-number': c.id });
    cue.id = `${id}-cue`;
    range.addEventListener('input', () => { this.widget.set(c.id, range.value); this.drag(); });
    range.addEventListener('change', () => this.changed());
    number.addEventListener('change', () => {
      const problem = this.widget.set(c.id, number.value);
      if (problem) this.note(problem);
      this.changed();
    });
    row.append(range, number);
    const track = el('div', { className: 'track', 'aria-hidden': 'true' });
    const at = (v) => `${((v - c.min) / (c.max - c.min)) * 100}%`;
    const asOf = el('span', {}, `▲ ${this.widget.display_value(c.id, c.as_of)}`);
    asOf.style.left = at(c.as_of);
    track.append(asOf);
    box.append(head, row, marks, track, help, cue);
    this.controls.set(c.id, { range, number, output, delta, cue, unit: c.unit, label: c.label });
    return box;
  }

  /** After a deliberate change: redraw, remember the state in the URL fragment. */
  changed() {
    for (const b of this.presetButtons ?? []) b.setAttribute('aria-pressed', 'false');
    this.schedule();
    try { history.replaceState(history.state, '', this.widget.fragment(location.hash, this.key)); } catch { /* sandboxed frames */ }
  }

  /** One redraw at the next frame; `full` (the default) redraws every chart, not just the fan. */
  schedule(full = true) {
    this.pendingFull ||= full;
    if (this.frame || !this.widget) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const all = this.pendingFull;
      this.pendingFull = false;
      this.render(all);
    });
  }

  /** While a slider moves, only the fan follows each frame; the other charts catch up on a pause. */
  drag() {
    this.schedule(false);
    clearTimeout(this.settle);
    this.settle = setTimeout(() => this.schedule(), 150);
  }

  dark() {
    const t = this.getAttribute('theme');
    return t === 'dark' || (t !== 'light' && !!this.darkQuery?.matches);
  }

  render(full = true) {
    const w = this.widget;
    for (const [id, c] of this.controls) {
      const value = w.get(id);
      c.delta.textContent = w.delta(id);
      if (c.select) { c.select.value = value; continue; }
      if (c.range.value !== value) c.range.value = value;
      if (this.shadowRoot.activeElement !== c.number) c.number.value = value;
      const shown = w.display(id);
      c.output.textContent = shown;
      c.range.setAttribute('aria-valuetext', `${c.label} ${shown} ${c.unit}`.trim());
    }
    this.assetSelect.value = w.asset_id();
    const dark = this.dark();
    this.frameEl.classList.toggle('dark', dark);
    if (full || !this.font) this.font = getComputedStyle(this).fontFamily;
    const font = this.font;
    const bars = this.canvases.get('bars');
    if (full) {
      const barsHeight = `${Math.ceil(w.bars_height(bars.box.getBoundingClientRect().width))}px`;
      if (bars.box.style.height !== barsHeight) bars.box.style.height = barsHeight;
    }
    const dpr = devicePixelRatio || 1;
    for (const kind of full ? CHARTS : ['fan']) {
      const { box, canvas } = this.canvases.get(kind);
      if (!box.offsetParent) continue; // hidden (compact)
      const r = box.getBoundingClientRect();
      try { w.draw(kind, canvas, r.width, r.height, dpr, dark, font); } catch (e) { this.note(`chart: ${e}`); }
    }
    const summary = w.summary();
    this.summaryEl.textContent = summary;
    this.canvases.get('fan').canvas.setAttribute('aria-label', `${this.t.fanName}. ${summary}`);
    if (full && !this.tableEl.hidden) this.fillTable();
    this.dispatchEvent(new CustomEvent('scenariochange', { detail: w.headline(), bubbles: true }));
    clearTimeout(this.cueTimer);
    this.cueRun = (this.cueRun ?? 0) + 1;
    this.cueTimer = setTimeout(() => this.cues(), 250);
  }

  /** How far each input alone can move the headline number: computed when the reader pauses,
   * one input per idle period so that no long task blocks the page. */
  cues() {
    const ids = [...this.controls.keys()];
    const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 16));
    const run = ++this.cueRun;
    const next = () => {
      const id = ids.shift();
      if (!id || !this.widget || run !== this.cueRun) return; // a newer redraw starts over
      this.controls.get(id).cue.textContent = this.widget.sensitivity(id);
      idle(next);
    };
    next();
  }

  fillTable() {
    const data = this.widget.table();
    const table = el('table');
    table.append(el('caption', {}, data.caption));
    const head = el('tr');
    for (const h of data.head) head.append(el('th', { scope: 'col' }, h));
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    for (const row of data.rows) {
      const tr = el('tr');
      row.forEach((cell, i) => tr.append(i === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)));
      body.append(tr);
    }
    table.append(body);
    this.tableEl.replaceChildren(table);
  }

  async copyLink() {
    const url = `${location.href.split('#')[0]}${this.widget.fragment(location.hash, this.key)}`;
    try {
      await navigator.clipboard.writeText(url);
      this.statusEl.textContent = this.t.linkCopied;
    } catch {
      // No clipboard permission: show the link, selected, for a manual copy.
      const field = el('input', { type: 'text', value: url, readOnly: true, 'aria-label': this.t.copyLink });
      this.statusEl.replaceChildren(field);
      field.select();
    }
  }

  /** The three charts stacked on one image, with a caption: title, inputs, versions, source. */
  exportPng() {
    const dpr = devicePixelRatio || 1;
    const shown = CHARTS.map((k) => this.canvases.get(k).canvas).filter((c) => c.width > 0 && c.offsetParent);
    const width = Math.max(...shown.map((c) => c.width));
    const lines = this.widget.caption(new Date().toISOString().slice(0, 10));
    const line = Math.round(18 * dpr);
    const height = shown.reduce((h, c) => h + c.height, 0) + line * (lines.length + 1);
    const out = el('canvas', { width, height });
    const ctx = out.getContext('2d');
    const dark = this.dark();
    ctx.fillStyle = dark ? '#121417' : '#ffffff';
    ctx.fillRect(0, 0, width, height);
    let y = 0;
    for (const c of shown) { ctx.drawImage(c, 0, y); y += c.height; }
    ctx.fillStyle = dark ? '#e8eaed' : '#1a1a1a';
    ctx.font = `${Math.round(12 * dpr)}px ${getComputedStyle(this).fontFamily}`;
    y += line;
    for (const text of lines) { ctx.fillText(text, Math.round(8 * dpr), y, width - 16 * dpr); y += line; }
    out.toBlob((blob) => blob && download('tapecast.png', blob), 'image/png');
  }

  fail(error) {
    const message = `${this.shellText().failed} ${error?.message ?? error}`;
    console.error(`<tape-cast>: ${message}`);
    this.shadowRoot?.replaceChildren(el('p', { className: 'failed', role: 'alert' }, message), el('slot'));
  }
}

if (!customElements.get('tape-cast')) customElements.define('tape-cast', TapeCast);
