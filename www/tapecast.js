// tapecast.js — the <tape-cast> custom element: builds native form controls, observes size and
// theme, coalesces updates to one per animation frame and calls into the wasm module, which owns
// the model, the drawing and every string. All text goes in as text, never as HTML.

import init, { Widget, warn } from './pkg/tapecast.js';

let ready; // one fetch and one instance of the wasm per page, shared by every widget
const load = () => (ready ??= init());

const CSS = `
:host { display: block; font: inherit; color: var(--tc-text, inherit); margin: 1.5em 0; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.frame { border: 1px solid var(--tc-border, #d0d4da); border-radius: 6px; padding: 12px;
  background: var(--tc-background, #fff); color: var(--tc-text, #1a1a1a); }
.frame.dark { background: var(--tc-background-dark, #121417); color: var(--tc-text-dark, #e8eaed);
  border-color: var(--tc-border-dark, #30343a); }
.title { font-weight: 600; margin: 0 0 8px; font-size: 1rem; }
.controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 10px 18px; margin-bottom: 10px; }
.control label { display: block; font-size: .9rem; font-weight: 600; }
.control .unit { font-weight: 400; opacity: .85; }
.row { display: flex; align-items: center; gap: 8px; }
.row input[type=range] { flex: 1; min-width: 0; touch-action: pan-y; accent-color: var(--tc-accent, #005e96); }
.row input[type=number] { width: 5.5em; font: inherit; }
.row select { font: inherit; }
output { min-width: 3.5em; font-variant-numeric: tabular-nums; text-align: right; }
.help { margin: 2px 0 0; font-size: .8rem; opacity: .85; }
.chart { position: relative; width: 100%; aspect-ratio: 16 / 9; min-height: 240px; max-height: 460px; }
canvas { display: block; width: 100%; height: 100%; }
.summary { margin: 8px 0 0; font-size: .95rem; }
.notes:empty { display: none; }
.notes { margin: 8px 0 0; padding: 6px 8px; border-left: 3px solid var(--tc-warning, #b24d00); font-size: .85rem; }
.notes p { margin: 0; }
.source { margin: 6px 0 0; font-size: .75rem; opacity: .85; }
.failed { padding: 12px; border: 1px solid #b24d00; border-radius: 6px; }
@media (forced-colors: active) { canvas { forced-color-adjust: none; } }
`;

let sheet;
const styles = () => {
  if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
  return sheet;
};

const INPUT_ATTRIBUTES = ['surprise', 'cut-odds', 'shortfall', 'rmp-start', 'rmp-pace'];
let count = 0;

/** Creates an element with properties and text (never HTML). */
function el(tag, props = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith('data-') || k.startsWith('aria-') || k === 'for' || k === 'part' || k === 'role') node.setAttribute(k, v);
    else node[k] = v;
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

class TapeCast extends HTMLElement {
  static observedAttributes = [...INPUT_ATTRIBUTES, 'preset', 'asset', 'lang', 'theme'];

  constructor() {
    super();
    this.key = null;
    this.widget = null;
    this.frame = 0;
    this.controls = new Map();
  }

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.key = this.id || `tc${count++ || ''}`;
    this.frameEl = el('div', { className: 'frame', part: 'frame' });
    this.frameEl.append(el('p', { className: 'summary' }, 'Loading the interactive chart…'));
    root.append(this.frameEl);
    this.start().catch((e) => this.fail(e));
  }

  disconnectedCallback() {
    this.resize?.disconnect();
    this.darkQuery?.removeEventListener('change', this.onTheme);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  attributeChangedCallback(name, _old, value) {
    if (!this.widget || value === null) return;
    if (name === 'lang') { this.widget.set_lang(this.lang()); this.build(); }
    else this.apply(name, value);
    this.schedule();
  }

  lang() {
    return this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  async start() {
    await load();
    this.widget = new Widget({ lang: this.lang() });
    this.notes = [];
    // The author's attributes first, then the reader's permalink on top.
    for (const name of ['preset', ...INPUT_ATTRIBUTES, 'asset']) {
      if (this.hasAttribute(name)) this.apply(name, this.getAttribute(name));
    }
    for (const note of this.widget.restore(location.hash, this.key)) this.note(note);
    this.build();
    this.darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.onTheme = () => this.schedule();
    this.darkQuery.addEventListener('change', this.onTheme);
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(this.chart);
    this.render();
    this.setAttribute('data-ready', '');
  }

  /** Applies one attribute; problems become visible notes and console warnings. */
  apply(name, value) {
    if (name === 'preset') {
      if (!this.widget.preset(value.trim())) this.note(`preset: "${value.slice(0, 40)}" is not a preset of this scenario`);
    } else if (name === 'asset') {
      if (!this.widget.select_asset(value.trim())) this.note(`asset: "${value.slice(0, 40)}" is not an asset of this scenario`);
    } else if (INPUT_ATTRIBUTES.includes(name)) {
      const problem = this.widget.set(name, value);
      if (problem) this.note(problem);
    }
  }

  note(text) {
    warn(`<tape-cast>: ${text}`);
    this.notes.push(text);
    if (this.notesEl) this.notesEl.append(el('p', {}, text));
  }

  /** Builds (or rebuilds, on a language change) the controls and the chart. */
  build() {
    const layout = this.widget.layout();
    this.layout = layout;
    const f = this.frameEl;
    f.replaceChildren();
    f.lang = layout.lang;
    f.append(el('p', { className: 'title' }, layout.title));
    const controls = el('div', { className: 'controls' });
    this.controls.clear();
    for (const c of layout.controls) controls.append(this.control(c));
    f.append(controls);
    this.chart = el('div', { className: 'chart' });
    this.canvas = el('canvas', { part: 'fan', role: 'img' });
    this.chart.append(this.canvas);
    f.append(this.chart);
    this.summaryEl = el('p', { className: 'summary', 'aria-live': 'polite' });
    this.notesEl = el('div', { className: 'notes', role: 'status' });
    for (const n of this.notes) this.notesEl.append(el('p', {}, n));
    f.append(this.summaryEl, this.notesEl, el('p', { className: 'source' }, layout.source));
    if (this.resize) { this.resize.disconnect(); this.resize.observe(this.chart); }
  }

  control(c) {
    const id = `${this.key}-${c.id}`;
    const box = el('div', { className: 'control' });
    const label = el('label', { for: id }, c.label + ' ');
    if (c.unit) label.append(el('span', { className: 'unit' }, `(${c.unit})`));
    box.append(label);
    const row = el('div', { className: 'row' });
    const help = el('p', { className: 'help', id: `${id}-help` }, c.help);
    if (c.options.length) {
      const select = el('select', { id, 'data-input': c.id, 'aria-describedby': help.id });
      for (const [value, text] of c.options) select.append(el('option', { value }, text));
      select.addEventListener('change', () => this.changed(c.id, select.value));
      row.append(select);
      this.controls.set(c.id, { select });
    } else {
      const common = { min: c.min, max: c.max, step: c.step };
      const range = el('input', { type: 'range', id, ...common, 'data-input': c.id, 'aria-describedby': help.id });
      const number = el('input', { type: 'number', ...common, 'aria-label': c.label, 'data-number': c.id });
      const output = el('output', { 'data-for': c.id, 'aria-hidden': 'true' });
      range.addEventListener('input', () => this.changed(c.id, range.value));
      number.addEventListener('change', () => this.changed(c.id, number.value));
      row.append(range, number, output);
      this.controls.set(c.id, { range, number, output, unit: c.unit, label: c.label });
    }
    box.append(row, help);
    return box;
  }

  changed(id, value) {
    const problem = this.widget.set(id, value);
    if (problem) this.note(problem);
    this.schedule();
  }

  schedule() {
    if (!this.frame && this.widget) this.frame = requestAnimationFrame(() => { this.frame = 0; this.render(); });
  }

  dark() {
    const t = this.getAttribute('theme');
    return t === 'dark' || (t !== 'light' && !!this.darkQuery?.matches);
  }

  render() {
    const w = this.widget;
    for (const [id, c] of this.controls) {
      const value = w.get(id);
      if (c.select) { c.select.value = value; continue; }
      if (c.range.value !== value) c.range.value = value;
      if (this.shadowRoot.activeElement !== c.number) c.number.value = value;
      c.output.textContent = w.display(id);
      c.range.setAttribute('aria-valuetext', `${c.label} ${w.display(id)} ${c.unit}`.trim());
    }
    const dark = this.dark();
    this.frameEl.classList.toggle('dark', dark);
    const box = this.chart.getBoundingClientRect();
    const font = getComputedStyle(this).fontFamily;
    try {
      w.draw(this.canvas, box.width, box.height, devicePixelRatio || 1, dark, font);
    } catch (e) {
      this.note(`chart: ${e}`);
    }
    const summary = w.summary();
    this.summaryEl.textContent = summary;
    this.canvas.setAttribute('aria-label', summary);
    this.dispatchEvent(new CustomEvent('scenariochange', { detail: w.headline(), bubbles: true }));
  }

  fail(error) {
    const message = `The interactive chart could not start: ${error?.message ?? error}`;
    console.error(`<tape-cast>: ${message}`);
    const box = el('p', { className: 'failed', role: 'alert' }, message);
    this.shadowRoot?.replaceChildren(box);
  }
}

if (!customElements.get('tape-cast')) customElements.define('tape-cast', TapeCast);
