// @ts-check
// styles.js — the widget's style sheet, adopted by every shadow root (no inline styles, so the
// widget runs under a strict Content-Security-Policy).

const CSS = `
:host { display: block; margin: 1.5em 0; font: inherit; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.frame { container-type: inline-size; border: 1px solid var(--tc-border, #d0d4da); border-radius: 6px;
  padding: 12px; background: var(--tc-background, #fff); color: var(--tc-text, #1a1a1a); }
.frame.dark { background: var(--tc-background-dark, #121417); color: var(--tc-text-dark, #e8eaed);
  border-color: var(--tc-border-dark, #30343a); }
.title { font-weight: 600; margin: 0 0 8px; font-size: 1.05rem; line-height: 1.3; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 0 0 10px; }
.bar .label { font-size: .85rem; margin-right: 4px; }
button, select, input { font: inherit; }
button { border: 1px solid currentColor; background: transparent; color: inherit; border-radius: 4px;
  padding: 3px 8px; font-size: .85rem; cursor: pointer; }
button[aria-pressed="true"] { background: var(--tc-accent, #005e96); border-color: var(--tc-accent, #005e96); color: #fff; }
.dark button[aria-pressed="true"] { background: var(--tc-accent-dark, #56b4e9); border-color: var(--tc-accent-dark, #56b4e9); color: #111; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--tc-accent, #005e96); outline-offset: 2px; }
.controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 12px 20px; margin-bottom: 12px; }
.head { display: flex; align-items: baseline; gap: 6px; flex-wrap: wrap; }
.head label { font-size: .9rem; font-weight: 600; }
.unit { font-weight: 400; }
.delta { font-size: .75rem; padding: 0 5px; border-radius: 8px; border: 1px solid currentColor; }
.delta:empty { display: none; }
output { margin-left: auto; font-variant-numeric: tabular-nums; font-weight: 600; }
.row { display: flex; align-items: center; gap: 8px; }
.row input[type=range] { flex: 1; min-width: 0; margin: 6px 0; touch-action: pan-y; accent-color: var(--tc-accent, #005e96); }
.dark .row input[type=range] { accent-color: var(--tc-accent-dark, #56b4e9); }
.row input[type=number] { width: 4.6em; }
.track { position: relative; height: 1.1em; font-size: .7rem; }
.track span { position: absolute; transform: translateX(-50%); white-space: nowrap; }
.help, .cue { margin: 2px 0 0; font-size: .78rem; line-height: 1.35; }
.cue { font-style: italic; }
.charts { display: grid; gap: 12px; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 760px) { .charts { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } .wide { grid-column: 1 / -1; } }
select { max-width: 100%; }
.chart { position: relative; width: 100%; }
.chart.fan { aspect-ratio: 16 / 9; min-height: 240px; max-height: 440px; }
.chart.plumbing { aspect-ratio: 4 / 3; min-height: 260px; max-height: 420px; }
canvas { display: block; width: 100%; height: 100%; }
.summary { margin: 10px 0 0; font-size: .95rem; line-height: 1.45; }
.tools { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; align-items: center; }
.status { font-size: .8rem; }
table { border-collapse: collapse; font-size: .8rem; margin-top: 8px; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; margin-bottom: 4px; }
th, td { border-bottom: 1px solid var(--tc-border, #d0d4da); padding: 3px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.scroll { overflow-x: auto; }
.notes:empty { display: none; }
.notes { margin: 8px 0 0; padding: 6px 8px; border-left: 3px solid var(--tc-warning, #b24d00); font-size: .85rem; }
.notes p { margin: 0; }
.source { margin: 8px 0 0; font-size: .75rem; }
.failed { padding: 12px; border: 1px solid #b24d00; border-radius: 6px; }
:host([compact]) .help, :host([compact]) .cue, :host([compact]) .secondary, :host([compact]) .tools { display: none; }
@media (forced-colors: active) { canvas { forced-color-adjust: none; } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

/** @type {CSSStyleSheet | undefined} */
let sheet;

/** The one constructed style sheet, shared by every widget on the page. */
export function styles() {
  if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
  return sheet;
}
