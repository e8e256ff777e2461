// @ts-check
// pinned.js — how a joined module fetches its wasm with the hash a release pins (the reader's
// wasm from tapecast.js, the author's from author.js).

/**
 * The options a wasm-bindgen `init` takes to fetch `path` (relative to the joined module, which
 * sits beside pkg/) with `integrity`. Called only when there is a hash (`X_INTEGRITY ?
 * pinned(…) : undefined`): unpinned (dist/), the minifier drops the call and this function.
 */
export const pinned = (/** @type {string} */ path, /** @type {string} */ integrity) => ({ module_or_path: fetch(new URL(path, import.meta.url), { integrity }) });
