// @ts-check
// main.js — the scenario studio (studio.html): start from the built-in story, the example
// scenario, a blank template or an uploaded file; edit it in forms; every edit is checked by the
// same Rust validate() a widget runs (the studio's own wasm, studio/pkg/) and previewed in the
// real widget; then publish. Nothing here is part of a reader's tapecast.js.

import init, { AuthorFile, max_scenario_chars, more_problems, studio_builtin_json, studio_check, studio_snapshot, studio_words, too_large } from './pkg/studio.js';
import { feed } from './feed.js';
import { Form } from './form.js';
import { parseHelp } from './help.js';
import { Preview } from './preview.js';
import { fillPage, LANG, t } from './strings.js';
import { download, downloadBlob, fileName, iframeSnippet, imageSnippet, inlineSnippet, snapshotPath } from './publish.js';

/** @typedef {Record<string, any>} Obj */
/** @typedef {import('./preview.js').Options} Options */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const input = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
const select = (/** @type {string} */ id) => /** @type {HTMLSelectElement} */ (document.getElementById(id));

/** How long the studio waits after the last keystroke before it checks and redraws. */
const DEBOUNCE_MS = 300;

fillPage();
select('opt-lang').value = LANG;
await init();
const builtin = /** @type {Obj} */ (JSON.parse(studio_builtin_json()));
/** The text of the documentation file `name` beside the studio, or null when it cannot be loaded. */
const doc = (/** @type {string} */ name) => fetch(new URL(`../${name}`, import.meta.url)).then((r) => (r.ok ? r.text() : null), () => null);
// In Chinese the help is the translation's (docs/SCENARIOS.zh.md); the English file when it cannot load.
const help = parseHelp((LANG === 'zh' ? await doc('SCENARIOS.zh.md') : null) ?? (await doc('SCENARIOS.md')) ?? '');

/** Rows to start an empty list from: the built-in story's first of each. */
const templates = {
  assets: builtin.assets[0],
  'calendar.events': builtin.calendar.events[0],
  'funding.drains': builtin.funding.drains[0],
  presets: builtin.presets[0],
  marks: { value: 0, label: { en: '', zh: '' } },
};

/** The blank template: the built-in story's structure and model settings, without its story:
 * no title, no series, no drains, no presets, only the policy meeting among its events, and
 * inputs without the story's help, dated marks and sources (their labels, units, ranges and
 * as-of values stay, to be rewritten: the model gives each input its meaning). */
function blank() {
  const s = structuredClone(builtin);
  s.id = 'my-story';
  s.version = 1;
  s.title = { en: '', zh: '' };
  s.source = { en: '', zh: '' };
  s.assets = [];
  s.presets = [];
  s.funding.drains = [];
  s.calendar.events = s.calendar.events.filter((/** @type {Obj} */ e) => e.kind === 'meeting');
  s.chain.credit_asset = '';
  for (const input of Object.values(s.inputs)) {
    input.help = { en: '', zh: '' };
    input.source = '';
    if (Array.isArray(input.marks)) input.marks = [];
  }
  delete s.calibration;
  return s;
}

const words = studio_words();
const form = new Form({ help, words, templates, changed: () => soon() });
// A checkbox per chart the `panels` attribute may leave out, named as the attribute names it.
for (const name of /** @type {string[]} */ (words.panels)) {
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = `opt-panel-${name}`;
  box.checked = true;
  box.addEventListener('change', () => soon());
  const label = document.createElement('label');
  label.append(box, ` ${name}`);
  $('opt-panels').append(label);
}
$('form').replaceChildren(form.root);
const preview = new Preview($('phone'), $('desktop'));
/** @type {ReturnType<typeof setTimeout> | undefined} */
let timer;
let checks = 0;

/** The widget options the author picked (they go into the snippets too). */
function options() {
  return /** @type {Options} */ ({
    preset: select('opt-preset').value,
    asset: select('opt-asset').value,
    heading: input('opt-heading').value.slice(0, 200),
    lang: select('opt-lang').value,
    theme: select('opt-theme').value,
    compact: input('opt-compact').checked,
    panels: { all: words.panels, shown: words.panels.filter((/** @type {string} */ name) => input(`opt-panel-${name}`).checked) },
  });
}

/** Keeps a select's options in step with the scenario's ids (a first empty "default" option). */
function fill(/** @type {HTMLSelectElement} */ el, /** @type {Obj[]} */ rows) {
  const keep = el.value;
  const ids = rows.map((r) => String(r?.id ?? '')).filter((id) => id);
  const opts = [new Option(t('byDefault'), ''), ...ids.map((id) => new Option(id, id))];
  el.replaceChildren(...opts);
  el.value = ids.includes(keep) ? keep : '';
}

function soon() {
  clearTimeout(timer);
  $('status').textContent = t('checking');
  document.body.dataset.pending = '';
  timer = setTimeout(check, DEBOUNCE_MS);
}

/** Checks the scenario with the wasm's validate(), shows each problem beside its field, and
 * redraws the preview and the snippets when it is valid. */
function check() {
  checks++;
  delete document.body.dataset.pending;
  const s = form.scenario;
  fill(select('opt-preset'), Array.isArray(s.presets) ? s.presets : []);
  fill(select('opt-asset'), Array.isArray(s.assets) ? s.assets : []);
  let json;
  try {
    json = JSON.stringify(s);
  } catch (e) {
    form.show([{ field: '', message: String(e) }], '');
    return;
  }
  /** @type {{ problems: { field: string, message: string }[], more: number }} */
  let result;
  try {
    result = studio_check(json);
  } catch (e) {
    result = { problems: [{ field: '', message: String(e) }], more: 0 };
  }
  form.show(result.problems, result.more ? more_problems(result.more, 'en') : '');
  const n = result.problems.length + result.more;
  const status = $('status');
  status.textContent = n ? t(n > 1 ? 'problems' : 'oneProblem', { n }) : t('noProblems');
  status.className = n ? 'bad' : 'good';
  document.body.dataset.checks = String(checks);
  document.body.dataset.problems = String(n);
  if (n) return;
  const o = options();
  preview.show(json, o);
  /** @type {HTMLTextAreaElement} */ ($('snippet-inline')).value = inlineSnippet(s, o);
  /** @type {HTMLTextAreaElement} */ ($('snippet-iframe')).value = iframeSnippet(s, o);
  const image = snapshotPath(s, o);
  /** @type {HTMLTextAreaElement} */ ($('snippet-image')).value = imageSnippet(s, o, image);
  $('file-name').textContent = `scenarios/${fileName(s)}`;
  $('image-name').textContent = image;
  snapshot(json, o, image);
  document.body.dataset.previews = String(preview.count);
}

/** The last snapshot drawn: its SVG, figure and height, and where its image goes. */
let shot = { svg: '', html: '', height: 0, image: '', url: '' };

/** Draws the opening state's snapshot with the studio's wasm (the snapshot binary's code). */
function snapshot(/** @type {string} */ json, /** @type {Options} */ o, /** @type {string} */ image) {
  try {
    /** @type {{ svg: string, html: string, height: number }} */
    const result = studio_snapshot(json, o.preset || 'as-of', o.lang, 720, image);
    if (shot.url) URL.revokeObjectURL(shot.url);
    shot = { ...result, image, url: URL.createObjectURL(new Blob([result.svg], { type: 'image/svg+xml' })) };
    /** @type {HTMLImageElement} */ ($('snapshot')).src = shot.url;
  } catch (e) {
    /** @type {HTMLImageElement} */ ($('snapshot')).alt = String(e);
  }
}

/** The snapshot as a PNG at twice its size (for platforms that only take an uploaded image). */
function png() {
  const img = /** @type {HTMLImageElement} */ ($('snapshot'));
  const canvas = document.createElement('canvas');
  canvas.width = 720 * 2;
  canvas.height = shot.height * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  canvas.toBlob((blob) => { if (blob) downloadBlob(shot.image.replace(/^.*\//, '').replace(/\.svg$/, '.png'), blob); }, 'image/png');
}

/** Starts the form from `scenario` (a fresh copy). */
function start(/** @type {Obj} */ scenario, /** @type {string} */ from) {
  refused([]);
  form.load(structuredClone(scenario));
  $('started').textContent = t('started', { from });
  check();
}

/** The size up to which an uploaded file with problems opens in the form (a few elements per
 * value: a larger one is listed, not opened). */
const FORM_CHARS = 256 << 10;

/** The notes of a large file's check, read a step per task as a widget reads one, so that the
 * page never blocks for long. */
async function largeFileNotes(/** @type {string} */ text) {
  const file = new AuthorFile();
  await feed(file, text);
  const notes = file.check('en');
  setTimeout(() => file.free());
  return notes;
}

/** Lists a refused file's notes under the start buttons (cleared by the next start). */
function refused(/** @type {string[]} */ notes) {
  $('refused').replaceChildren(...notes.map((n) => Object.assign(document.createElement('p'), { className: 'problem', textContent: n })));
}

/** An author's file: refused over the size limit, unparsed; refused if the widget could not read
 * it at all (then there is nothing to put in the form); a large one with problems has them
 * listed (the first 20 and "… and N more"); else loaded with its problems shown beside fields. */
async function upload(/** @type {File} */ file) {
  const refuse = (/** @type {string[]} */ notes) => { $('started').textContent = t('notOpened', { name: file.name }); refused(notes); };
  const large = too_large(file.size, 'en');
  if (large) return refuse([large]);
  const text = await file.text();
  if (text.length > max_scenario_chars()) return refuse([too_large(text.length, 'en') ?? '']);
  if (text.length > FORM_CHARS) {
    const notes = await largeFileNotes(text);
    if (notes.length) return refuse(notes);
  } else {
    /** @type {{ problems: { field: string, message: string, fatal: boolean }[] }} */
    const result = studio_check(text);
    const fatal = result.problems.find((p) => p.fatal);
    if (fatal) return refuse([fatal.message]);
  }
  start(JSON.parse(text), file.name);
}

$('start-builtin').addEventListener('click', () => start(builtin, t('startBuiltin')));
$('start-example').addEventListener('click', async () => {
  const response = await fetch(new URL('../scenarios/megacap-fed-week.json', import.meta.url));
  if (response.ok) start(await response.json(), t('startExample'));
  else $('started').textContent = t('exampleFailed', { status: response.status });
});
$('start-blank').addEventListener('click', () => start(blank(), t('startBlank')));
input('start-file').addEventListener('change', () => {
  const file = input('start-file').files?.[0];
  if (file) upload(file).catch((e) => { $('started').textContent = String(e); });
});
for (const id of ['opt-preset', 'opt-asset', 'opt-lang', 'opt-theme', 'opt-compact', 'opt-heading']) {
  $(id).addEventListener(id === 'opt-heading' ? 'input' : 'change', () => soon());
}
$('download-json').addEventListener('click', () => download(fileName(form.scenario), `${JSON.stringify(form.scenario, null, 2)}\n`, 'application/json'));
$('download-svg').addEventListener('click', () => download(shot.image.replace(/^.*\//, ''), shot.svg, 'image/svg+xml'));
$('download-png').addEventListener('click', png);
$('download-figure').addEventListener('click', () => download(shot.image.replace(/^.*\//, '').replace(/\.svg$/, '.html'), shot.html, 'text/html'));
for (const id of ['inline', 'iframe', 'image']) {
  $(`copy-${id}`).addEventListener('click', async () => {
    const text = /** @type {HTMLTextAreaElement} */ ($(`snippet-${id}`)).value;
    try {
      await navigator.clipboard.writeText(text);
      $(`copied-${id}`).textContent = t('copied');
    } catch {
      /** @type {HTMLTextAreaElement} */ ($(`snippet-${id}`)).select();
      $(`copied-${id}`).textContent = t('selectAndCopy');
    }
  });
}

start(builtin, t('startBuiltin'));
document.body.dataset.ready = '';
