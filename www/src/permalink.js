// @ts-check
// permalink.js — the reader's state in the URL: this widget's part of the fragment, read at start,
// rewritten after each deliberate change, and the "copy link" button.

import { el } from './dom.js';

/** @typedef {import('./wasm.js').Widget} Widget */

/** Applies this widget's part of the page's fragment; returns the notes. */
export const restoreState = (/** @type {Widget} */ widget, /** @type {string} */ key) => widget.restore(location.hash, key);

/** Writes the widget's state into its part of the fragment, without a history entry. */
export function rememberState(/** @type {Widget} */ widget, /** @type {string} */ key) {
  try { history.replaceState(history.state, '', widget.fragment(location.hash, key)); } catch { /* sandboxed frames */ }
}

/** The page's address with the widget's state in its part of the fragment. */
export const permalink = (/** @type {Widget} */ widget, /** @type {string} */ key) =>
  `${location.href.split('#')[0]}${widget.fragment(location.hash, key)}`;

/**
 * Copies the page's address with the widget's state to the clipboard and says so in `status`;
 * without clipboard permission it shows the link there, selected, for a manual copy.
 * @param {Widget} widget
 * @param {string} key
 * @param {HTMLElement} status
 * @param {{ copyLink: string, linkCopied: string }} text
 */
export async function copyLink(widget, key, status, text) {
  const url = permalink(widget, key);
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = text.linkCopied;
  } catch {
    const field = el('input', { type: 'text', value: url, readOnly: true, 'aria-label': text.copyLink });
    status.replaceChildren(field);
    field.select();
  }
}
