// @ts-check
// charts.js — the chart canvases: one box per chart, sized by CSS and drawn by the wasm at the
// device's pixel ratio. The main chart sits under the series picker; the others sit side by side
// when there is room, behind a toggle on narrow widths, and compact mode hides them.

import { el } from './dom.js';

/** @typedef {import('./wasm.js').Widget} Widget */
/** @typedef {import('./wasm.js').Layout['charts'][number]} ChartSpec */

/** A box's CSS size as laid out: the bounding box's (fractional), unless a transform scales the
 * box (a page showing the widget shrunk, like the studio's desktop preview), then the layout's, so
 * the charts are laid out as at full size. */
function laidOut(/** @type {HTMLElement} */ box) {
  const r = box.getBoundingClientRect();
  const k = Math.abs(r.width - box.offsetWidth) > 1 ? box.offsetWidth / r.width : 1;
  return { width: r.width * k, height: r.height * k };
}

export class Charts {
  constructor() {
    /** @type {{ spec: ChartSpec, box: HTMLDivElement, canvas: HTMLCanvasElement }[]} */
    this.list = [];
  }

  /**
   * The main chart with `picker` (the series select) above it, and the grid of the other charts,
   * for the frame to place apart (the main chart beside the controls, the others a tap away).
   */
  build(/** @type {ChartSpec[]} */ specs, /** @type {HTMLElement} */ picker) {
    const main = el('div', { className: 'lead' });
    const bar = el('div', { className: 'bar' });
    bar.append(picker);
    main.append(bar);
    const grid = el('div', { className: 'charts' });
    this.list = specs.map((spec) => {
      const box = el('div', { className: `chart ${spec.kind} ${spec.main ? 'main' : 'secondary'}${spec.rows ? ' rows' : ''}` });
      const canvas = el('canvas', { part: spec.kind, role: 'img', 'aria-label': spec.name });
      box.append(canvas);
      (spec.main ? main : grid).append(box);
      return { spec, box, canvas };
    });
    return { main, grid };
  }

  /**
   * Draws the shown charts (`full`) or only the main ones, in the theme set last and the host's
   * `font`; returns the notes.
   * @param {Widget} widget
   * @param {boolean} full
   * @param {string} font
   * @returns {string[]}
   */
  draw(widget, full, font) {
    const drawn = this.list.filter((c) => (full || c.spec.main) && c.box.offsetParent); // hidden behind the toggle or in compact mode
    if (full) {
      for (const { box } of drawn.filter((c) => c.spec.rows)) {
        const height = `${Math.ceil(widget.bars_height(laidOut(box).width))}px`;
        if (box.style.height !== height) box.style.height = height;
      }
    }
    const dpr = devicePixelRatio || 1;
    return drawn.flatMap(({ spec, box, canvas }) => {
      const r = laidOut(box);
      return widget.draw(spec.kind, canvas, r.width, r.height, dpr, font);
    });
  }

  /**
   * Gives each chart its short data description as part of its accessible name: the main chart
   * the summary, the others their own (on a full redraw only, like the summary).
   * @param {Widget} widget
   * @param {string} summary
   */
  describe(widget, summary) {
    // The name ends as a sentence does in the widget's language (。 in Chinese).
    const stop = widget.lang_tag().startsWith('zh') ? '。' : '. ';
    for (const { spec, canvas } of this.list) {
      canvas.setAttribute('aria-label', `${spec.name}${stop}${spec.main ? summary : widget.describe(spec.kind)}`);
    }
  }
}
