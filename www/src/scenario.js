// @ts-check
// scenario.js — an author's own scenario: an inline JSON child or a same-origin `src` file, read
// here (the wasm never sees a web request), refused unread over the size limit, and handed to the
// author's wasm (`AuthorFile`), which reads and checks it a step per task. Part of the author's
// module (author.js), never of a built-in story's page.

import { feed } from './feed.js';
import { messageOf } from './message.js';
import { scenarioSource } from './source.js';
import { AuthorFile, max_scenario_chars, too_large, Widget } from './pkg/author/tapecast.js';

/** The author's file, if any. */
async function authoredFile(/** @type {Element} */ host) {
  const src = scenarioSource(host);
  if (!src) return null;
  if (typeof src !== 'string') return { text: src.textContent ?? '', from: 'inline scenario' };
  const url = new URL(src, location.href);
  if (url.origin !== location.origin) throw new Error(`src: "${src.slice(0, 80)}" is not on this site (only same-origin scenario files load)`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`src: "${src.slice(0, 80)}" could not be loaded (HTTP ${response.status})`);
  // A declared length over the limit is refused before the body is read.
  const declared = Number(response.headers.get('content-length'));
  if (declared > max_scenario_chars()) {
    response.body?.cancel().catch(() => {});
    return { text: '', from: src, declared };
  }
  return { text: await response.text(), from: src };
}

/**
 * The author's scenario as JSON text (undefined when there is none), and the problems met
 * reading it: one message, unparsed, for a file over the size limit.
 * @returns {Promise<{ text?: string, problems: string[] }>}
 */
export async function authoredScenario(/** @type {Element} */ host, /** @type {string} */ lang) {
  try {
    const file = await authoredFile(host);
    if (!file) return { problems: [] };
    const tooLarge = too_large(Math.max(file.text.length, file.declared ?? 0), lang);
    if (tooLarge) return { problems: [`${file.from}: ${tooLarge}`] };
    return { text: file.text, problems: [] };
  } catch (e) {
    return { problems: [messageOf(e)] };
  }
}

/** A widget of the author's wasm for the author's file `text`; throws its notes when it cannot be used.
 * @returns {Promise<Widget>} */
export async function authoredWidget(/** @type {string} */ text, /** @type {string} */ lang) {
  const file = new AuthorFile();
  await feed(file, text);
  const notes = file.check(lang);
  if (!notes.length) return new Widget(lang, file);
  setTimeout(() => file.free());
  throw notes;
}
