// @ts-check
// wasm.js — the boundary as the shell sees it: the wasm fetched and instantiated once per page
// (pinned by the release's hash), and the shapes of the plain objects its exports return.

import init, { Widget, warn } from './pkg/tapecast.js';

// A release writes the wasm's sha384 here (scripts/release), so that the browser refuses any
// other bytes: with this file pinned by its own `integrity` attribute, the whole chain is pinned.
/** @type {string} */
const WASM_INTEGRITY = '';

/** @type {Promise<unknown> | undefined} */
let ready; // one fetch and one instance of the wasm per page, shared by every widget

/** Fetches and instantiates the wasm once; every widget awaits the same promise. */
export const load = () => (ready ??= init(WASM_INTEGRITY
  ? { module_or_path: fetch(new URL('./pkg/tapecast_bg.wasm', import.meta.url), { integrity: WASM_INTEGRITY }) }
  : undefined));

export { Widget, warn };

/**
 * One reader input, as `Widget.layout()` describes it.
 * @typedef {object} Control
 * @property {string} id
 * @property {string} label
 * @property {string} unit
 * @property {string} help
 * @property {number} min
 * @property {number} max
 * @property {number} step
 * @property {number} as_of
 * @property {[number, string][]} marks value and label of each mark on the track
 * @property {[string, string][]} options for a choice: option id and label (empty for a number)
 */

/**
 * What `Widget.layout()` returns: everything needed to build a widget's controls.
 * @typedef {object} Layout
 * @property {string} title
 * @property {string} source
 * @property {string} lang
 * @property {Control[]} controls
 * @property {[string, string, string][]} presets id, label, description
 * @property {[string, string][]} assets id, label
 */

/**
 * Interface strings in the widget's language (`Widget.strings()`).
 * @typedef {Record<'reset' | 'copyLink' | 'linkCopied' | 'showTable' | 'hideTable' | 'downloadPng' | 'downloadCsv'
 *   | 'presets' | 'series' | 'fanName' | 'barsName' | 'plumbingName', string>} Strings
 */

/**
 * The horizon table (`Widget.table()`).
 * @typedef {{ caption: string, head: string[], rows: string[][] }} Table
 */
