// @ts-check
// theme.js — light or dark (the widget's `theme` attribute, else the reader's preference), and the
// host page's colours as the browser computed them from the `--tc-…` custom properties, for the
// wasm to draw with: the frame gives background, text and border; a hidden probe accent and warning.

import { el } from './dom.js';

/** @typedef {import('./wasm.js').HostColors} HostColors */

/** Whether `host` draws dark, given the `(prefers-color-scheme: dark)` query. */
export function isDark(/** @type {Element} */ host, /** @type {MediaQueryList | null} */ query) {
  const theme = host.getAttribute('theme');
  return theme === 'dark' || (theme !== 'light' && !!query?.matches);
}

/** A hidden element inside the frame whose computed colours are the accent and the warning. */
export const colorProbe = () => el('span', { className: 'probe', 'aria-hidden': 'true' });

/**
 * The colours the frame shows (after its `dark` class is set), as the browser computed them.
 * @param {HTMLElement} frame
 * @param {HTMLElement} probe
 * @returns {HostColors}
 */
export function hostColors(frame, probe) {
  const f = getComputedStyle(frame);
  const p = getComputedStyle(probe);
  return { background: f.backgroundColor, text: f.color, border: f.borderTopColor, accent: p.color, warning: p.backgroundColor };
}
