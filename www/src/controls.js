// @ts-check
// controls.js — the reader's controls: preset buttons and reset, a range with a number box (or a
// select) per input, the series picker; kept in step with the widget's state on every redraw,
// with each input's cue (how far it alone moves the lead series) filled in when the reader pauses.

import { el } from './dom.js';

/** @typedef {import('./wasm.js').Widget} Widget */
/** @typedef {import('./wasm.js').Layout} Layout */
/** @typedef {import('./wasm.js').InputSpec} InputSpec */

/**
 * What the controls ask of their widget.
 * @typedef {object} Actions
 * @property {(name: string, value: string) => void} set sets a state attribute's value (notes are shown)
 * @property {() => void} changed a deliberate change: redraw and remember the state
 * @property {() => void} dragged a slider moves: redraw the main chart now, the rest on a pause
 * @property {() => void} redraw the view changed, not the inputs (another series)
 * @property {() => void} reset back to the author's case
 */

/**
 * @typedef {{ range: HTMLInputElement, number: HTMLInputElement, output: HTMLOutputElement, delta: HTMLElement,
 *   cue: HTMLElement, label: string, unit: string }} NumberControl
 * @typedef {{ select: HTMLSelectElement, delta: HTMLElement, cue: HTMLElement }} ChoiceControl
 */

export class Controls {
  /** @param {Actions} actions */
  constructor(actions) {
    this.actions = actions;
    /** @type {Map<string, NumberControl | ChoiceControl>} */
    this.inputs = new Map();
    /** @type {HTMLButtonElement[]} */
    this.presetButtons = [];
    this.assetSelect = el('select', { 'data-asset': '' });
  }

  /** The preset buttons and the reset button. */
  presetBar(/** @type {Layout} */ layout) {
    const t = layout.text;
    const bar = el('div', { className: 'bar', role: 'group', 'aria-label': t.presets });
    bar.append(el('span', { className: 'label' }, `${t.presets}:`));
    this.presetButtons = layout.presets.map(({ id, label, description }) => {
      const b = el('button', { type: 'button', title: description, 'aria-pressed': 'false' }, label);
      b.addEventListener('click', () => { this.actions.set('preset', id); this.actions.changed(); b.setAttribute('aria-pressed', 'true'); });
      return b;
    });
    const reset = el('button', { type: 'button' }, t.reset);
    reset.addEventListener('click', () => this.actions.reset());
    bar.append(...this.presetButtons, reset);
    return bar;
  }

  /** Marks every preset button as not pressed (the inputs have moved). */
  unpress() {
    for (const b of this.presetButtons) b.setAttribute('aria-pressed', 'false');
  }

  /** A control per input; `key` makes element ids unique on the page. */
  inputControls(/** @type {Layout} */ layout, /** @type {string} */ key) {
    const box = el('div', { className: 'controls' });
    this.inputs.clear();
    const brackets = layout.lang.startsWith('zh') ? ['（', '）'] : ['(', ')'];
    for (const c of layout.inputs) box.append(this.control(c, `${key}-${c.id}`, brackets));
    return box;
  }

  /** The series picker: which series' fan is drawn. */
  seriesPicker(/** @type {Layout} */ layout) {
    const pick = el('label', {}, `${layout.text.series} `);
    const select = el('select', { 'data-asset': '' });
    for (const { id, label } of layout.assets) select.append(el('option', { value: id }, label));
    select.addEventListener('change', () => { this.actions.set('asset', select.value); this.actions.redraw(); });
    pick.append(select);
    this.assetSelect = select;
    return pick;
  }

  /**
   * @param {InputSpec} c
   * @param {string} id the element id
   * @param {string[]} brackets around the unit, in the widget's language
   */
  control(c, id, [open, close]) {
    const box = el('div', { className: 'control' });
    const head = el('div', { className: 'head' });
    const label = el('label', { for: id }, `${c.label} `);
    if (c.unit) label.append(el('span', { className: 'unit' }, `${open}${c.unit}${close}`));
    const delta = el('span', { className: 'delta' });
    head.append(label, delta);
    const help = el('p', { className: 'help', id: `${id}-help` }, c.help);
    const cue = el('p', { className: 'cue', id: `${id}-cue` });
    const row = el('div', { className: 'row' });
    if (c.kind === 'choice') {
      const select = el('select', { id, 'data-input': c.id, 'aria-describedby': help.id });
      for (const o of c.options) select.append(el('option', { value: o.id }, o.label));
      select.addEventListener('change', () => { this.actions.set(c.id, select.value); this.actions.changed(); });
      row.append(select);
      box.append(head, row, help, cue);
      this.inputs.set(c.id, { select, cue, delta });
      return box;
    }
    const common = { min: c.min, max: c.max, step: c.step };
    const output = el('output', { 'data-for': c.id, for: id });
    head.append(output);
    const marks = el('datalist', { id: `${id}-marks` });
    marks.append(el('option', { value: c.as_of }));
    for (const m of c.marks) marks.append(el('option', { value: m.value }));
    const range = el('input', { type: 'range', id, ...common, list: marks.id, 'data-input': c.id, 'aria-describedby': `${help.id} ${cue.id}` });
    const number = el('input', { type: 'number', ...common, 'aria-label': `${c.label} (${c.unit})`, 'data-number': c.id });
    range.addEventListener('input', () => { this.actions.set(c.id, range.value); this.actions.dragged(); });
    range.addEventListener('change', () => this.actions.changed());
    number.addEventListener('change', () => { this.actions.set(c.id, number.value); this.actions.changed(); });
    row.append(range, number);
    const track = el('div', { className: 'track', 'aria-hidden': 'true' });
    const asOf = el('span', {}, `▲ ${c.as_of_text}`);
    asOf.style.left = `${((c.as_of - c.min) / (c.max - c.min)) * 100}%`;
    track.append(asOf);
    box.append(head, row, marks, track, help, cue);
    this.inputs.set(c.id, { range, number, output, delta, cue, unit: c.unit, label: c.label });
    return box;
  }

  /** Shows the widget's current values; leaves a number box alone while the reader types in it. */
  update(/** @type {Widget} */ widget, /** @type {Element | null} */ focused) {
    for (const [id, c] of this.inputs) {
      const value = widget.get(id);
      c.delta.textContent = widget.delta(id);
      if ('select' in c) { c.select.value = value; continue; }
      if (c.range.value !== value) c.range.value = value;
      if (focused !== c.number) c.number.value = value;
      const shown = widget.display(id);
      c.output.textContent = shown;
      c.range.setAttribute('aria-valuetext', `${c.label} ${shown} ${c.unit}`.trim());
    }
    this.assetSelect.value = widget.asset_id();
  }

  /** The ids of the inputs, in order. */
  ids() {
    return [...this.inputs.keys()];
  }

  /** Writes input `id`'s cue: how far it alone can move the lead series. */
  cue(/** @type {Widget} */ widget, /** @type {string} */ id) {
    const c = this.inputs.get(id);
    if (c) c.cue.textContent = widget.sensitivity(id);
  }
}
