// @ts-check
// dom.js — building DOM nodes from properties and text, never from HTML.

/**
 * Creates an element with properties, attributes (names with a dash, and a few plain ones that
 * are attributes only) and text.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean>} [props]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.includes('-') || k === 'for' || k === 'part' || k === 'role' || k === 'list') node.setAttribute(k, String(v));
    else Reflect.set(node, k, v);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}
