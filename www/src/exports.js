// @ts-check
// exports.js — what a reader takes away: the horizon table shown as a real <table>, the CSV of
// every daily percentile, and the share card as a PNG.

import { el } from './dom.js';

/** @typedef {import('./wasm.js').Widget} Widget */
/** @typedef {import('./wasm.js').Table} Table */

/** Saves a blob as a file through a temporary link. */
function download(/** @type {string} */ name, /** @type {Blob} */ blob) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Fills `container` with the horizon percentiles of every series as a table, its columns that
 * may go where the widget is narrow marked `secondary`, and the units as footnotes under it. */
export function fillTable(/** @type {Widget} */ widget, /** @type {HTMLElement} */ container) {
  const data = /** @type {Table} */ (widget.table());
  const table = el('table');
  table.append(el('caption', {}, data.caption));
  const cls = (/** @type {number} */ i) => (data.secondary[i] ? 'secondary' : '');
  const head = el('tr');
  data.head.forEach((h, i) => head.append(el('th', { scope: 'col', className: cls(i) }, h)));
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const row of data.rows) {
    const tr = el('tr');
    row.forEach((cell, i) => tr.append(i === 0 ? el('th', { scope: 'row' }, cell) : el('td', { className: cls(i) }, cell)));
    body.append(tr);
  }
  table.append(thead, body);
  const notes = el('div', { className: 'table-notes' });
  for (const n of data.notes) notes.append(el('p', {}, n));
  container.replaceChildren(table, notes);
}

export const downloadCsv = (/** @type {Widget} */ widget) => download('tapecast.csv', new Blob([widget.csv()], { type: 'text/csv' }));

/**
 * The share card (1200 × 675: title, the reader's inputs, the fan, the summary, the source and
 * the permalink), drawn by the wasm like the charts, saved as a PNG.
 * @param {Widget} widget
 * @param {string} link the permalink printed at the card's foot
 * @param {string} font the host's font family
 * @returns {string[]} notes (a drawing problem)
 */
export function downloadPng(widget, link, font) {
  const out = el('canvas');
  const notes = widget.card(out, true, link, font);
  if (!notes.length) out.toBlob((blob) => blob && download('tapecast.png', blob), 'image/png');
  return notes;
}
