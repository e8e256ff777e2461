// @ts-check
// preview.js — the real <tape-cast> widget, at phone and desktop width side by side, redrawn with
// the author's scenario inlined exactly as the published snippet inlines it, in the theme,
// language and widget options the author picked.

import { t } from './strings.js';

/** @typedef {{ preset: string, asset: string, heading: string, lang: string, theme: string, compact: boolean, panels: { all: string[], shown: string[] } }} Options
 * `panels`: the charts the author may leave out, and those left in (the fan always shows). */

/** The widget's attributes for `options`, in snippet order (only those not at their default). */
export function attributes(/** @type {Options} */ o) {
  /** @type {[string, string][]} */
  const out = [];
  if (o.preset) out.push(['preset', o.preset]);
  if (o.asset) out.push(['asset', o.asset]);
  if (o.heading.trim()) out.push(['heading', o.heading.trim()]);
  if (o.lang !== 'en') out.push(['lang', o.lang]);
  if (o.theme !== 'auto') out.push(['theme', o.theme]);
  if (o.compact) out.push(['compact', '']);
  if (o.panels.shown.length < o.panels.all.length) out.push(['panels', ['fan', ...o.panels.shown].join(' ')]);
  return out;
}

/** A <tape-cast> with `json` inlined (a `<script type="application/json">` child). */
export function widget(/** @type {string} */ json, /** @type {Options} */ o, /** @type {string} */ id) {
  const w = document.createElement('tape-cast');
  w.id = id;
  w.setAttribute('loading', 'eager');
  for (const [k, v] of attributes(o)) w.setAttribute(k, v);
  const data = document.createElement('script');
  data.type = 'application/json';
  data.textContent = json;
  w.append(data);
  return w;
}

/** The desktop preview's real width (a blog's article column), in CSS pixels; it is drawn scaled
 * down to the room beside the phone. */
export const DESKTOP_PX = 760;

export class Preview {
  constructor(/** @type {HTMLElement} */ phone, /** @type {HTMLElement} */ desktop) {
    this.frames = [phone, desktop];
    this.json = '';
    this.key = '';
    this.count = 0;
    const scaler = /** @type {HTMLElement} */ (desktop.parentElement);
    const caption = scaler.previousElementSibling;
    desktop.style.width = `${DESKTOP_PX}px`;
    // The scale follows the room the page gives, the box's height the widget's (a transform
    // takes no room of its own).
    const rescale = () => {
      const scale = Math.min(1, scaler.clientWidth / DESKTOP_PX);
      desktop.style.setProperty('--scale', String(scale));
      scaler.style.height = `${Math.ceil(desktop.offsetHeight * scale)}px`;
      if (caption) caption.textContent = t(scale < 1 ? 'desktopScaled' : 'desktop', { px: DESKTOP_PX, percent: Math.round(scale * 100) });
    };
    const observer = new ResizeObserver(rescale);
    observer.observe(desktop);
    observer.observe(scaler);
  }

  /** Redraws both widgets when the scenario or the options changed. */
  show(/** @type {string} */ json, /** @type {Options} */ o) {
    const key = JSON.stringify([json, o]);
    if (key === this.key) return;
    this.key = key;
    this.count++;
    for (const [i, frame] of this.frames.entries()) {
      frame.classList.toggle('dark', o.theme === 'dark');
      frame.classList.toggle('light', o.theme === 'light');
      frame.replaceChildren(widget(json, o, `preview-${i ? 'desktop' : 'phone'}`));
    }
  }
}
