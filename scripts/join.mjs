// scripts/join.mjs — joins the shell's sources (www/src/*.js: small ES modules, one concern each)
// into the two shipped modules: dist/tapecast.js (from element.js: every page loads it) and
// dist/author.js (from author.js: the reading of an author's own scenario file, which tapecast.js
// imports only on a page with one). Each file comes once per module, after the files it imports;
// the imports between them and their `export` keywords are dropped (a joined file is one scope;
// only author.js's own exports stay, for tapecast.js to import), as are the JSDoc type tags (for
// the checker, not the reader's download), and the author's wasm package's import is kept, at the top. The
// built-in story's wasm glue (DIR/pkg/tapecast.js, minified by then) goes inside tapecast.js
// (`inlineGlue`): the page fetches it with the module, not a request later, once the module has
// arrived and been parsed (measured: 10–30 ms earlier first chart). Comments are for the sources' readers, not the page's: the joined
// file keeps none but its own header, and the code must come out unchanged (checked). No
// bundler: the sources keep to a few plain forms, and
// anything else stops the build. Then the output is parsed (`node --check`: two files declaring
// the same name fail here) and checked for the things the shell never does.
//
// Usage: node scripts/join.mjs [DIR]   (default dist/: reads DIR/pkg/tapecast.js, writes DIR/tapecast.js and DIR/author.js)
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const SRC = `${REPO}www/src/`;
/** The joined modules: the entry file each starts from, and the line `release` rewrites to pin
 * its wasm's hash (it must stay exactly so, once). The author's module keeps its entry's exports. */
export const MODULES = [
  { out: 'tapecast.js', entry: 'element.js', integrity: "const WASM_INTEGRITY = '';", what: 'the <tape-cast> custom element' },
  { out: 'author.js', entry: 'author.js', integrity: "const AUTHOR_WASM_INTEGRITY = '';", exports: true,
    what: 'what <tape-cast> adds for an author\'s own scenario file' },
];
/** The author's wasm package's glue, whose import stays (at the top of author.js). */
const KEPT_IMPORT = /^import .* from '\.\/pkg\/author\/tapecast\.js';$/;
/** The built-in story's wasm glue, as wasm.js imports it: joined into tapecast.js (`inlineGlue`). */
const LEAN_IMPORT = "import init, * as lean from './pkg/tapecast.js';";
/** How the glue finds its wasm by default (beside itself), and where that is from tapecast.js. */
const GLUE_WASM_URL = 'new URL("tapecast_bg.wasm",import.meta.url)';
const JOINED_WASM_URL = 'new URL("pkg/tapecast_bg.wasm",import.meta.url)';
/** The glue's warning for an `init` argument that is not an options object: wasm.js only ever
 * passes one (or nothing), so the warning cannot show and its text is left out. */
const GLUE_INIT_WARNING = 'console.warn("using deprecated parameters for the initialization function; pass a single object instead")';
/** What the shell never uses (text is text; strict CSP): the build fails on any of them. */
const FORBIDDEN = [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\s*\(/, /new Function\b/, /\.setAttribute\(\s*['"]style['"]/];

const fail = (message) => { throw new Error(message); };

const TAG_ONLY_LINE = /^\/\*\*\s*@[^*]*\*\/$/; // `/** @type {X} */` alone on a line
const INLINE_TYPE = /\/\*\* @type [^*]*\*\/ ?/g; // casts and parameter types inside a line

/**
 * Drops the comments (doc comments with their JSDoc type tags, and whole-line `//` comments): they
 * are for the sources' readers and the checker, not the reader's download. The code itself must
 * come out unchanged: checked in join().
 */
function withoutComments(lines) {
  const out = [];
  let open = null; // the first line of the doc comment being skipped
  for (const line of lines) {
    const t = line.trim();
    if (open) {
      if (t.endsWith('*/')) open = null;
    } else if (TAG_ONLY_LINE.test(t) || t.startsWith('//') || (t.startsWith('/**') && t.endsWith('*/'))) {
      continue;
    } else if (t.startsWith('/**') && !t.includes('*/')) {
      open = line;
    } else {
      out.push(line.replace(INLINE_TYPE, ''));
    }
  }
  if (open) fail(`a doc comment does not end: ${open}`);
  return out;
}

/** The code without comments and whitespace (naive, but the same on both sides of a comparison). */
const codeOnly = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s+/g, '');

/** One source file with its local imports removed and its `export` keywords dropped (kept, with
 * `keepExports`, for the entry of a module others import). */
function strip(name, text, keepExports = false) {
  const deps = [];
  const imports = [];
  const lines = [];
  for (const line of text.split('\n')) {
    if (line === '// @ts-check') continue;
    const local = line.match(/^import .* from '\.\/([\w-]+\.js)';$/);
    if (local) { deps.push(local[1]); continue; }
    if (/^import\b/.test(line)) {
      if (!KEPT_IMPORT.test(line) && line !== LEAN_IMPORT) fail(`${name}: an import the join does not know: ${line}`);
      imports.push(line);
      continue;
    }
    if (keepExports && /^export\b/.test(line)) { lines.push(line); continue; }
    if (/^export \{[^}]*\};$/.test(line)) continue; // a re-export: the names are in the one scope already
    const declaration = line.match(/^export ((?:async )?function\*? |const |let |class )/);
    if (declaration) { lines.push(line.slice('export '.length)); continue; }
    if (/^export\b/.test(line)) fail(`${name}: an export the join does not know: ${line}`);
    lines.push(line);
  }
  const joined = withoutComments(lines).join('\n').trim().replace(/\n{3,}/g, '\n\n');
  if (codeOnly(joined) !== codeOnly(lines.join('\n'))) fail(`${name}: dropping the comments changed the code`);
  return { deps, imports, text: joined };
}

/**
 * wasm-bindgen's glue for the built-in story's wasm (minified, as scripts/build and scripts/release
 * leave it in DIR/pkg/) as a block of the joined module, in place of wasm.js's `LEAN_IMPORT`: the
 * same code in a function scope whose exports become the properties of `lean` (a plain object
 * instead of the module namespace; not `initSync`, which the shell never calls, so that the
 * minifier drops it), `init` its default export (without its warning for an argument the shell
 * never passes), and its wasm's default URL (beside the glue) the same file seen from tapecast.js.
 * Anything else in the glue that imports or exports stops the build.
 */
export function inlineGlue(glue) {
  let text = glue.replace(/^\/\/# allFunctionsCalledOnLoad\n/, '').trim();
  const names = [];
  text = text.replace(/\bexport (class|function) ([\w$]+)/g, (_, kind, name) => { names.push(name); return `${kind} ${name}`; });
  const list = text.match(/\bexport\s*\{([^}]*)\};?$/);
  if (!list) fail('the glue does not end with its export list');
  const renamed = list[1].split(',').map((e) => e.trim().split(/\s+as\s+/)).filter(([local, as]) => (as ?? local) !== 'initSync')
    .map(([local, as]) => `${as ?? local}:${local}`);
  text = `${text.slice(0, list.index)}return{${[...renamed, ...names].join(',')}};`;
  if (text.split(GLUE_WASM_URL).length !== 2) fail(`the glue does not find its wasm once by ${GLUE_WASM_URL}`);
  text = text.replace(GLUE_WASM_URL, JOINED_WASM_URL);
  if (text.split(GLUE_INIT_WARNING).length !== 2) fail('the glue does not have its init warning once');
  text = text.replace(GLUE_INIT_WARNING, '0');
  if (/(^|[;{}])\s*(import|export)\b(?!\.meta)/.test(text) || !names.includes('Widget')) fail('the glue has an import or export the join does not know');
  return `const lean = (() => {\n${text}\n})();\nconst init = lean.default;`;
}

/** Joins one module (one of MODULES) from the sources in `files`, the lean glue inlined; returns its text and files. */
function joinModule(files, glue, { out: target, entry, integrity, exports = false, what }) {
  // Depth-first from the entry: every file after the files it imports.
  const order = [];
  const visiting = new Set();
  const visit = (n, from) => {
    if (order.includes(n)) return;
    if (!files.has(n)) fail(`${from}: imports ./${n}, which is not in www/src/`);
    if (visiting.has(n)) fail(`${from}: circular import of ./${n}`);
    visiting.add(n);
    for (const d of files.get(n).deps) visit(d, n);
    order.push(n);
  };
  visit(entry, entry);
  const text = (n) => (exports && n === entry ? files.get(n).entryText : files.get(n).text);
  const head = `// ${target} — ${what}, joined by scripts/join.mjs from www/src/\n`
    + `// (${order.join(', ')}): edit those, not this file.\n`;
  const imports = [...new Set(order.flatMap((n) => files.get(n).imports))].map((l) => (l === LEAN_IMPORT ? inlineGlue(glue) : l));
  const out = `${head}\n${imports.join('\n')}\n\n${order.map(text).join('\n\n')}\n`;
  const pinned = out.split('\n').filter((l) => l === integrity).length;
  if (pinned !== 1) fail(`${target} has ${pinned} lines "${integrity}" (scripts/release needs exactly one)`);
  for (const re of FORBIDDEN) if (re.test(out)) fail(`${target} uses ${re.source}`);
  return { out, order };
}

/** Every module of MODULES, joined, with the lean glue from `dir` (ending in `/`): `[{ name, out, order }]`. */
export async function join(dir) {
  const glue = await readFile(`${dir}pkg/tapecast.js`, 'utf8');
  const names = (await readdir(SRC)).filter((n) => n.endsWith('.js')).sort();
  const files = new Map();
  for (const n of names) {
    const source = await readFile(SRC + n, 'utf8');
    const entry = MODULES.find((m) => m.entry === n && m.exports);
    files.set(n, { ...strip(n, source), entryText: entry ? strip(n, source, true).text : '' });
  }
  const joined = MODULES.map((m) => ({ name: m.out, ...joinModule(files, glue, m) }));
  const used = new Set(joined.flatMap((j) => j.order));
  const unused = names.filter((n) => !used.has(n));
  if (unused.length) fail(`www/src/: not imported by anything: ${unused.join(', ')}`);
  return joined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = (process.argv[2] ?? `${REPO}dist`).replace(/\/?$/, '/');
  try {
    for (const { name, out, order } of await join(dir)) {
      const target = `${dir}${name}`;
      await writeFile(target, out);
      const check = spawnSync(process.execPath, ['--check', target], { encoding: 'utf8' });
      if (check.status !== 0) fail(`${target} does not parse:\n${check.stderr}`);
      console.log(`join: ${order.length} files -> ${target} (${out.split('\n').length} lines)`);
    }
  } catch (e) {
    console.error(`join: ${e.message}`);
    process.exit(1);
  }
}
