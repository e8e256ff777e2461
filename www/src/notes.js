// @ts-check
// notes.js — the problems a widget reports to its reader: shown inside the widget, in its
// language, and on the console; cleared when the reader resets. A bad attribute, link or scenario
// never leaves a blank box, and no number of problems makes a tall one.

import { el } from './dom.js';
import { shared } from './wasm.js';

/** At most this many notes are shown (an author's file lists 20 problems and "… and N more",
 * plus a line or two around them); the rest are counted on one last line. */
const MAX_NOTES = 24;

export class Notes {
  constructor() {
    /** @type {string[]} */
    this.list = [];
    this.hidden = 0;
    this.lang = 'en';
    this.box = el('div', { className: 'notes', role: 'status' });
    this.moreLine = el('p', {});
  }

  /** Shows each note (the wasm's exports return their problems as arrays of sentences). */
  add(/** @type {string[]} */ ...texts) {
    const before = this.hidden;
    for (const text of texts) {
      if (this.list.length >= MAX_NOTES) { this.hidden++; continue; }
      shared().warn(`<tape-cast>: ${text}`);
      this.list.push(text);
      this.box.append(el('p', {}, text));
    }
    if (this.hidden > before) {
      this.moreLine.textContent = shared().more_problems(this.hidden, this.lang);
      shared().warn(`<tape-cast>: ${this.moreLine.textContent}`);
      this.box.append(this.moreLine);
    }
  }

  /** Forgets every note (the reader went back to the author's case). */
  clear() {
    this.list = [];
    this.hidden = 0;
    this.box.replaceChildren();
  }
}
