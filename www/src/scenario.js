// @ts-check
// scenario.js — an author's own scenario: an inline JSON child or a same-origin `src` file,
// fetched and parsed here (the wasm never sees a web request) and validated by the wasm.

import { messageOf } from './notes.js';

/** The author's file, if any: an inline `<script type="application/json">` child or `src`. */
async function authoredFile(/** @type {Element} */ host) {
  const inline = host.querySelector('script[type="application/json"]');
  if (inline) return { text: inline.textContent ?? '', from: 'inline scenario' };
  const src = host.getAttribute('src');
  if (!src) return null;
  const url = new URL(src, location.href);
  if (url.origin !== location.origin) throw new Error(`src: "${src.slice(0, 80)}" is not on this site (only same-origin scenario files load)`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`src: "${src.slice(0, 80)}" could not be loaded (HTTP ${response.status})`);
  return { text: await response.text(), from: src };
}

/**
 * The author's scenario as a plain object (undefined for the built-in one), and the problems met
 * reading it.
 * @returns {Promise<{ scenario?: unknown, problems: string[] }>}
 */
export async function authoredScenario(/** @type {Element} */ host) {
  try {
    const file = await authoredFile(host);
    if (!file) return { problems: [] };
    try {
      return { scenario: JSON.parse(file.text), problems: [] };
    } catch (e) {
      return { problems: [`${file.from}: not valid JSON (${messageOf(e)})`] };
    }
  } catch (e) {
    return { problems: [messageOf(e)] };
  }
}
