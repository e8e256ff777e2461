// @ts-check
// element.js — the <tape-cast> custom element: its lifecycle (lazy start near the viewport, the
// fallback until then, clean-up on removal), its attributes and `value`, and the wiring of the
// parts: controls, charts, notes, exports, permalinks. The wasm owns the model, the drawing and
// every string.

import { Charts } from './charts.js';
import { Controls } from './controls.js';
import { el } from './dom.js';
import { downloadCsv, downloadPng, fillTable } from './exports.js';
import { messageOf, Notes } from './notes.js';
import { copyLink, rememberState, restoreState } from './permalink.js';
import { authoredScenario } from './scenario.js';
import { FrameScheduler, IdleRun } from './scheduler.js';
import { styles } from './styles.js';
import { shellText } from './text.js';
import { isDark } from './theme.js';
import { load, Widget } from './wasm.js';

/** @typedef {import('./wasm.js').Layout} Layout */
/** @typedef {import('./wasm.js').Strings} Strings */

const INPUTS = ['surprise', 'cut-odds', 'shortfall', 'rmp-start', 'rmp-pace'];
const CHARTS = /** @type {const} */ (['fan', 'bars', 'plumbing']);
let count = 0;

/** The parts of a built widget that each redraw updates. */
/** @typedef {{ t: Strings, summary: HTMLParagraphElement, table: HTMLDivElement }} View */

export class TapeCast extends HTMLElement {
  static observedAttributes = [...INPUTS, 'preset', 'asset', 'lang', 'theme'];

  constructor() {
    super();
    /** @type {Widget | null} */
    this.widget = null;
    /** @type {View | null} */
    this.view = null;
    this.key = '';
    this.started = false;
    this.font = '';
    this.frameEl = el('div', { className: 'frame', part: 'frame' });
    this.notes = new Notes();
    this.charts = new Charts();
    this.controls = new Controls({
      changed: () => this.changed(),
      dragged: () => this.scheduler.drag(),
      redraw: () => this.schedule(),
      note: (notes) => this.notes.add(...notes),
      reset: () => { this.widget?.reset(); this.applyAttributes(); this.changed(); },
    });
    this.scheduler = new FrameScheduler((full) => this.render(full));
    this.cueRun = new IdleRun();
    /** @type {IntersectionObserver | null} */
    this.lazy = null;
    /** @type {ResizeObserver | null} */
    this.resize = null;
    /** @type {MediaQueryList | null} */
    this.darkQuery = null;
    this.onTheme = () => this.schedule();
  }

  connectedCallback() {
    if (this.shadowRoot) { if (!this.started) this.lazyStart(); return; }
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.key = this.id || `tc${count++ || ''}`;
    // Until the wasm is ready, show the author's fallback (light-DOM children such as a
    // snapshot <figure>) through a slot; build() replaces it with the interactive chart.
    const fallback = [...this.children].some((c) => !c.matches('script'));
    this.frameEl.append(fallback ? el('slot') : el('p', { className: 'summary' }, shellText(this.language()).loading));
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
    this.scheduler.cancel();
    this.cueRun.cancel();
  }

  /** @param {string} name @param {string | null} _old @param {string | null} value */
  attributeChangedCallback(name, _old, value) {
    if (!this.widget || value === null) return;
    if (name === 'lang') { this.widget.set_lang(this.language()); this.build(); }
    else if (name !== 'theme') this.apply(name, value);
    this.schedule();
  }

  /** The inputs as numbers (and the purchase start as its option id). */
  get value() {
    const w = this.widget;
    if (!w) return null;
    /** @type {Record<string, string | number>} */
    const out = {};
    for (const id of INPUTS) out[id] = id === 'rmp-start' ? w.get(id) : Number(w.get(id));
    return out;
  }

  set value(inputs) {
    if (!this.widget || !inputs || typeof inputs !== 'object') return;
    for (const [id, v] of Object.entries(inputs)) this.apply(id, String(v));
    this.schedule();
  }

  /** The widget's language: its `lang` attribute, else the nearest ancestor's, else the page's. */
  language() {
    return this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  async start() {
    await load();
    const { scenario, problems } = await authoredScenario(this);
    this.notes.add(...problems);
    try {
      this.widget = new Widget({ lang: this.language(), scenario });
    } catch (e) {
      // Every problem of the author's file, then the built-in story so the box is never empty.
      this.notes.add(...String(e).split('\n'), shellText(this.language()).builtIn);
      this.widget = new Widget({ lang: this.language() });
    }
    this.applyAttributes();
    this.notes.add(...restoreState(this.widget, this.key));
    this.build();
    this.darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.darkQuery.addEventListener('change', this.onTheme);
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(this.frameEl);
    this.render();
    this.setAttribute('data-ready', '');
  }

  /** The author's case: preset first, then single inputs, then the series. */
  applyAttributes() {
    for (const name of ['preset', ...INPUTS, 'asset']) {
      const value = this.getAttribute(name);
      if (value !== null) this.apply(name, value);
    }
  }

  /** Applies one attribute or value; problems become notes. */
  apply(/** @type {string} */ name, /** @type {string} */ value) {
    const w = this.widget;
    if (!w) return;
    const t = shellText(w.lang_tag());
    if (name === 'preset') {
      if (!w.preset(value.trim())) this.notes.add(t.notPreset(value.slice(0, 40)));
    } else if (name === 'asset') {
      if (!w.select_asset(value.trim())) this.notes.add(t.notSeries(value.slice(0, 40)));
    } else if (INPUTS.includes(name)) {
      const problem = w.set(name, value);
      if (problem) this.notes.add(problem);
    }
  }

  /** Builds (or rebuilds, on a language change) everything inside the frame. */
  build() {
    const w = this.widget;
    if (!w) return;
    const layout = /** @type {Layout} */ (w.layout());
    const t = /** @type {Strings} */ (w.strings());
    const f = this.frameEl;
    f.replaceChildren();
    f.lang = layout.lang;
    f.append(el('p', { className: 'title' }, layout.title), this.controls.presetBar(w, layout, t), this.controls.inputControls(w, layout, this.key));
    const specs = CHARTS.map((kind) => ({ kind, name: t[`${kind}Name`], main: kind === 'fan' }));
    f.append(this.charts.build(specs, this.controls.seriesPicker(w, layout, t)));

    const summary = el('p', { className: 'summary', 'aria-live': 'polite' });
    const table = el('div', { className: 'scroll', hidden: true });
    const status = el('span', { className: 'status', role: 'status' });
    const tableButton = el('button', { type: 'button', 'aria-expanded': 'false' }, t.showTable);
    const png = el('button', { type: 'button' }, t.downloadPng);
    const csv = el('button', { type: 'button' }, t.downloadCsv);
    const link = el('button', { type: 'button' }, t.copyLink);
    tableButton.addEventListener('click', () => {
      const open = table.hidden;
      table.hidden = !open;
      tableButton.setAttribute('aria-expanded', String(open));
      tableButton.textContent = open ? t.hideTable : t.showTable;
      if (open) fillTable(w, table);
    });
    png.addEventListener('click', () => {
      const dark = this.dark();
      downloadPng(w, this.charts.shown(), dark ? { background: '#121417', text: '#e8eaed' } : { background: '#ffffff', text: '#1a1a1a' }, getComputedStyle(this).fontFamily);
    });
    csv.addEventListener('click', () => downloadCsv(w));
    link.addEventListener('click', () => copyLink(w, this.key, status, t));
    const tools = el('div', { className: 'tools' });
    tools.append(tableButton, png, csv, link, status);
    f.append(summary, tools, table, this.notes.box, el('p', { className: 'source' }, layout.source));
    this.view = { t, summary, table };
  }

  /** After a deliberate change: redraw, remember the state in the URL fragment. */
  changed() {
    this.controls.unpress();
    this.schedule();
    if (this.widget) rememberState(this.widget, this.key);
  }

  /** One redraw at the next frame; `full` (the default) redraws every chart, not just the main one. */
  schedule(full = true) {
    if (this.widget) this.scheduler.schedule(full);
  }

  dark() {
    return isDark(this, this.darkQuery);
  }

  render(full = true) {
    const w = this.widget;
    const view = this.view;
    if (!w || !view) return;
    this.controls.update(w, this.shadowRoot?.activeElement ?? null);
    const dark = this.dark();
    this.frameEl.classList.toggle('dark', dark);
    if (full || !this.font) this.font = getComputedStyle(this).fontFamily;
    this.notes.add(...this.charts.draw(w, full, dark, this.font));
    const summary = w.summary();
    view.summary.textContent = summary;
    this.charts.describe(summary);
    if (full && !view.table.hidden) fillTable(w, view.table);
    this.dispatchEvent(new CustomEvent('scenariochange', { detail: w.headline(), bubbles: true }));
    this.cueRun.start(250, this.controls.ids(), (id) => { if (this.widget) this.controls.cue(this.widget, id); });
  }

  fail(/** @type {unknown} */ error) {
    const message = `${shellText(this.language()).failed} ${messageOf(error)}`;
    console.error(`<tape-cast>: ${message}`);
    this.shadowRoot?.replaceChildren(el('p', { className: 'failed', role: 'alert' }, message), el('slot'));
  }
}

if (!customElements.get('tape-cast')) customElements.define('tape-cast', TapeCast);
