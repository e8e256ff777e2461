// @ts-check
// links.js — links in the article's prose that set a widget's state: an ordinary link whose
// fragment holds a widget's permalink part (`<a href="#story=…">`) or a declarative one
// (`<a data-tapecast="story" data-preset="nvda-misses" href="…">`, with `data-<attribute>` for any
// state attribute the wasm lists). A click or Enter moves the widget there with a short glide of
// its inputs (none under reduced motion), brings it into view and gives it the focus. Without
// JavaScript the link's own `href` is followed (the widget's anchor, or a snapshot of the state).

/** @typedef {import('./element.js').TapeCast} TapeCast */
/** @typedef {import('./wasm.js').Widget} Widget */

/** How long a glide from one state to another lasts, in milliseconds. */
const GLIDE_MS = 300;

/** Whether the reader asked for less motion (read at each use: the setting can change). */
export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The widgets on the page, in document order. */
const widgets = () => /** @type {TapeCast[]} */ ([...document.querySelectorAll('tape-cast')]);

/** The widget whose key (its id, else `tc`, `tc1`…) is `key`; the page's first one for an empty key. */
export const widgetOf = (/** @type {string} */ key) => widgets().find((w) => !key || w.key === key || w.id === key) ?? null;

/** Resolves once `host` has built its widget (at once when it has). */
export const built = (/** @type {TapeCast} */ host) => new Promise((resolve) => {
  if (host.widget && host.view) resolve(host);
  else host.addEventListener('scenariochange', () => resolve(host), { once: true });
});

/**
 * Sets the state attributes an element declares (`data-preset`, `data-<input>`, `data-asset`, in
 * the wasm's order); returns the notes of any bad value.
 * @param {Element} source
 * @param {TapeCast} host
 * @param {Widget} widget
 */
export function setDeclared(source, host, widget) {
  const notes = [];
  for (const name of host.view?.layout.attributes ?? []) {
    const value = source.getAttribute(`data-${name}`);
    if (value !== null) notes.push(...widget.set(name, value));
  }
  return notes;
}

/**
 * Glides the numeric inputs from `from` to where the widget now is, calling `draw(false)` each
 * frame and `draw(true)` once the exact target is set again; at once (one `draw(true)`) when
 * `animate` is false, the reader asked for less motion, or nothing numeric moves. Returns a
 * function that stops the glide, the widget left at its target (without a redraw).
 * @param {Widget} widget
 * @param {Record<string, number | string>} from the inputs before the change (`widget.values()`)
 * @param {boolean} animate
 * @param {(done: boolean) => void} draw
 */
export function glide(widget, from, animate, draw) {
  const to = /** @type {Record<string, number | string>} */ (widget.values());
  /** @type {[string, number, number][]} */
  const moving = [];
  for (const [id, v] of Object.entries(to)) {
    const a = from[id];
    if (typeof v === 'number' && typeof a === 'number' && a !== v) moving.push([id, a, v]);
  }
  // Only the moving inputs are touched again (the others are already where they go, and a reader
  // may change them meanwhile); they end on their target's own text, exactly.
  const exact = moving.map(([id]) => [id, widget.get(id)]);
  if (!animate || reducedMotion() || !moving.length) {
    draw(true);
    return () => {};
  }
  /** @type {Map<string, number>} what the glide set last, per input */
  const last = new Map();
  const put = (/** @type {string} */ id, /** @type {number} */ x) => {
    const text = x.toFixed(4); // plain decimals (String() can give `1e-7`, which is not a number here)
    widget.set(id, text);
    last.set(id, Number(text));
  };
  for (const [id, a] of moving) put(id, a); // the glide starts where the reader was
  const start = performance.now();
  let frame = 0;
  const step = (/** @type {number} */ now) => {
    // An input the reader has moved meanwhile is theirs: the glide lets go of it.
    const values = /** @type {Record<string, number | string>} */ (widget.values());
    for (let i = moving.length - 1; i >= 0; i -= 1) {
      const id = moving[i][0];
      if (values[id] !== last.get(id)) { moving.splice(i, 1); exact.splice(i, 1); }
    }
    const t = Math.min(1, Math.max(0, (now - start) / GLIDE_MS));
    if (t >= 1) {
      frame = 0;
      for (const [id, text] of exact) widget.set(id, text);
      draw(true);
      return;
    }
    const eased = t * t * (3 - 2 * t);
    for (const [id, a, b] of moving) put(id, a + (b - a) * eased);
    draw(false);
    frame = requestAnimationFrame(step);
  };
  frame = requestAnimationFrame(step);
  return () => { // stopped by a newer move: that one starts from this one's target, not from midway
    if (!frame) return; // arrived already: the reader may have moved on from there
    cancelAnimationFrame(frame);
    frame = 0;
    for (const [id, text] of exact) widget.set(id, text);
  };
}

/** Scrolls `host` into view when its top is off screen or low on it. */
function bringIntoView(/** @type {HTMLElement} */ host) {
  const r = host.getBoundingClientRect();
  if (r.top < 0 || r.top > innerHeight / 2) host.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' });
}

/** Gives `host` the keyboard focus without a second scroll (it can take focus, not a tab stop),
 * as a region named by its title, which is what a screen reader then says. */
export function focusOn(/** @type {TapeCast} */ host) {
  if (!host.hasAttribute('tabindex')) host.setAttribute('tabindex', '-1');
  if (!host.hasAttribute('role')) host.setAttribute('role', 'region');
  const title = host.titleEl?.textContent || host.view?.layout.title;
  if (title && !host.hasAttribute('aria-label')) host.setAttribute('aria-label', title);
  host.focus({ preventScroll: true });
}

/**
 * What a clicked element asks of which widgets: a declarative link's widget and attributes, or
 * each widget whose key has a part in a same-page link's fragment.
 * @param {Element} link
 * @returns {{ host: TapeCast, set: (host: TapeCast, widget: Widget) => string[] }[]}
 */
function targets(link) {
  const key = link.getAttribute('data-tapecast');
  if (key !== null) {
    const host = widgetOf(key.trim());
    return host ? [{ host, set: (h, w) => setDeclared(link, h, w) }] : [];
  }
  if (!(link instanceof HTMLAnchorElement) || !link.hash) return [];
  const here = new URL(location.href);
  const there = new URL(link.href);
  if (there.origin !== here.origin || there.pathname !== here.pathname || there.search !== here.search) return [];
  const parts = new URLSearchParams(there.hash.slice(1)); // `#story` alone (no state) stays an anchor
  return widgets().filter((h) => parts.get(h.key)).map((host) => ({ host, set: (h, w) => w.restore(there.hash, h.key) }));
}

/** Follows a link that sets widgets: each moves to its state; the first comes into view and takes the focus. */
function follow(/** @type {MouseEvent} */ event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href], [data-tapecast]') : null;
  const found = link ? targets(link) : [];
  if (!found.length) return;
  event.preventDefault();
  found.forEach(({ host, set }, i) => {
    if (i === 0) bringIntoView(host);
    built(host).then(() => {
      if (i === 0) focusOn(host); // once built, so that it has its title to be named by
      host.moveTo((w) => set(host, w));
    });
  });
}

/** Listens once per page for clicks (and Enter, which clicks a focused link) on such links. */
export function watchLinks() {
  document.addEventListener('click', follow);
}
