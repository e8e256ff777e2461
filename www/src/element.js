// @ts-check
// element.js — the <tape-cast> custom element: its lifecycle (lazy start near the viewport, the
// fallback until then, observers that stop on removal and resume on return), its attributes and
// `value`, and the wiring of the parts. The wasm owns the inputs, the model, the drawing, the
// palette and every string; the shell builds what `layout()` lists.

import { Charts } from './charts.js';
import { Controls } from './controls.js';
import { el } from './dom.js';
import { downloadCsv, downloadPng, fillTable } from './exports.js';
import { messageOf } from './message.js';
import { Notes } from './notes.js';
import { glide, watchLinks } from './links.js';
import { copyLink, permalink, rememberState, restoreState } from './permalink.js';
import { afterFrame, FrameScheduler, IdleRun } from './scheduler.js';
import { paletteStyles, styles } from './styles.js';
import { watchSteps } from './steps.js';
import { shellText } from './text.js';
import { colorProbe, hostColors, isDark } from './theme.js';
import { scenarioSource } from './source.js';
import { load, loadAuthor, shared } from './wasm.js';

/** @typedef {import('./wasm.js').Layout} Layout */
/** @typedef {import('./wasm.js').Widget} Widget */
/** @typedef {import('./wasm.js').Author} Author */
/** @typedef {import('./wasm.js').Theme} Theme */

let count = 0;

/** Whether `host` is rendered (not hidden, nor inside something hidden) within a viewport's height
 * of the viewport (the lazy start's margin). Its place counts, not its size: before the element is
 * defined it may be an empty inline box. */
function nearView(/** @type {Element} */ host) {
  if (!host.getClientRects().length) return false;
  const r = host.getBoundingClientRect();
  const h = innerHeight;
  return r.bottom >= -h && r.top <= 2 * h && r.right >= 0 && r.left <= innerWidth;
}

/**
 * Begins fetching and compiling the wasm that the widgets already on the page and near the view
 * will start on (the author's module and wasm for one with its own file), before the elements are
 * defined: the download then overlaps setting them up. Each widget's own start awaits the same
 * promise and reports a failure itself.
 */
function loadNearWidgets() {
  for (const host of document.querySelectorAll('tape-cast')) {
    if (host.getAttribute('loading') !== 'eager' && !nearView(host)) continue;
    (scenarioSource(host) ? loadAuthor() : load()).catch(() => {});
  }
}

/**
 * The parts of a built widget that each redraw updates.
 * @typedef {{ layout: Layout, summary: HTMLParagraphElement, extrapolation: HTMLParagraphElement, table: HTMLDivElement }} View
 */

export class TapeCast extends HTMLElement {
  // The state attributes (`layout().attributes`) are watched by a MutationObserver once the wasm
  // has said which they are.
  static observedAttributes = ['lang', 'theme', 'heading', 'panels'];

  /** Every state attribute a widget reads (a preset, the inputs, the series), once the wasm has
   * loaded: for pages that pass attributes through, such as the iframe page. */
  static async stateAttributes() {
    await load();
    return shared().state_attributes();
  }

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
    this.probe = colorProbe();
    /** @type {HTMLElement | null} */
    this.titleEl = null;
    /** @type {HTMLElement | null} */
    this.announcer = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.announceTimer = undefined;
    this.notes = new Notes();
    this.charts = new Charts();
    this.controls = new Controls({
      set: (name, value) => this.apply(name, value),
      typed: (name, value) => ({ notes: this.widget?.set(name, value) ?? [], value: this.widget?.get(name) ?? '' }),
      changed: () => this.changed(),
      dragged: () => { this.cueRun.cancel(); this.scheduler.drag(); }, // no cue work between drag frames
      redraw: () => this.schedule(),
      reset: () => { this.widget?.reset(); this.applyAttributes(); this.notes.clear(); this.controls.clearFixes(); this.changed(); },
      pin: () => this.togglePin(),
    });
    this.scheduler = new FrameScheduler((full) => this.render(full));
    this.cueRun = new IdleRun();
    /** @type {IntersectionObserver | null} */
    this.lazy = null;
    // A redraw when the widget's box changed size since the last full redraw: not for the
    // observer's first report of the size the first paint was drawn at (a second full redraw,
    // a second `scenariochange` for the host page).
    /** The widget box's size at the last full redraw. */
    this.drawnSize = '';
    /** The state (inputs, pin, series) and language the last `scenariochange` told the host page of. */
    this.published = '';
    this.resize = new ResizeObserver(() => { if (this.boxSize() !== this.drawnSize) this.schedule(); });
    this.attributeWatch = new MutationObserver((records) => {
      for (const r of records) {
        const value = r.attributeName && this.getAttribute(r.attributeName);
        if (r.attributeName && value !== null) this.apply(r.attributeName, value);
      }
      this.schedule();
    });
    this.darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.onTheme = () => this.schedule();
  }

  connectedCallback() {
    if (this.shadowRoot) {
      if (!this.started) this.lazyStart();
      else if (this.widget) { this.watch(); this.schedule(); }
      return;
    }
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

  /**
   * Fetches and compiles the wasm only once the widget is within about a viewport of view: at
   * once when it already is (checked in a microtask, after every widget on the page has
   * connected, so that the page is laid out once for all of them), else when the reader scrolls
   * near it. Waiting for the observer's first report would cost the first chart a frame.
   */
  lazyStart() {
    const go = () => {
      if (this.started) return;
      this.lazy?.disconnect();
      this.lazy = null;
      this.started = true;
      this.start().catch((e) => this.fail(e));
    };
    if (this.getAttribute('loading') === 'eager' || typeof IntersectionObserver !== 'function') return go();
    this.lazy = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) go(); }, { rootMargin: '100% 0px' });
    this.lazy.observe(this);
    queueMicrotask(() => { if (this.isConnected && nearView(this)) go(); });
  }

  /** Follows size, the reader's colour scheme and the state attributes the wasm named. */
  watch() {
    const attributes = this.view?.layout.attributes;
    if (attributes) this.attributeWatch.observe(this, { attributes: true, attributeFilter: attributes });
    this.resize.observe(this.frameEl);
    this.darkQuery.addEventListener('change', this.onTheme);
  }

  disconnectedCallback() {
    this.lazy?.disconnect();
    this.attributeWatch.disconnect();
    this.resize.disconnect();
    this.darkQuery.removeEventListener('change', this.onTheme);
    this.scheduler.cancel();
    this.cueRun.cancel();
    clearTimeout(this.announceTimer);
  }

  /** @param {string} name @param {string | null} _old @param {string | null} value */
  attributeChangedCallback(name, _old, value) {
    if (name === 'panels' && this.widget) { this.build(); this.schedule(); return; }
    if (!this.widget || value === null) return;
    if (name === 'lang') { this.widget.set_lang(this.language()); this.notes.lang = this.language(); this.build(); }
    if (name === 'heading' && this.view) this.retitle(this.view.layout.title);
    this.schedule(); // `theme`: the next redraw reads it
  }

  /** The inputs: each input's id with its number (a choice gives its option id). */
  get value() {
    return this.widget ? /** @type {Record<string, number | string>} */ (this.widget.values()) : null;
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
    // A widget with its own scenario file runs on the author's wasm (everything built from that one
    // module, the fallback to the built-in story too); the built-in story's widget, on the lean one.
    const author = scenarioSource(this) ? await loadAuthor() : undefined;
    const { Widget } = author?.wasm ?? await load();
    const root = this.shadowRoot;
    if (root) root.adoptedStyleSheets = [paletteStyles(), ...root.adoptedStyleSheets];
    const { text, problems } = author ? await author.authoredScenario(this, this.language()) : /** @type {{ text?: string, problems: string[] }} */ ({ problems: [] });
    this.notes.lang = this.language();
    // With an author's file, reading it, checking it, the fallback to the built-in story, building
    // and the first drawing are separate tasks, so that none blocks the page for long.
    const authored = text !== undefined || problems.length > 0;
    const breath = () => (authored ? new Promise((resolve) => setTimeout(resolve)) : undefined);
    await breath();
    try {
      this.widget = text === undefined ? new Widget(this.language()) : await /** @type {Author} */ (author).authoredWidget(text, this.language());
    } catch (thrown) {
      problems.push(...(Array.isArray(thrown) ? thrown.map(String) : [messageOf(thrown)]));
      await breath();
      this.widget = new Widget(this.language());
    }
    await breath();
    // Every problem of the author's file, then the built-in story so the box is never empty.
    if (problems.length) this.notes.add(...problems, /** @type {Layout} */ (this.widget.layout()).text.builtIn);
    this.build();
    this.applyAttributes();
    this.notes.add(...restoreState(this.widget, this.key));
    this.watch();
    await breath();
    // The whole widget in its first paint: painting the main chart alone first (the rest a task
    // later) shifted the host article when the rest arrived (CLS 0.034 at 1280 px in the release's
    // module-snippet test, budget 0.02). What is not drawn (the charts' accessible descriptions,
    // `scenariochange`) follows a task after that paint.
    this.render(true, false);
    await afterFrame();
    // Ready first, in the same task: a host's `scenariochange` listener finds the widget ready
    // (the iframe page fits its fixed height then).
    this.setAttribute('data-ready', '');
    if (this.widget && this.view) this.publish(this.widget, this.view.summary.textContent ?? '');
  }

  /** The author's case: the state attributes in the wasm's order (preset, inputs, series). */
  applyAttributes() {
    for (const name of this.view?.layout.attributes ?? []) {
      const value = this.getAttribute(name);
      if (value !== null) this.apply(name, value);
    }
  }

  /** Sets one state attribute or input; its problems become notes. */
  apply(/** @type {string} */ name, /** @type {string} */ value) {
    if (this.widget) this.notes.add(...this.widget.set(name, value));
  }

  /**
   * Moves to the state a link or a story step asks for: `set` changes the widget (returning its
   * notes, which are shown), then the inputs glide there, the fan redrawn each frame, and
   * everything redraws at the end (at once when `animate` is false or the reader asked for less
   * motion). `remember` writes the state into the page's fragment, as a reader's change does.
   * Resolves when the widget has arrived, or when a newer move takes over (from its target).
   * @param {(widget: Widget) => string[]} set
   * @returns {Promise<void>}
   */
  moveTo(set, { animate = true, remember = true } = {}) {
    const w = this.widget;
    if (!w) return Promise.resolve();
    this.stopGlide?.();
    this.arrived?.();
    const from = /** @type {Record<string, number | string>} */ (w.values());
    this.notes.add(...set(w));
    return new Promise((arrived) => {
      this.arrived = arrived;
      this.stopGlide = glide(w, from, animate, (done) => {
        if (!done) return this.render(false);
        this.controls.press();
        this.announceSoon();
        this.schedule();
        if (remember) rememberState(w, this.key);
        arrived();
      });
    });
  }

  /** Builds (or rebuilds, on a language change) everything inside the frame: the title, the
   * presets, then the main chart beside (wide) or above (narrow, where it stays in view while the
   * controls scroll under it) the controls, the summary, and a toggle for the other charts, the
   * table and the downloads. */
  build() {
    const w = this.widget;
    if (!w) return;
    const layout = /** @type {Layout} */ (w.layout());
    const t = layout.text;
    const f = this.frameEl;
    f.replaceChildren();
    f.lang = layout.lang;
    f.classList.remove('open');
    const title = el('p', { className: 'title' });
    this.titleEl = title;
    this.retitle(layout.title);
    // The `panels` attribute chooses the other charts; the main one always shows.
    const shown = /** @type {{ charts: string[], notes: string[] }} */ (shared().panels(this.getAttribute('panels') ?? ''));
    this.notes.add(...shown.notes.filter((n) => !this.notes.list.includes(n)));
    const charts = this.charts.build(layout.charts.filter((c) => shown.charts.includes(c.kind)), this.controls.seriesPicker(layout));
    const summary = el('p', { className: 'summary' });
    // Beyond what the model was calibrated on, one line says so.
    const extrapolation = el('p', { className: 'extrapolation', role: 'note' });
    const readout = el('div', { className: 'readout' });
    readout.append(summary, extrapolation);
    const stage = el('div', { className: 'stage' });
    stage.append(charts.main, this.controls.inputControls(layout, this.key), readout);
    f.append(title, this.controls.presetBar(layout), stage);

    const more = el('div', { className: 'more', id: `${this.key}-more` });
    const moreButton = el('button', { type: 'button', className: 'more-toggle', 'aria-expanded': 'false', 'aria-controls': more.id }, t.more);
    moreButton.addEventListener('click', () => {
      const open = f.classList.toggle('open');
      moreButton.setAttribute('aria-expanded', String(open));
      moreButton.textContent = open ? t.less : t.more;
      this.schedule();
    });
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
    png.addEventListener('click', () => this.notes.add(...downloadPng(w, permalink(w, this.key), getComputedStyle(this).fontFamily)));
    csv.addEventListener('click', () => downloadCsv(w));
    link.addEventListener('click', () => copyLink(w, this.key, status, t));
    const tools = el('div', { className: 'tools' });
    tools.append(tableButton, png, csv, link, status);
    more.append(charts.grid, tools, table);
    // One polite announcement when the reader has settled on a value, not one per frame.
    this.announcer = el('p', { className: 'announce', role: 'status' });
    f.append(moreButton, more, this.notes.box, el('p', { className: 'source' }, layout.source), this.announcer, this.probe);
    this.view = { layout, summary, extrapolation, table };
  }

  /** The title: the `heading` attribute (`none` hides it), else the scenario's. */
  retitle(/** @type {string} */ scenarioTitle) {
    if (!this.titleEl) return;
    const heading = this.getAttribute('heading');
    this.titleEl.hidden = heading?.trim().toLowerCase() === 'none';
    this.titleEl.textContent = heading?.trim() && !this.titleEl.hidden ? heading.trim().slice(0, 200) : scenarioTitle;
  }

  /** Says the summary once, a moment after the reader's last deliberate change. */
  announceSoon() {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      if (this.widget && this.announcer) this.announcer.textContent = this.widget.summary();
    }, 700);
  }

  /** Pins the current state, or clears the pin: says which at once, redraws, remembers it. */
  togglePin() {
    const w = this.widget;
    if (!w || !this.view) return;
    if (w.pinned()) w.unpin(); else w.pin();
    const t = this.view.layout.text;
    clearTimeout(this.announceTimer);
    if (this.announcer) this.announcer.textContent = w.pinned() ? t.pinned : t.pinCleared;
    this.schedule();
    rememberState(w, this.key);
  }

  /** Pins the current state (as the pin toggle does). */
  pin() { if (!this.widget?.pinned()) this.togglePin(); }

  /** Clears the pin (as the pin toggle does). */
  unpin() { if (this.widget?.pinned()) this.togglePin(); }

  /** Whether a state is pinned. */
  get pinned() { return this.widget?.pinned() ?? false; }

  /** After a deliberate change: redraw, remember the state in the URL fragment. */
  changed() {
    this.controls.press();
    this.announceSoon();
    this.schedule();
    if (this.widget) rememberState(this.widget, this.key);
  }

  /** One redraw at the next frame; `full` (the default) redraws every chart, not just the main one. */
  schedule(full = true) {
    if (this.widget) this.scheduler.schedule(full);
  }

  /**
   * Redraws. `full`: every shown chart, the summary, the table, then (unless `publish` is false)
   * the charts' descriptions, `scenariochange` (when the state changed) and the cues; otherwise (a drag frame) only the
   * main chart and the controls' display, so that nothing else on the page changes in that frame:
   * the rest follows on the pause's full redraw.
   */
  render(full = true, publish = true) {
    const w = this.widget;
    const view = this.view;
    if (!w || !view) return;
    // The controls, and on a full redraw the words (the summary, the table), write to the page
    // before the charts draw, which lays it out (setting a canvas's font does): nothing written
    // after that changes the widget's size, so the frame lays it out once, and its size is read
    // from that layout, not from a second one.
    this.controls.update(w, this.shadowRoot?.activeElement ?? null);
    const summary = full ? w.summary() : '';
    if (full) {
      view.summary.textContent = summary;
      view.extrapolation.textContent = w.extrapolation();
      if (!view.table.hidden) fillTable(w, view.table);
    }
    const retheme = full || !this.font;
    if (retheme) {
      // The theme, as the host's CSS resolves it now: then the charts draw in those colours.
      const dark = isDark(this, this.darkQuery);
      this.frameEl.classList.toggle('dark', dark);
      w.set_theme(dark, hostColors(this.frameEl, this.probe));
      this.font = getComputedStyle(this).fontFamily;
    }
    this.notes.add(...this.charts.draw(w, full, this.font));
    if (full) {
      this.drawnSize = this.boxSize();
      this.controls.placeMarks();
      this.controls.press(w.preset_id());
    }
    // Text on accent-coloured buttons reads on the host's accent too. Written once the charts
    // and the marks have read the layout, and only where it is not the palette's own (the style
    // sheet's fallback): a custom property set on the frame restyles everything inside it.
    // (An empty value removes the property.)
    if (retheme) {
      const onAccent = /** @type {Theme} */ (w.theme()).onAccent;
      this.frameEl.style.setProperty('--c-on-accent', onAccent === getComputedStyle(this.frameEl).getPropertyValue('--tc-d-on-accent').trim() ? '' : onAccent);
    }
    if (full && publish) this.publish(w, summary);
  }

  /** The widget box's size, as the resize observer sees it change. */
  boxSize() {
    return `${this.frameEl.clientWidth}×${this.frameEl.clientHeight}`;
  }

  /** What a full redraw says beyond what it draws: the charts' accessible descriptions,
   * `scenariochange` for the host page when the state or the language (the event's words)
   * changed, not for a new size or theme, and the cues a moment later. */
  publish(/** @type {Widget} */ w, /** @type {string} */ summary) {
    this.charts.describe(w, summary);
    const state = `${w.link()} ${w.asset_id()} ${w.lang_tag()}`;
    if (state !== this.published) {
      this.published = state;
      this.dispatchEvent(new CustomEvent('scenariochange', { detail: w.headline(), bubbles: true }));
    }
    this.cueRun.start(250, this.controls.ids(), (id) => { if (this.widget) this.controls.cue(this.widget, id); });
  }

  fail(/** @type {unknown} */ error) {
    const message = `${shellText(this.language()).failed} ${messageOf(error)}`;
    console.error(`<tape-cast>: ${message}`);
    this.shadowRoot?.replaceChildren(el('p', { className: 'failed', role: 'alert' }, message), el('slot'));
  }
}

if (!customElements.get('tape-cast')) {
  loadNearWidgets();
  customElements.define('tape-cast', TapeCast);
  watchLinks();
  watchSteps();
}
