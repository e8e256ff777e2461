// @ts-check
// exports.js — what a reader takes away: the horizon table shown as a real <table>, the CSV of
// every daily percentile, and the charts stacked on one PNG with a caption.

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

/** Fills `container` with the horizon percentiles of every series as a table. */
export function fillTable(/** @type {Widget} */ widget, /** @type {HTMLElement} */ container) {
  const data = /** @type {Table} */ (widget.table());
  const table = el('table');
  table.append(el('caption', {}, data.caption));
  const head = el('tr');
  for (const h of data.head) head.append(el('th', { scope: 'col' }, h));
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const row of data.rows) {
    const tr = el('tr');
    row.forEach((cell, i) => tr.append(i === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)));
    body.append(tr);
  }
  table.append(thead, body);
  container.replaceChildren(table);
}

export const downloadCsv = (/** @type {Widget} */ widget) => download('tapecast.csv', new Blob([widget.csv()], { type: 'text/csv' }));

/**
 * The shown charts stacked on one image with a caption (title, inputs, versions, source).
 * @param {Widget} widget
 * @param {HTMLCanvasElement[]} canvases the charts as drawn, top to bottom
 * @param {{ background: string, text: string }} colors the theme in use (`Widget.theme()`)
 * @param {string} font the host's font family
 */
export function downloadPng(widget, canvases, colors, font) {
  const dpr = devicePixelRatio || 1;
  const width = Math.max(...canvases.map((c) => c.width));
  const lines = /** @type {string[]} */ (widget.caption(new Date().toISOString().slice(0, 10)));
  const line = Math.round(18 * dpr);
  const height = canvases.reduce((h, c) => h + c.height, 0) + line * (lines.length + 1);
  const out = el('canvas', { width, height });
  const ctx = out.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  let y = 0;
  for (const c of canvases) { ctx.drawImage(c, 0, y); y += c.height; }
  ctx.fillStyle = colors.text;
  ctx.font = `${Math.round(12 * dpr)}px ${font}`;
  y += line;
  for (const text of lines) { ctx.fillText(text, Math.round(8 * dpr), y, width - 16 * dpr); y += line; }
  out.toBlob((blob) => blob && download('tapecast.png', blob), 'image/png');
}
