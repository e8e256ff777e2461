// @ts-check
// wasm.js — the boundary as the shell sees it: the two reader wasms, each fetched and instantiated
// at most once per page (pinned by the release's hashes), and the shapes of the plain objects
// their exports return. The built-in story's wasm (`load`, ./pkg/) has no reader of scenario
// files; a widget with its own file runs on the author's (`loadAuthor`: author.js, a module of its
// own, with pkg/author/). A page with only built-in widgets requests neither; one whose widgets all
// have files never fetches the first wasm (only its glue, 3.3 KB gzip, which scripts/join.mjs
// puts inside the shipped tapecast.js: no request of its own).

import init, * as lean from './pkg/tapecast.js';
import { pinned } from './pinned.js';

/** @typedef {import('./pkg/tapecast.js').Widget} Widget */
/** @typedef {typeof import('./author.js')} Author */

// A release writes the wasm's sha384 here (scripts/release), so that the browser refuses any
// other bytes: with this file pinned by its own `integrity` attribute, the whole chain is pinned.
/** @type {string} */
const WASM_INTEGRITY = '';

/** The exports both wasms have alike (plain functions, no objects of either's memory).
 * @typedef {Pick<typeof lean, 'more_problems' | 'palette_css' | 'panels' | 'state_attributes' | 'warn'>} Shared */

/** @type {Promise<typeof lean> | undefined} */
let ready; // one fetch and one instance of the built-in story's wasm per page, shared by every widget
/** @type {Promise<Author> | undefined} */
let authorReady; // and of the author's module and wasm
/** @type {Shared | undefined} */
let authorWasm; // the author's wasm, once instantiated

/** Fetches and instantiates the built-in story's wasm once (its widgets all await the same
 * promise); resolves to its module. */
export const load = () => (ready ??= init(WASM_INTEGRITY ? pinned('./pkg/tapecast_bg.wasm', WASM_INTEGRITY) : undefined).then(() => lean));

/** Imports the author's module (author.js) once and waits for its wasm: the module whose
 * `AuthorFile` and `Widget` go together (an object of one wasm handed to the other would point
 * into the wrong memory). */
export const loadAuthor = () => (authorReady ??= import('./author.js').then(async (m) => {
  await m.ready;
  authorWasm = m.wasm;
  return m;
}));

/** The plain functions (`more_problems`, `palette_css`, `panels`, `state_attributes`, `warn`), the
 * same in both wasms: the author's once instantiated, else the built-in story's (so, called only
 * once a wasm has loaded, always one the page instantiated). */
export const shared = () => authorWasm ?? lean;

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
 * @property {string} unreadable what a number box the browser cannot read is set to (`Widget.set`)
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
