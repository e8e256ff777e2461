// @ts-check
// scenario.js — an author's own scenario: an inline JSON child or a same-origin `src` file, read
// here (the wasm never sees a web request), refused unread over the size limit, and handed to the
// author's wasm (`AuthorFile`, wasm.js's `loadAuthor`), which reads and checks it a step per task.

import { feed } from './feed.js';
import { messageOf } from './notes.js';

/** @typedef {import('./wasm.js').AuthorWasm} AuthorWasm */

/** Where the host's own scenario is: its inline `<script type="application/json">` child, else its
 * `src`; null for the built-in story (whose widget never loads the author's wasm). */
export function scenarioSource(/** @type {Element} */ host) {
  const inline = host.querySelector('script[type="application/json"]');
  if (inline) return { inline };
  const src = host.getAttribute('src');
  return src ? { src } : null;
}

/** The author's file, if any. */
async function authoredFile(/** @type {AuthorWasm} */ wasm, /** @type {Element} */ host) {
  const source = scenarioSource(host);
  if (!source) return null;
  if (source.inline) return { text: source.inline.textContent ?? '', from: 'inline scenario' };
  const src = source.src;
  const url = new URL(src, location.href);
  if (url.origin !== location.origin) throw new Error(`src: "${src.slice(0, 80)}" is not on this site (only same-origin scenario files load)`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`src: "${src.slice(0, 80)}" could not be loaded (HTTP ${response.status})`);
  // A declared length over the limit is refused before the body is read.
  const declared = Number(response.headers.get('content-length'));
  if (declared > wasm.max_scenario_chars()) {
    response.body?.cancel().catch(() => {});
    return { text: '', from: src, declared };
  }
  return { text: await response.text(), from: src };
}

/**
 * The author's scenario as JSON text (undefined for the built-in one), and the problems met
 * reading it: one message, unparsed, for a file over the size limit.
 * @returns {Promise<{ text?: string, problems: string[] }>}
 */
export async function authoredScenario(/** @type {AuthorWasm} */ wasm, /** @type {Element} */ host, /** @type {string} */ lang) {
  try {
    const file = await authoredFile(wasm, host);
    if (!file) return { problems: [] };
    const tooLarge = wasm.too_large(Math.max(file.text.length, file.declared ?? 0), lang);
    if (tooLarge) return { problems: [`${file.from}: ${tooLarge}`] };
    return { text: file.text, problems: [] };
  } catch (e) {
    return { problems: [messageOf(e)] };
  }
}

/** A widget of the author's wasm for the author's file `text` (its `AuthorFile` and `Widget`
 * together); throws its notes when it cannot be used. */
export async function authoredWidget(/** @type {AuthorWasm} */ wasm, /** @type {string} */ text, /** @type {string} */ lang) {
  const file = new wasm.AuthorFile();
  await feed(file, text);
  const notes = file.check(lang);
  if (!notes.length) return new wasm.Widget(lang, file);
  setTimeout(() => file.free());
  throw notes;
}
