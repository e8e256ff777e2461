// @ts-check
// charts.js — the chart canvases: one box per chart, sized by CSS and drawn by the wasm at the
// device's pixel ratio. The main chart spans the width under the series picker; the others sit
// side by side when there is room, and compact mode hides them.

import { el } from './dom.js';
import { messageOf } from './notes.js';

/** @typedef {import('./wasm.js').Widget} Widget */
/** @typedef {{ kind: string, name: string, main: boolean }} ChartSpec */

export class Charts {
  constructor() {
    /** @type {{ spec: ChartSpec, box: HTMLDivElement, canvas: HTMLCanvasElement }[]} */
    this.list = [];
  }

  /** The chart grid for `specs`, with `picker` (the series select) above the main chart. */
  build(/** @type {ChartSpec[]} */ specs, /** @type {HTMLElement} */ picker) {
    const grid = el('div', { className: 'charts' });
    const wide = el('div', { className: 'wide' });
    const bar = el('div', { className: 'bar' });
    bar.append(picker);
    wide.append(bar);
    grid.append(wide);
    this.list = specs.map((spec) => {
      const box = el('div', { className: `chart ${spec.kind}${spec.main ? '' : ' secondary'}` });
      const canvas = el('canvas', { part: spec.kind, role: 'img', 'aria-label': spec.name });
      box.append(canvas);
      (spec.main ? wide : grid).append(box);
      return { spec, box, canvas };
    });
    return grid;
  }

  /**
   * Draws the shown charts (`full`) or only the main ones, in the host's `font`; returns notes.
   * @param {Widget} widget
   * @param {boolean} full
   * @param {boolean} dark
   * @param {string} font
   * @returns {string[]}
   */
  draw(widget, full, dark, font) {
    const drawn = this.list.filter((c) => (full || c.spec.main) && c.box.offsetParent); // hidden in compact mode
    if (full) {
      // The cross-asset chart is as tall as its rows need at this width.
      for (const { box } of drawn.filter((c) => c.spec.kind === 'bars')) {
        const height = `${Math.ceil(widget.bars_height(box.getBoundingClientRect().width))}px`;
        if (box.style.height !== height) box.style.height = height;
      }
    }
    const dpr = devicePixelRatio || 1;
    const notes = [];
    for (const { spec, box, canvas } of drawn) {
      const r = box.getBoundingClientRect();
      try { widget.draw(spec.kind, canvas, r.width, r.height, dpr, dark, font); } catch (e) { notes.push(`chart: ${messageOf(e)}`); }
    }
    return notes;
  }

  /** The canvases on screen, top to bottom. */
  shown() {
    return this.list.map((c) => c.canvas).filter((c) => c.width > 0 && c.offsetParent);
  }

  /** Gives the main chart the summary as part of its accessible name. */
  describe(/** @type {string} */ summary) {
    for (const { spec, canvas } of this.list) if (spec.main) canvas.setAttribute('aria-label', `${spec.name}. ${summary}`);
  }
}
