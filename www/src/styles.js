// @ts-check
// styles.js — the widget's style sheets, adopted by every shadow root (no inline styles, so the
// widget runs under a strict Content-Security-Policy). The colours are the host's `--tc-…` custom
// properties, else the palette's defaults (`--tc-d-…`, from the wasm's `palette_css()`): the shell
// names no colour of its own. Before the wasm has loaded those are unset, and the loading text
// and fallback slot take the page's own colours.

import { palette_css } from './wasm.js';

const CSS = `
:host { display: block; margin: 1.5em 0; font: inherit; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.frame {
  --c-background: var(--tc-background, var(--tc-d-background)); --c-text: var(--tc-text, var(--tc-d-text));
  --c-border: var(--tc-border, var(--tc-d-border)); --c-accent: var(--tc-accent, var(--tc-d-accent));
  --c-warning: var(--tc-warning, var(--tc-d-warning));
  container-type: inline-size; border: 1px solid var(--c-border, currentColor); border-radius: 6px;
  padding: 12px; background: var(--c-background, transparent); color: var(--c-text, inherit); }
.frame.dark {
  --c-background: var(--tc-background-dark, var(--tc-d-background)); --c-text: var(--tc-text-dark, var(--tc-d-text));
  --c-border: var(--tc-border-dark, var(--tc-d-border)); --c-accent: var(--tc-accent-dark, var(--tc-d-accent));
  --c-warning: var(--tc-warning-dark, var(--tc-d-warning)); }
.probe { display: none; color: var(--c-accent); background-color: var(--c-warning); }
.title { font-weight: 600; margin: 0 0 8px; font-size: 1.05rem; line-height: 1.3; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 0 0 10px; }
.bar .label { font-size: .85rem; margin-right: 4px; }
button, select, input { font: inherit; }
button { border: 1px solid currentColor; background: transparent; color: inherit; border-radius: 4px;
  padding: 3px 8px; font-size: .85rem; cursor: pointer; }
button[aria-pressed="true"] { background: var(--c-accent); border-color: var(--c-accent); color: var(--c-on-accent, var(--tc-d-on-accent)); }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--c-accent); outline-offset: 2px; }
.controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 12px 20px; margin-bottom: 12px; }
.head { display: flex; align-items: baseline; gap: 6px; flex-wrap: wrap; }
.head label { font-size: .9rem; font-weight: 600; }
.unit { font-weight: 400; }
.delta { font-size: .75rem; padding: 0 5px; border-radius: 8px; border: 1px solid currentColor; }
.delta:empty { display: none; }
output { margin-left: auto; font-variant-numeric: tabular-nums; font-weight: 600; }
.row { display: flex; align-items: center; gap: 8px; }
.row input[type=range] { flex: 1; min-width: 0; margin: 6px 0; touch-action: pan-y; accent-color: var(--c-accent); }
.row input[type=number] { width: 4.6em; }
.track { position: relative; height: 1.1em; font-size: .7rem; }
.track span { position: absolute; transform: translateX(-50%); white-space: nowrap; }
.help, .cue { margin: 2px 0 0; font-size: .78rem; line-height: 1.35; }
.cue { font-style: italic; }
.charts { display: grid; gap: 12px; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 760px) { .charts { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } .wide { grid-column: 1 / -1; } }
select { max-width: 100%; }
.chart { position: relative; width: 100%; aspect-ratio: 4 / 3; min-height: 260px; max-height: 420px; }
.chart.main { aspect-ratio: 16 / 9; min-height: 240px; max-height: 440px; }
.chart.rows { aspect-ratio: auto; min-height: 0; max-height: none; }
canvas { display: block; width: 100%; height: 100%; }
.summary { margin: 10px 0 0; font-size: .95rem; line-height: 1.45; }
.extrapolation { margin: 4px 0 0; padding-left: 8px; border-left: 3px solid var(--c-warning); font-size: .85rem; }
.extrapolation:empty { display: none; }
.tools { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; align-items: center; }
.status { font-size: .8rem; }
table { border-collapse: collapse; font-size: .8rem; margin-top: 8px; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; margin-bottom: 4px; }
th, td { border-bottom: 1px solid var(--c-border); padding: 3px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.scroll { overflow-x: auto; }
.table-notes p { margin: 2px 0 0; font-size: .75rem; }
@container (max-width: 480px) { .narrow-drop { display: none; } th[scope=row] { min-width: 7em; } }
.notes:empty { display: none; }
.notes { margin: 8px 0 0; padding: 6px 8px; border-left: 3px solid var(--c-warning); font-size: .85rem; }
.notes p { margin: 0; }
.source { margin: 8px 0 0; font-size: .75rem; }
.failed { padding: 12px; border: 1px solid var(--tc-warning, currentColor); border-radius: 6px; }
:host([compact]) .help, :host([compact]) .cue, :host([compact]) .secondary, :host([compact]) .tools { display: none; }
@media (forced-colors: active) { canvas { forced-color-adjust: none; } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

/** @type {CSSStyleSheet | undefined} */
let sheet;
/** @type {CSSStyleSheet | undefined} */
let palette;

/** A constructed style sheet from CSS text. */
function sheetOf(/** @type {string} */ css) {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

/** The widget's style sheet, shared by every widget on the page. */
export const styles = () => (sheet ??= sheetOf(CSS));

/** The palette's default colours (`--tc-d-…`), once the wasm has loaded. */
export const paletteStyles = () => (palette ??= sheetOf(palette_css()));
