// @ts-check
// wasm.js — the boundary as the shell sees it: the two reader wasms, each fetched and instantiated
// at most once per page (pinned by the release's hashes), and the shapes of the plain objects
// their exports return. The built-in story's wasm (`load`, ./pkg/) has no reader of scenario
// files; the author's (`loadAuthor`, ./pkg/author/: the same exports, plus `AuthorFile` and a
// `Widget` that takes one) is imported only by a page with an author's file. A page with only
// built-in widgets requests nothing under pkg/author/; one whose widgets all have files never
// fetches the first wasm (only its glue, which this module imports statically: 3.6 KB).

import init, { more_problems, palette_css, panels, state_attributes, warn, Widget } from './pkg/tapecast.js';

/** @typedef {typeof import('./pkg/author/tapecast.js')} AuthorWasm */

// A release writes the wasms' sha384 here (scripts/release), so that the browser refuses any
// other bytes: with this file pinned by its own `integrity` attribute, the whole chain is pinned
// (the author's glue by the snippet's `modulepreload` of it).
/** @type {string} */
const WASM_INTEGRITY = '';
/** @type {string} */
const AUTHOR_WASM_INTEGRITY = '';

/** The options `init` takes to fetch `path` (relative to this module) with its pinned hash. */
const pinned = (/** @type {string} */ path, /** @type {string} */ integrity) => (integrity
  ? { module_or_path: fetch(new URL(path, import.meta.url), { integrity }) }
  : undefined);

const lean = { more_problems, palette_css, panels, state_attributes, warn };
/** The exports both wasms have alike (plain functions, no objects of either's memory).
 * @typedef {typeof lean} Shared */

/** @type {Shared | undefined} */
let first; // the plain functions of the first wasm the page instantiated

/** @type {Promise<void> | undefined} */
let ready; // one fetch and one instance of the built-in story's wasm per page, shared by every widget
/** @type {Promise<AuthorWasm> | undefined} */
let authorReady; // and of the author's wasm

/** Fetches and instantiates the built-in story's wasm once; its widgets all await the same promise. */
export const load = () => (ready ??= init(pinned('./pkg/tapecast_bg.wasm', WASM_INTEGRITY)).then(() => { first ??= lean; }));

/** Imports and instantiates the author's wasm once: the module whose `AuthorFile` and `Widget`
 * go together (an object of one wasm handed to the other would point into the wrong memory). */
export const loadAuthor = () => (authorReady ??= import('./pkg/author/tapecast.js').then(async (m) => {
  await m.default(pinned('./pkg/author/tapecast_bg.wasm', AUTHOR_WASM_INTEGRITY));
  first ??= m;
  return m;
}));

/** Whichever wasm the page has, else the built-in story's (for the state attributes' names). */
export const loadAny = () => authorReady ?? load();

/** The plain functions (`more_problems`, `palette_css`, `panels`, `state_attributes`, `warn`) of
 * the wasm the page loaded: the same in both. */
export function shared() {
  if (!first) throw new Error('<tape-cast>: the wasm is not loaded yet');
  return first;
}

export { Widget };
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
