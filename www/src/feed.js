// @ts-check
// feed.js — hands an author's file to the wasm a piece per task and lets it read the file a step
// per task, so that the page never blocks for long. The widget (scenario.js) and the studio (its
// own wasm; scripts/build copies this file beside studio/main.js) both read files so.

/** Characters handed over per task. */
const PIECE = 1 << 19;

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/**
 * Pushes `text` into `file` (either wasm's `AuthorFile`) and waits until it has read it all.
 * @param {{ push(piece: string, units: number): void, read(): boolean }} file
 * @param {string} text
 */
export async function feed(file, text) {
  for (let at = 0, end; at < text.length; at = end) {
    end = Math.min(text.length, at + PIECE);
    // A surrogate pair stays in one piece.
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end++;
    file.push(text.slice(at, end), end - at);
    await nextTask();
  }
  while (!file.read()) await nextTask();
  await nextTask();
}
