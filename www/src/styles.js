// @ts-check
// styles.js — the widget's style sheets, adopted by every shadow root (no inline styles, so the
// widget runs under a strict Content-Security-Policy). The colours are the host's `--tc-…` custom
// properties, else the palette's defaults (`--tc-d-…`, from the wasm's `palette_css()`): the shell
// names no colour of its own. Before the wasm has loaded those are unset, and the loading text
// and fallback slot take the page's own colours.

import { shared } from './wasm.js';

const CSS = `
:host { display: block; margin: 1.5em 0; font: inherit; clear: both; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.frame {
  --c-background: var(--tc-background, var(--tc-d-background)); --c-text: var(--tc-text, var(--tc-d-text));
  --c-border: var(--tc-border, var(--tc-d-border)); --c-accent: var(--tc-accent, var(--tc-d-accent));
  --c-warning: var(--tc-warning, var(--tc-d-warning));
  --fan: clamp(240px, 56cqw, 38vh);
  color-scheme: light; container-type: inline-size; border: 1px solid var(--c-border, currentColor); border-radius: 6px;
  padding: 12px; background: var(--c-background, transparent); color: var(--c-text, inherit); font-size: 1rem; line-height: 1.4; }
.frame.dark {
  --c-background: var(--tc-background-dark, var(--tc-d-background)); --c-text: var(--tc-text-dark, var(--tc-d-text));
  --c-border: var(--tc-border-dark, var(--tc-d-border)); --c-accent: var(--tc-accent-dark, var(--tc-d-accent));
  --c-warning: var(--tc-warning-dark, var(--tc-d-warning)); color-scheme: dark; }
.probe { display: none; color: var(--c-accent); background-color: var(--c-warning); }
.title { font-weight: 600; margin: 0 0 8px; font-size: 1.05em; line-height: 1.3; text-wrap: balance; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 0 0 8px; font-size: .85em; }
.presets { flex-wrap: nowrap; }
.presets .list { display: flex; gap: 6px; align-items: center; overflow-x: auto; flex: 1; min-width: 0; padding: 2px; scrollbar-width: thin;
  --fade: 40px; }
.presets .list[data-more-end] { mask-image: linear-gradient(to right, var(--c-text) calc(100% - var(--fade)), transparent); }
.presets .list[data-more-start] { mask-image: linear-gradient(to left, var(--c-text) calc(100% - var(--fade)), transparent); }
.presets .list[data-more-start][data-more-end] { mask-image: linear-gradient(to right, transparent, var(--c-text) var(--fade), var(--c-text) calc(100% - var(--fade)), transparent); }
.presets button { flex: none; white-space: nowrap; }
.bar .label { margin-right: 2px; white-space: nowrap; }
/* Narrow: the presets get the whole first line (it scrolls, with its fade); pin and reset the next. */
@container (max-width: 520px) { .presets .label { display: none; } .presets { flex-wrap: wrap; } .presets .list { flex-basis: 100%; }
  .presets > .pin { margin-left: auto; } }
/* Wide: every preset in view, on a second line if need be; narrow: one line that scrolls. */
@container (min-width: 521px) { .presets .list { flex-wrap: wrap; overflow-x: visible; } .presets > button { align-self: flex-start; margin-top: 2px; } }
button, select, input { font: inherit; color: inherit; }
select, input[type=number] { background: var(--c-background); border: 1px solid var(--c-border); border-radius: 4px; padding: 2px 4px; }
button { border: 1px solid currentColor; background: transparent; border-radius: 4px; padding: 3px 8px; cursor: pointer; }
button[aria-pressed="true"] { background: var(--c-accent); border-color: var(--c-accent); color: var(--c-on-accent, var(--tc-d-on-accent)); }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--c-accent); outline-offset: 2px; }
.stage { display: grid; grid-template-columns: minmax(0, 1fr); gap: 10px 20px; }
.lead { position: sticky; top: 0; z-index: 1; background: var(--c-background); padding-top: 4px; }
.lead .bar { margin: 0 0 4px; }
.controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 10px 20px; align-content: start; font-size: .85em; }
/* Each control is a layer of its own (a grid item with a z-index is a stacking context; this one
   stays under the sticky chart): a drag frame repaints the dragged control's number, chip and
   thumb, not every control (paint per drag update 0.67 → 0.40 ms in bench/driver.mjs --trace). */
.control { z-index: 0; --thumb: 22px; scroll-margin-top: calc(var(--fan) + 56px); scroll-margin-bottom: 16px; }
.head { display: grid; grid-template-columns: minmax(0, 1fr) auto auto; align-items: center; gap: 6px; min-height: 2em; }
/* Chinese titles, labels, row heads and unit notes break at their punctuation, not inside a word
   such as 市场 or 十亿美元, unless they must (a table's heads widen their column instead). */
.title, .head label, th, .table-notes { word-break: keep-all; overflow-wrap: anywhere; }
th { overflow-wrap: normal; }
.head label { font-weight: 600; line-height: 1.25; }
.head input[type=number] { display: block; width: 4.8em; height: calc(1lh + 6px); font-variant-numeric: tabular-nums; text-align: right; }
/* A drag frame lays out the dragged control's range, number box and track (its chip) alone, not
   the grids around them: each is sized without its content (size containment: the number box's
   height is its line, padding and border), has layout containment and a paint layer of its own
   (position), what Chromium needs to start a layout there; a grid's item cannot be such a root,
   so the number box sits in a block of its own. Input → frame done against the floor, seven
   alternating runs of each (bench/driver.mjs): p95 1.06× → 0.96× (their medians; single runs
   0.99–1.08× → 0.93–1.10×), median 1.11× → 0.98×. */
.control input, .track { position: relative; contain: size layout; }
.head select { max-width: 11em; }
.about { width: 1.6em; height: 1.6em; padding: 0; border-radius: 50%; font-size: .75rem; line-height: 1; } /* the source line's size: one font size fewer to set up before the first paint */
.control input[type=range] { display: block; width: 100%; height: 28px; margin: 0; padding: 0; background: transparent; z-index: 1;
  -webkit-appearance: none; appearance: none; touch-action: pan-y; cursor: pointer; }
input[type=range]::-webkit-slider-runnable-track { height: 4px; border-radius: 2px; background: var(--c-border); }
input[type=range]::-webkit-slider-thumb { -webkit-appearance: none; width: var(--thumb); height: var(--thumb); margin-top: calc(2px - var(--thumb) / 2);
  border-radius: 50%; background: var(--c-accent); border: 2px solid var(--c-background); }
input[type=range]::-moz-range-track { height: 4px; border-radius: 2px; background: var(--c-border); }
input[type=range]::-moz-range-thumb { box-sizing: border-box; width: var(--thumb); height: var(--thumb); border-radius: 50%; background: var(--c-accent); border: 2px solid var(--c-background); }
.track { position: relative; z-index: 0; height: 1.1em; font-size: .8em; line-height: 1.1; }
.track.marked { height: calc(2.35em + 2px); }
.track span { position: absolute; top: 0; white-space: nowrap; }
/* Under the range: the marks' labels, each under its tick (which crosses the range's line); then
   one row with the ▲ and the Δ chip, at the end of the track away from the ▲, so that the chip
   meets no tick, label or ▲ (with no marks, that row is the first). The chip's text is centred
   and a pixel clear of its border. */
.track .mark { top: -2px; opacity: .85; }
.track.marked .asof, .track.marked .delta { top: 1.1em; }
.delta { right: 0; line-height: 1; padding: 1px 5px; border-radius: 8px; border: 1px solid currentColor; }
.delta:lang(zh) { padding: 2px 5px 0; } /* Chinese glyphs sit high in the line */
.delta:empty { visibility: hidden; }
.track.asof-right .delta { right: auto; left: 0; }
/* A choice's chip row (right under its head) leaves a finger's touch to the help toggle above it. */
.head + .track { pointer-events: none; }
.track .asof, .track .tick { left: calc(var(--thumb) / 2 + var(--f) * (100% - var(--thumb))); transform: translateX(-50%); }
/* A mark's tick crosses the range's line (a notch, under the thumb as it passes: the range is
   above the track, z-index 1): the range is 28 px tall with its 4 px line in the middle. */
.track .tick { top: -19px; width: 1px; height: 10px; background: currentColor; opacity: .6; }
.help { margin: 2px 0 4px; font-size: .95em; line-height: 1.35; }
.help p { margin: 0 0 2px; }
.cue { font-style: italic; }
.cue:lang(zh) { font-style: normal; } /* no synthesised italic for Chinese */
.readout { min-width: 0; }
.charts { display: grid; gap: 12px; grid-template-columns: minmax(0, 1fr); margin-top: 10px; }
.more { display: none; }
.open .more { display: block; }
.more-toggle { display: block; width: 100%; margin-top: 10px; padding: 6px 8px; font-size: .85em; }
@container (min-width: 760px) {
  .stage { grid-template-columns: minmax(0, 1fr) minmax(250px, 32%); grid-template-areas: "lead controls" "readout controls"; }
  .lead { position: static; grid-area: lead; padding-top: 0; }
  .controls { grid-area: controls; grid-template-columns: minmax(0, 1fr); }
  .readout { grid-area: readout; }
  .control { scroll-margin-top: 16px; }
  .charts { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  .more { display: block; }
  .more-toggle { display: none; }
}
select { max-width: 100%; }
/* The plumbing's two panels (the fan and the bars set their own heights): at least 340 px, so that
   on a phone the lower one keeps room for its bars. */
.chart { position: relative; width: 100%; aspect-ratio: 4 / 3; min-height: 340px; max-height: 420px; }
.chart.main { aspect-ratio: auto; height: var(--fan); min-height: 0; max-height: none; }
@container (min-width: 760px) { .chart.main { height: clamp(260px, 36cqw, 440px); } }
.chart.rows { aspect-ratio: auto; min-height: 0; max-height: none; }
canvas { display: block; width: 100%; height: 100%; }
.summary { margin: 4px 0 0; font-size: .95em; line-height: 1.45; }
.extrapolation { margin: 4px 0 0; padding-left: 8px; border-left: 3px solid var(--c-warning); font-size: .85em; }
.extrapolation:empty { display: none; }
.tools { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; align-items: center; font-size: .85em; }
.status { font-size: .95em; }
table { border-collapse: collapse; font-size: .8em; margin-top: 8px; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; margin-bottom: 4px; }
th, td { border-bottom: 1px solid var(--c-border); padding: 3px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.scroll { overflow-x: auto; }
.table-notes p { margin: 2px 0 0; font-size: .75rem; }
@container (max-width: 480px) { .narrow-drop { display: none; } th[scope=row] { min-width: 7em; } }
.notes:empty, .fix:empty { display: none; }
.notes, .fix { margin: 8px 0 0; padding: 6px 8px; border-left: 3px solid var(--c-warning); font-size: .85em; }
.fix { margin: 4px 0; }
.notes p { margin: 0; }
.source { margin: 8px 0 0; font-size: .75rem; }
.announce { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.failed { padding: 12px; border: 1px solid var(--tc-warning, currentColor); border-radius: 6px; }
:host([compact]) .about, :host([compact]) .help, :host([compact]) .more, :host([compact]) .more-toggle { display: none; }
:host([compact]) .lead { position: static; }
/* Touch screens: the help toggle keeps its 18 px circle inside a touch area of 37 × 44 px (a
   transparent border, taken back by its margin: the layout does not move; 6 px on the left, the
   gap to the number box, 13 px elsewhere; at z-index 2, so that it and not the range under it or
   the number box beside it, positioned too, takes a touch there; within its control's stacking
   context, so that it still passes under the sticky chart). */
@media (pointer: coarse) { .about { position: relative; z-index: 2; width: 37px; height: 44px; margin: -13px -13px -13px -6px; border: solid transparent; border-width: 13px 13px 13px 6px; box-shadow: inset 0 0 0 1px; } }
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
export const paletteStyles = () => (palette ??= sheetOf(shared().palette_css()));
