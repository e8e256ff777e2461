// @ts-check
// publish.js — what the author takes away: the embed snippet with the scenario inlined (no second
// file to host), the JSON file, the iframe snippet and the image-link snippet, with the addresses
// of the folder the studio itself is served from (nothing to replace by hand).

import { attributes } from './preview.js';

/** @typedef {import('./preview.js').Options} Options */

/** The folder the studio is served from: where tapecast.js, embed.html and snapshots/ are. */
export const base = () => new URL('.', location.href).href;

/** An attribute value, escaped for a double-quoted HTML attribute. */
const attr = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** ` name="value"` for each attribute (`compact` bare). */
const attrText = (/** @type {[string, string][]} */ list) => list.map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${attr(v)}"`)).join('');

/** JSON that can sit inside a <script> element: `<` written as `\u003c`, so no `</script>`
 * or `<!--` in the author's text can end the element early. */
export const inlineJson = (/** @type {unknown} */ scenario) => JSON.stringify(scenario).replace(/</g, '\\u003c');

/** The short embed: the module once per page, then the element with the scenario inlined. */
export function inlineSnippet(/** @type {unknown} */ scenario, /** @type {Options} */ o) {
  return `<script type="module" src="${base()}tapecast.js"></script>\n<tape-cast${attrText(attributes(o))}><script type="application/json">${inlineJson(scenario)}</script></tape-cast>`;
}

/** The file name the JSON is downloaded as, and where the iframe snippet expects it. */
export const fileName = (/** @type {{ id?: unknown }} */ scenario) => `${String(scenario.id || 'my-scenario').replace(/[^a-z0-9-]/g, '') || 'my-scenario'}.json`;

/** The iframe page's address for the scenario's file (in this folder's `scenarios/`) and options. */
export function embedUrl(/** @type {{ id?: unknown }} */ scenario, /** @type {Options} */ o) {
  const params = new URLSearchParams([['src', `scenarios/${fileName(scenario)}`], ...attributes(o)]);
  return `${base()}embed.html?${params}`;
}

/** The iframe embed (for hosts that take no scripts): the page, then the optional height listener. */
export function iframeSnippet(/** @type {{ id?: unknown, title?: { en?: string } }} */ scenario, /** @type {Options} */ o) {
  const title = `Interactive chart: ${scenario.title?.en || 'scenario'}`;
  return [
    `<iframe data-tapecast src="${attr(embedUrl(scenario, o))}" title="${attr(title)}" width="100%" height="900" frameborder="0" loading="lazy"></iframe>`,
    `<!-- optional: lets the frame take its content's height -->`,
    `<script src="${base()}iframe-resize.js" data-origin="${new URL(base()).origin}" defer></script>`,
  ].join('\n');
}

/** The image link (for newsletters and feeds): the snapshot image, linked to the live version. */
export function imageSnippet(/** @type {{ id?: unknown, title?: { en?: string } }} */ scenario, /** @type {Options} */ o, /** @type {string} */ image) {
  return `<a href="${attr(embedUrl(scenario, o))}"><img src="${attr(`${base()}${image}`)}" alt="${attr(scenario.title?.en || 'scenario chart')}" width="720"></a>`;
}

/** Where the opening state's snapshot goes in the folder: `snapshots/<scenario id>/<lang>/<state>.svg`. */
export const snapshotPath = (/** @type {{ id?: unknown }} */ scenario, /** @type {Options} */ o) =>
  `snapshots/${fileName(scenario).replace(/\.json$/, '')}/${o.lang === 'zh' ? 'zh' : 'en'}/${o.preset || 'as-of'}.svg`;

/** Offers `blob` as a file download. */
export function downloadBlob(/** @type {string} */ name, /** @type {Blob} */ blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Offers `text` as a file download. */
export const download = (/** @type {string} */ name, /** @type {string} */ text, /** @type {string} */ type) => downloadBlob(name, new Blob([text], { type }));
