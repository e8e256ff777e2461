// @ts-check
// notes.js — the problems a widget reports to its reader: shown inside the widget, in its
// language, and on the console; cleared when the reader resets. A bad attribute, link or scenario
// never leaves a blank box.

import { el } from './dom.js';
import { warn } from './wasm.js';

export class Notes {
  constructor() {
    /** @type {string[]} */
    this.list = [];
    this.box = el('div', { className: 'notes', role: 'status' });
  }

  /** Shows each note (the wasm's exports return their problems as arrays of sentences). */
  add(/** @type {string[]} */ ...texts) {
    for (const text of texts) {
      warn(`<tape-cast>: ${text}`);
      this.list.push(text);
      this.box.append(el('p', {}, text));
    }
  }

  /** Forgets every note (the reader went back to the author's case). */
  clear() {
    this.list = [];
    this.box.replaceChildren();
  }
}

/** What a thrown value says. */
export const messageOf = (/** @type {unknown} */ error) => (error instanceof Error ? error.message : String(error));
