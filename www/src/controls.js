// @ts-check
// controls.js — the reader's controls: preset buttons, the pin toggle and reset, a range with a number box (or a
// select) per input, the series picker; kept in step with the widget's state on every redraw,
// with each input's cue (how far it alone moves the lead series) filled in when the reader pauses.
// A touch that starts on a range changes nothing until it moves sideways: a vertical swipe
// scrolls the page and leaves the value as it was.

import { el } from './dom.js';

/** @typedef {import('./wasm.js').Widget} Widget */
/** @typedef {import('./wasm.js').Layout} Layout */
/** @typedef {import('./wasm.js').InputSpec} InputSpec */

/**
 * What the controls ask of their widget.
 * @typedef {object} Actions
 * @property {(name: string, value: string) => void} set sets a state attribute's value (notes are shown)
 * @property {(name: string, value: string) => { notes: string[], value: string }} typed sets a value the
 *   reader typed; returns its problems (shown beside the box) and the value the widget took
 * @property {() => void} changed a deliberate change: redraw and remember the state
 * @property {() => void} dragged a slider moves: redraw the main chart now, the rest on a pause
 * @property {() => void} redraw the view changed, not the inputs (another series)
 * @property {() => void} reset back to the author's case
 * @property {() => void} pin pins the current state, or clears the pin
 */

/**
 * A number control's `fix` says what became of a value the reader typed (clamped, rounded, not a
 * number), right under the box; it goes when the value next changes or the reader resets
 * (`fixedAt`: the value it speaks of, null when there is no note).
 * @typedef {{ range: HTMLInputElement, number: HTMLInputElement, delta: HTMLElement, cue: HTMLElement,
 *   track: HTMLElement, fix: HTMLElement, fixedAt: string | null, unit: string, sync: boolean }} NumberControl
 * @typedef {{ select: HTMLSelectElement, delta: HTMLElement, cue: HTMLElement }} ChoiceControl
 */

/** Pixels a touch must travel sideways, more than down, before it moves a range. */
const SIDEWAYS = 6;

export class Controls {
  /** @param {Actions} actions */
  constructor(actions) {
    this.actions = actions;
    /** @type {Map<string, NumberControl | ChoiceControl>} */
    this.inputs = new Map();
    /** @type {HTMLButtonElement[]} */
    this.presetButtons = [];
    /** @type {string[]} the preset ids, in the buttons' order */
    this.presetIds = [];
    this.pinButton = el('button', { type: 'button' });
    this.pinText = { pin: '', unpin: '' };
    this.assetSelect = el('select', { 'data-asset': '' });
    this.unreadable = ''; // layout().unreadable, once the controls are built
  }

  /** The preset buttons (one line that scrolls sideways), the pin toggle and the reset button. */
  presetBar(/** @type {Layout} */ layout) {
    const t = layout.text;
    const bar = el('div', { className: 'bar presets', role: 'group', 'aria-label': t.presets });
    const list = el('div', { className: 'list' });
    list.append(el('span', { className: 'label' }, `${t.presets}${layout.lang.startsWith('zh') ? '：' : ':'}`));
    this.presetIds = layout.presets.map((p) => p.id);
    this.presetButtons = layout.presets.map(({ id, label, description }) => {
      const b = el('button', { type: 'button', title: description, 'aria-pressed': 'false' }, label);
      b.addEventListener('click', () => { this.actions.set('preset', id); this.actions.changed(); });
      return b;
    });
    list.append(...this.presetButtons);
    // A fade on the edge that has more buttons past it: the row says it scrolls.
    const cue = () => {
      list.toggleAttribute('data-more-start', list.scrollLeft > 1);
      list.toggleAttribute('data-more-end', list.scrollLeft + list.clientWidth < list.scrollWidth - 1);
    };
    list.addEventListener('scroll', cue, { passive: true });
    new ResizeObserver(cue).observe(list);
    // One control pins the state and clears the pin, named for what it will do ("Pin to compare",
    // then "Clear pin"); focus stays on it either way.
    const pin = el('button', { type: 'button', className: 'pin' }, t.pin);
    pin.addEventListener('click', () => this.actions.pin());
    this.pinButton = pin;
    this.pinText = { pin: t.pin, unpin: t.unpin };
    const reset = el('button', { type: 'button', className: 'reset' }, t.reset);
    reset.addEventListener('click', () => this.actions.reset());
    bar.append(list, pin, reset);
    return bar;
  }

  /** Marks the button of preset `id` pressed and every other not (none for an empty id: the
   * inputs have moved off every preset); a newly pressed one out of the row's view scrolls in. */
  press(id = '') {
    this.presetButtons.forEach((b, i) => {
      const on = this.presetIds[i] === id;
      const list = /** @type {HTMLElement} */ (b.parentElement);
      if (on && b.getAttribute('aria-pressed') !== 'true') {
        const [r, l] = [b.getBoundingClientRect(), list.getBoundingClientRect()];
        if (r.left < l.left || r.right > l.right) list.scrollLeft += r.left - l.left - 24;
      }
      b.setAttribute('aria-pressed', String(on));
    });
  }

  /** A control per input; `key` makes element ids unique on the page. */
  inputControls(/** @type {Layout} */ layout, /** @type {string} */ key) {
    const box = el('div', { className: 'controls' });
    this.inputs.clear();
    // What a box the browser cannot read (`12abc`: its value reads '') is sent as; '' is empty.
    this.unreadable = layout.unreadable;
    // A full-width bracket takes no space before it; a Latin one does.
    const brackets = layout.lang.startsWith('zh') ? ['（', '）'] : [' (', ')'];
    for (const c of layout.inputs) box.append(this.control(c, `${key}-${c.id}`, brackets, layout.text.about));
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
   * One input: its label, number box (or select) and help toggle on one line, what became of a
   * typed value under them, then the range, and under the range (or the select) the Δ chip, the
   * as-of ▲ and the scenario's marks.
   * @param {InputSpec} c
   * @param {string} id the element id
   * @param {string[]} brackets around the unit, in the widget's language
   * @param {string} about the help toggle's name
   */
  control(c, id, [open, close], about) {
    const box = el('div', { className: 'control' });
    const head = el('div', { className: 'head' });
    // A unit breaks only at its commas: never after a slash (十亿美元/月, a word joiner) nor, when
    // short, at a space ("$bn a month", no-break spaces); it moves to the next line whole instead,
    // with the last word when it is as short as "(%)".
    const unit = (/** @type {string} */ u) => u.replaceAll('/', '/\u2060').replaceAll(' ', u.length <= 16 ? '\u00a0' : ' ');
    const glued = c.unit.length > 3 ? open : open.startsWith(' ') ? `\u00a0${open.slice(1)}` : `\u2060${open}`;
    const labelText = c.unit ? `${c.label}${glued}${unit(c.unit)}${close}` : c.label;
    const label = el('label', { for: c.kind === 'choice' ? id : `${id}-n`, title: labelText }, labelText);
    // The Δ chip sits in a track under the range (at the end away from the ▲) or the select, in
    // space kept for it: showing it moves nothing.
    const delta = el('span', { className: 'delta' });
    const track = el('div', { className: 'track', 'aria-hidden': 'true' });
    track.append(delta);
    const help = el('div', { className: 'help', id: `${id}-help`, hidden: true });
    const cue = el('p', { className: 'cue', id: `${id}-cue` });
    help.append(el('p', {}, c.help), cue);
    const toggle = el('button', { type: 'button', className: 'about', 'aria-expanded': 'false', 'aria-controls': help.id, 'aria-label': `${about}: ${c.label}`, title: about }, '?');
    toggle.addEventListener('click', () => {
      help.hidden = !help.hidden;
      toggle.setAttribute('aria-expanded', String(!help.hidden));
    });
    if (c.kind === 'choice') {
      const select = el('select', { id, 'data-input': c.id, 'aria-describedby': help.id });
      for (const o of c.options) select.append(el('option', { value: o.id }, o.label));
      select.addEventListener('change', () => { this.actions.set(c.id, select.value); this.actions.changed(); });
      head.append(label, select, toggle);
      box.append(head, track, help);
      this.inputs.set(c.id, { select, cue, delta });
      return box;
    }
    const common = { min: c.min, max: c.max, step: c.step };
    const fix = el('p', { className: 'fix', id: `${id}-fix`, role: 'status' });
    const number = el('input', { type: 'number', id: `${id}-n`, ...common, 'data-number': c.id, 'aria-describedby': fix.id });
    const range = el('input', { type: 'range', id, ...common, 'data-input': c.id, 'aria-label': c.label, 'aria-describedby': `${help.id}` });
    // In a box of its own: a grid's item cannot be laid out alone (styles.js, the drag frame).
    const numberBox = el('span');
    numberBox.append(number);
    head.append(label, numberBox, toggle);
    const asOf = el('span', { className: 'asof' }, '▲');
    const asOfAt = (c.as_of - c.min) / (c.max - c.min);
    asOf.style.setProperty('--f', String(asOfAt));
    if (asOfAt > 0.5) track.classList.add('asof-right');
    track.append(asOf);
    for (const m of c.marks) {
      const tick = el('span', { className: 'tick' });
      const f = String((m.value - c.min) / (c.max - c.min));
      tick.style.setProperty('--f', f);
      const text = el('span', { className: 'mark' }, m.label);
      text.style.setProperty('--f', f);
      track.append(tick, text);
    }
    if (c.marks.length) track.classList.add('marked');
    /** @type {NumberControl} */
    const control = { range, number, delta, cue, track, fix, fixedAt: null, unit: c.unit, sync: false };
    this.touchGuard(range, () => { this.actions.set(c.id, range.value); this.actions.dragged(); }, () => this.actions.changed());
    number.addEventListener('change', () => {
      const { notes, value } = this.actions.typed(c.id, number.validity.badInput ? this.unreadable : number.value);
      fix.textContent = ''; // emptied first, so that the same note typed again is announced again
      fix.textContent = notes.join(' ');
      control.fixedAt = notes.length ? value : null;
      control.sync = true;
      this.actions.changed();
    });
    box.append(head, fix, range, track, help);
    this.inputs.set(c.id, control);
    return box;
  }

  /**
   * A range's input and change, except for a touch that has not (yet) moved sideways: a vertical
   * swipe becomes a scroll (the browser cancels the pointer) and the range goes back to its value.
   * @param {HTMLInputElement} range
   * @param {() => void} moved
   * @param {() => void} done
   */
  touchGuard(range, moved, done) {
    /** @type {{ value: string, x: number, y: number, sideways: boolean } | null} */
    let touch = null;
    range.addEventListener('pointerdown', (e) => {
      touch = e.pointerType === 'touch' ? { value: range.value, x: e.clientX, y: e.clientY, sideways: false } : null;
    });
    range.addEventListener('pointermove', (e) => {
      if (!touch || touch.sideways) return;
      const dx = Math.abs(e.clientX - touch.x);
      if (dx > SIDEWAYS && dx > Math.abs(e.clientY - touch.y)) { touch.sideways = true; moved(); }
    });
    range.addEventListener('pointercancel', () => {
      if (touch && !touch.sideways) range.value = touch.value;
      touch = null;
    });
    range.addEventListener('pointerup', () => {
      const tap = touch && !touch.sideways;
      touch = null;
      if (tap) { moved(); done(); }
    });
    range.addEventListener('input', () => { if (!touch || touch.sideways) moved(); });
    range.addEventListener('change', () => { if (!touch || touch.sideways) done(); });
  }

  /**
   * Shows the widget's current values; leaves a number box alone while the reader types in it.
   * Writes only what changed, so that a drag frame touches only the dragged input's display.
   */
  update(/** @type {Widget} */ widget, /** @type {Element | null} */ focused) {
    for (const [id, c] of this.inputs) {
      const value = widget.get(id);
      setText(c.delta, widget.delta(id));
      if ('select' in c) { if (c.select.value !== value) c.select.value = value; continue; }
      if (c.range.value !== value) c.range.value = value;
      if (c.fixedAt !== null && c.fixedAt !== value) this.clearFix(c);
      if ((focused !== c.number || c.sync) && c.number.value !== value) c.number.value = value;
      c.sync = false;
      const text = `${widget.display(id)} ${c.unit}`.trim();
      if (c.range.getAttribute('aria-valuetext') !== text) c.range.setAttribute('aria-valuetext', text);
    }
    const asset = widget.asset_id();
    if (this.assetSelect.value !== asset) this.assetSelect.value = asset;
    const pin = widget.pinned() ? this.pinText.unpin : this.pinText.pin;
    if (this.pinButton.textContent !== pin) this.pinButton.textContent = pin;
  }

  /** Takes away what a typed value's note said (its value moved on, or the reader reset). */
  clearFix(/** @type {NumberControl} */ c) {
    c.fix.textContent = '';
    c.fixedAt = null;
  }

  /** Takes away every typed value's note (Reset). */
  clearFixes() {
    for (const c of this.inputs.values()) if ('fix' in c) this.clearFix(c);
  }

  /** Lays the mark labels under each range so that none overlaps another or leaves the track:
   * every track and label measured first, then every label placed, so that the page is laid out
   * once, not once per range. */
  placeMarks() {
    const tracks = [...this.inputs.values()].flatMap((c) => {
      if (!('track' in c)) return [];
      const width = c.track.clientWidth;
      const thumb = c.range.getBoundingClientRect().height > 0 ? thumbWidth(c.range) : 0;
      const labels = [...c.track.querySelectorAll('.mark')].map((node) => {
        const n = /** @type {HTMLElement} */ (node);
        const f = Number(n.style.getPropertyValue('--f'));
        return { n, w: n.offsetWidth, x: thumb / 2 + f * (width - thumb) };
      }).sort((a, b) => a.x - b.x);
      return [{ width, labels }];
    });
    const gap = 6;
    for (const { width, labels } of tracks) {
      // Each label centred under its tick; two that would meet are set outward instead, the left
      // one ending at its tick and the right one starting at its own, so each still touches it.
      const wanted = labels.map((l) => l.x - l.w / 2);
      for (let i = 0; i + 1 < labels.length; i++) {
        if (wanted[i] + labels[i].w + gap <= wanted[i + 1]) continue;
        wanted[i] = labels[i].x - labels[i].w;
        wanted[i + 1] = labels[i + 1].x;
        i += 1;
      }
      // From the left: each label where it wants to be, else just right of the one before.
      let right = -gap;
      const lefts = labels.map((l, i) => {
        const left = Math.max(wanted[i], right + gap, 0);
        right = left + l.w;
        return left;
      });
      // From the right edge back: pull in what overflows, keeping the gaps.
      let limit = width + gap;
      for (let i = labels.length - 1; i >= 0; i--) {
        lefts[i] = Math.max(0, Math.min(lefts[i], limit - gap - labels[i].w));
        limit = lefts[i];
      }
      labels.forEach((l, i) => { l.n.style.left = `${Math.round(lefts[i])}px`; });
    }
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

/** Sets a node's text only when it differs (an unchanged write still costs a style recalc). */
const setText = (/** @type {HTMLElement} */ node, /** @type {string} */ text) => { if (node.textContent !== text) node.textContent = text; };

/** The width of a range's thumb, as styled (`--thumb`): the thumb's centre travels the range's
 * width less this. */
const thumbWidth = (/** @type {HTMLInputElement} */ range) => parseFloat(getComputedStyle(range).getPropertyValue('--thumb')) || 0;
