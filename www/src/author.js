// @ts-check
// author.js — what a <tape-cast> with its own scenario file needs beyond the built-in story: the
// author's wasm (pkg/author/: the same exports plus `AuthorFile` and a `Widget` that takes one) and
// the reading of the file (scenario.js, feed.js). Joined into its own module, dist/author.js,
// which tapecast.js imports (wasm.js's `loadAuthor`) only on a page with such a widget: a page with
// only the built-in story downloads none of it.

import init, * as wasm from './pkg/author/tapecast.js';
import { pinned } from './pinned.js';
import { authoredScenario, authoredWidget } from './scenario.js';

// A release writes the author's wasm's sha384 here (scripts/release): with this module pinned by
// the snippet's `modulepreload` of it, the browser refuses any other bytes.
/** @type {string} */
const AUTHOR_WASM_INTEGRITY = '';

/** The author's wasm, instantiated once (this module is imported once per page). */
export const ready = init(AUTHOR_WASM_INTEGRITY ? pinned('./pkg/author/tapecast_bg.wasm', AUTHOR_WASM_INTEGRITY) : undefined);

export { authoredScenario, authoredWidget, wasm };
