// @ts-check
// form.js — the studio's form: built from the scenario object itself (every field of the file,
// none named here; the words a word-valued field takes come from the wasm's `studio_words()`, the
// scenario's own enums), in the groups an author thinks in, with docs/SCENARIOS.md's help beside
// each field (SCENARIOS.zh.md's in Chinese) and rows to add and remove. Each field knows its path
// (`assets[1].vol`, as validate() names it) so a problem can be shown beside it.

import { helpFor } from './help.js';
import { t } from './strings.js';

/** @typedef {Record<string, any>} Obj */

/** The sections of the form, in an author's order (`title`: its string's name in strings.js):
 * the story and its dates, the inputs, the series, the calendar's events and drains, the presets,
 * then the model's finer settings. */
export const SECTIONS = [
  { title: 'sectionStory', paths: ['id', 'version', 'title', 'source', 'calendar.as_of', 'calendar.end', 'calendar.horizon', 'calendar.holidays', 'calendar.half_days', 'calendar.source'] },
  { title: 'sectionInputs', paths: ['inputs'] },
  { title: 'sectionSeries', paths: ['assets', 'chain.credit_asset'] },
  { title: 'sectionCalendar', paths: ['calendar.events', 'funding.drains'] },
  { title: 'sectionPresets', paths: ['presets'] },
  { title: 'sectionModel', paths: ['simulation', 'funding', 'chain', 'calibration'], closed: true },
];

/** Every path a section shows by itself. */
const CLAIMED = new Set(SECTIONS.flatMap((s) => s.paths));

/** Fields that may be `null` (absent), and what they hold otherwise. */
const NULLABLE = { long_run: 'number', start: 'string' };

/** Fields whose value is the id of a row of a list: picked from that list's current ids. */
const ROW_IDS = { 'chain.credit_asset': 'assets' };

/** Lists of plain values, edited as one line each. */
const LINES = new Set(['holidays', 'half_days']);

const isText = (/** @type {unknown} */ v) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 2 && 'en' in v && 'zh' in v;

/** `a.b[2].c` from segments (numbers are indices). */
export const pathOf = (/** @type {(string | number)[]} */ segs) =>
  segs.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');

/** Reads the value at `segs`. */
const get = (/** @type {Obj} */ root, /** @type {(string | number)[]} */ segs) => segs.reduce((o, k) => (o == null ? undefined : o[k]), root);

/** Sets the value at `segs`. */
const set = (/** @type {Obj} */ root, /** @type {(string | number)[]} */ segs, /** @type {unknown} */ value) => {
  const parent = get(root, segs.slice(0, -1));
  if (parent && typeof parent === 'object') parent[segs[segs.length - 1]] = value;
};

/** An element with properties and text (never HTML). */
function h(/** @type {string} */ tag, /** @type {Obj} */ props = {}, /** @type {(Node | string)[]} */ ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith('data-') || k === 'for' || k.startsWith('aria-')) node.setAttribute(k, String(v));
    else Reflect.set(node, k, v);
  }
  node.append(...children);
  return node;
}

export class Form {
  /**
   * @param {{ help: Map<string, string>, words: Record<string, string[]>, templates: Obj, changed: () => void }} options
   *   `words`: the words of each word-valued field (`kind`, `group`, `quote`, `directions`: the
   *   values of that map); `templates`: a row to start from for each list (`assets`,
   *   `calendar.events`, …), used when the list is empty; `changed`: called after every edit.
   */
  constructor({ help, words, templates, changed }) {
    this.help = help;
    this.words = words;
    this.templates = templates;
    this.changed = changed;
    /** @type {Obj} */
    this.scenario = {};
    /** @type {Map<string, HTMLElement>} a problem box per field path */
    this.boxes = new Map();
    this.root = h('div', { className: 'form' });
    /** @type {HTMLElement} problems of the whole file */
    this.general = h('div', { className: 'problems', 'aria-live': 'polite' });
  }

  /** Shows `scenario` (which the form edits in place from now on). */
  load(/** @type {Obj} */ scenario) {
    this.scenario = scenario;
    this.render();
  }

  /** Rebuilds every field (after a row was added or removed, or a new start). */
  render() {
    const open = [...this.root.querySelectorAll('details')].map((d) => /** @type {HTMLDetailsElement} */ (d).open);
    this.boxes.clear();
    const sections = SECTIONS.map((section, i) => {
      const body = h('div', { className: 'section-body' });
      for (const p of section.paths) {
        const segs = p.split('.');
        const value = get(this.scenario, segs);
        if (value === undefined) continue;
        body.append(this.field(segs, value));
      }
      const details = h('details', { open: open[i] ?? !section.closed }, h('summary', {}, t(/** @type {any} */ (section.title))), body);
      return details;
    });
    this.root.replaceChildren(this.general, ...sections);
  }

  /** Whether the input `name` is a choice (its description has options). */
  isChoice(/** @type {string} */ name) {
    return Array.isArray(this.scenario.inputs?.[name]?.options);
  }

  /** The help beside the field at `segs`. */
  helpText(/** @type {(string | number)[]} */ segs) {
    return helpFor(this.help, segs.filter((s) => typeof s === 'string').map(String), (n) => this.isChoice(n));
  }

  /** A problem box for `segs`, registered under its path. */
  box(/** @type {(string | number)[]} */ segs) {
    const b = h('div', { className: 'problems', 'data-path': pathOf(segs) });
    this.boxes.set(pathOf(segs), b);
    return b;
  }

  /** The editor for the value at `segs`.
   * @returns {HTMLElement} */
  field(/** @type {(string | number)[]} */ segs, /** @type {unknown} */ value) {
    const key = String([...segs].reverse().find((s) => typeof s === 'string') ?? '');
    const row = typeof segs[segs.length - 1] === 'number';
    const name = row ? `${key.replace(/s$/, '')} ${Number(segs[segs.length - 1]) + 1}` : key;
    if (Array.isArray(value) && !LINES.has(key)) return this.list(segs, value, name);
    if (value && typeof value === 'object' && !Array.isArray(value) && !isText(value)) {
      // A part that a section shows on its own (chain.credit_asset beside the series) is not
      // shown again inside its block: one editor for each value.
      const fields = Object.entries(value).filter(([k]) => !CLAIMED.has(pathOf([...segs, k]))).map(([k, v]) => this.field([...segs, k], v));
      // A row's help is its list's, already shown above the rows.
      return h('fieldset', { className: 'group', 'data-path': pathOf(segs) }, h('legend', {}, name), row ? '' : this.helpLine(segs), this.box(segs), ...fields);
    }
    return this.leaf(segs, value, name);
  }

  helpLine(/** @type {(string | number)[]} */ segs) {
    const text = this.helpText(segs);
    return text ? h('p', { className: 'help' }, text) : document.createTextNode('');
  }

  /** A list of rows, each removable, and a button that adds one.
   * @returns {HTMLElement} */
  list(/** @type {(string | number)[]} */ segs, /** @type {unknown[]} */ rows, /** @type {string} */ name) {
    const path = pathOf(segs);
    const items = rows.map((row, i) => {
      const remove = h('button', { type: 'button', className: 'remove', 'data-remove': `${path}[${i}]` }, t('remove', { name: name.replace(/s$/, ''), n: i + 1 }));
      remove.addEventListener('click', () => { rows.splice(i, 1); this.render(); this.changed(); });
      return h('div', { className: 'row' }, this.field([...segs, i], row), remove);
    });
    const add = h('button', { type: 'button', className: 'add', 'data-add': path }, t('add', { name: name.replace(/s$/, '') }));
    add.addEventListener('click', () => { rows.push(this.newRow(path, rows)); this.render(); this.changed(); });
    return h('fieldset', { className: 'list', 'data-path': path }, h('legend', {}, name), this.helpLine(segs), this.box(segs), ...items, add);
  }

  /** A new row for the list at `path`: a copy of its last row (or of the template), with a fresh
   * id and label and no source (the author's own numbers need their own). */
  newRow(/** @type {string} */ path, /** @type {unknown[]} */ rows) {
    const general = path.replace(/\[\d+\]/g, '');
    const model = rows.length ? rows[rows.length - 1] : this.templates[general] ?? this.templates[general.split('.').pop() ?? ''];
    if (model === undefined) return '';
    const row = structuredClone(model);
    if (row && typeof row === 'object') {
      const stem = (general.split('.').pop() ?? 'row').replace(/s$/, '');
      if (typeof row.id === 'string') {
        let n = rows.length + 1;
        while (rows.some((r) => /** @type {Obj} */ (r)?.id === `${stem}-${n}`)) n++;
        row.id = `${stem}-${n}`;
      }
      if (isText(row.label)) row.label = { en: `${stem} ${rows.length + 1}`, zh: '' };
      if (typeof row.source === 'string') row.source = '';
    }
    return row;
  }

  /** One value: a text pair, a word from a list, a number, a yes/no, a list of lines, text. */
  leaf(/** @type {(string | number)[]} */ segs, /** @type {unknown} */ value, /** @type {string} */ name) {
    const path = pathOf(segs);
    const id = `f-${path.replace(/[^a-z0-9]+/gi, '-')}`;
    const key = String(segs[segs.length - 1]);
    const parentKey = String(segs[segs.length - 2] ?? '');
    /** @type {HTMLElement[]} */
    let controls;
    if (isText(value)) {
      const pair = /** @type {Obj} */ (value);
      controls = ['en', 'zh'].map((lang) => {
        const input = h('input', { type: 'text', id: `${id}-${lang}`, value: pair[lang], 'data-path': `${path}.${lang}`, 'aria-label': `${name} (${lang})`, placeholder: lang });
        input.addEventListener('input', () => { set(this.scenario, [...segs, lang], /** @type {HTMLInputElement} */ (input).value); this.changed(); });
        return input;
      });
    } else {
      const words = this.words[parentKey === 'directions' ? parentKey : key];
      /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */
      let input;
      /** @type {() => unknown} */
      let read;
      const nullable = NULLABLE[/** @type {keyof NULLABLE} */ (key)];
      const rows = ROW_IDS[/** @type {keyof ROW_IDS} */ (path)];
      if (rows) {
        // The ids as they are when the author opens the list (a row may have been renamed since
        // the form was drawn); an empty first choice until one is picked.
        const select = /** @type {HTMLSelectElement} */ (h('select', { id }));
        const fill = () => {
          const ids = (get(this.scenario, [rows]) ?? []).map((/** @type {Obj} */ r) => r?.id).filter((/** @type {unknown} */ x) => typeof x === 'string' && x);
          const current = /** @type {unknown} */ (get(this.scenario, segs));
          select.replaceChildren(h('option', { value: '' }, t('pickRow')), ...ids.map((/** @type {string} */ x) => h('option', { value: x, selected: x === current }, x)));
          if (current && !ids.includes(current)) select.append(h('option', { value: current, selected: true }, String(current)));
        };
        fill();
        select.addEventListener('focus', fill);
        select.addEventListener('pointerdown', fill);
        input = select;
        read = () => select.value;
      } else if (words && typeof value === 'string') {
        input = /** @type {HTMLSelectElement} */ (h('select', { id }, ...words.map((w) => h('option', { value: w, selected: w === value }, w))));
        read = () => input.value;
      } else if (typeof value === 'boolean') {
        const box = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id, checked: value }));
        input = box;
        read = () => box.checked;
      } else if (typeof value === 'number' || nullable === 'number') {
        input = /** @type {HTMLInputElement} */ (h('input', { type: 'number', id, step: 'any', value: value === null ? '' : String(value), inputMode: 'decimal' }));
        read = () => (input.value.trim() === '' ? null : Number(input.value));
      } else if (Array.isArray(value)) {
        input = /** @type {HTMLTextAreaElement} */ (h('textarea', { id, rows: Math.min(6, value.length + 1), value: value.join('\n') }));
        read = () => input.value.split(/[\s,]+/).filter((s) => s);
      } else {
        input = /** @type {HTMLInputElement} */ (h('input', { type: 'text', id, value: value === null ? '' : String(value) }));
        read = () => (nullable && input.value.trim() === '' ? null : input.value);
      }
      input.setAttribute('data-path', path);
      input.addEventListener(input instanceof HTMLSelectElement || input.type === 'checkbox' ? 'change' : 'input', () => { set(this.scenario, segs, read()); this.changed(); });
      controls = [input];
    }
    return h('div', { className: 'field' },
      h('label', { htmlFor: controls[0].id }, name),
      h('div', { className: 'controls' }, ...controls),
      this.helpLine(segs),
      this.box(segs));
  }

  /** Shows each problem beside its field (or the nearest enclosing one), the rest and `more`
   * ("… and N more", when the list was capped) on top. */
  show(/** @type {{ field: string, message: string }[]} */ problems, /** @type {string} */ more) {
    for (const b of this.boxes.values()) b.replaceChildren();
    this.general.replaceChildren();
    for (const p of problems) {
      let path = p.field;
      while (path && !this.boxes.has(path)) path = path.replace(/(\.[^.[]*|\[\d+\])$/, '');
      const where = (path && this.boxes.get(path)) || this.general;
      where.append(h('p', { className: 'problem', role: 'alert' }, p.message));
    }
    if (more) this.general.append(h('p', { className: 'problem' }, more));
  }
}
