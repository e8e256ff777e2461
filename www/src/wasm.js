// @ts-check
// wasm.js — the boundary as the shell sees it: the wasm fetched and instantiated once per page
// (pinned by the release's hash), and the shapes of the plain objects its exports return.

import init, { AuthorFile, max_scenario_chars, more_problems, palette_css, panels, state_attributes, too_large, Widget, warn } from './pkg/tapecast.js';

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

export { AuthorFile, max_scenario_chars, more_problems, palette_css, panels, state_attributes, too_large, Widget, warn };

// The plain objects below are what the exports typed `any` in the generated .d.ts return. One error
// convention: an export that can find a problem returns an array of sentences in the widget's
// language (empty when all was well); the constructor throws that array.

/**
 * One reader input, as `Widget.layout()` describes it.
 * @typedef {object} InputSpec
 * @property {string} id also the attribute's name
 * @property {'number' | 'choice'} kind a range with a number box, or a select
 * @property {string} label
 * @property {string} unit
 * @property {string} help
 * @property {number} min
 * @property {number} max
 * @property {number} step
 * @property {number} as_of the author's value, marked on the track
 * @property {string} as_of_text that value as the control shows it
 * @property {{ value: number, label: string, text: string }[]} marks
 * @property {{ id: string, label: string }[]} options for a choice
 */

/**
 * What `Widget.layout()` returns: everything needed to build a widget, in its language.
 * @typedef {object} Layout
 * @property {string} title
 * @property {string} source
 * @property {string} lang
 * @property {InputSpec[]} inputs
 * @property {{ id: string, label: string, description: string }[]} presets
 * @property {{ id: string, label: string }[]} assets
 * @property {{ kind: string, name: string, main: boolean, rows: boolean }[]} charts `main`: shown in compact
 *   mode too; `rows`: as tall as its rows need (`bars_height`), not an aspect ratio
 * @property {string[]} attributes the state attributes, in the order to apply them
 * @property {LayoutText} text
 */

/**
 * Interface strings in the widget's language.
 * @typedef {Record<'reset' | 'copyLink' | 'linkCopied' | 'pin' | 'unpin' | 'pinned' | 'pinCleared' | 'showTable' | 'hideTable' | 'downloadPng' | 'downloadCsv'
 *   | 'presets' | 'series' | 'builtIn' | 'more' | 'less' | 'about'
 *   | 'backToStory', string>} LayoutText
 */

/**
 * The colours in use (`Widget.theme()`), `#rrggbb`.
 * @typedef {Record<'background' | 'text' | 'muted' | 'border' | 'accent' | 'onAccent' | 'warning', string>} Theme
 */

/**
 * The host's colours as the browser computed them, for `Widget.set_theme()`.
 * @typedef {Record<'background' | 'text' | 'border' | 'accent' | 'warning', string>} HostColors
 */

/**
 * The horizon table (`Widget.table()`).
 * @typedef {{ caption: string, head: string[], rows: string[][], secondary: boolean[], notes: string[] }} Table
 */
