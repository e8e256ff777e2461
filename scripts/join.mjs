// scripts/join.mjs — joins the shell's sources (www/src/*.js: small ES modules, one concern each)
// into the one shipped module, dist/tapecast.js. Each file comes once, after the files it imports;
// the imports between them and their `export` keywords are dropped (the joined file is one scope),
// as are the JSDoc type tags (for the checker, not the reader's download), and the wasm package's
// import is kept, at the top. No bundler: the sources keep to a few plain forms, and
// anything else stops the build. Then the output is parsed (`node --check`: two files declaring
// the same name fail here) and checked for the things the shell never does.
//
// Usage: node scripts/join.mjs [OUT]   (default dist/tapecast.js)
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const SRC = `${REPO}www/src/`;
const ENTRY = 'element.js';
const KEPT_IMPORT = './pkg/tapecast.js';
/** `release` rewrites this line to pin the wasm's hash; it must stay exactly so, once. */
const INTEGRITY_LINE = "const WASM_INTEGRITY = '';";
/** What the shell never uses (text is text; strict CSP): the build fails on any of them. */
const FORBIDDEN = [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\s*\(/, /new Function\b/, /\.setAttribute\(\s*['"]style['"]/];

const fail = (message) => { throw new Error(message); };

/**
 * Drops the type annotations (JSDoc `@` tags, for the checker) from whole-line doc comments and
 * keeps their prose (inline `@type` casts and parameter types go in strip()).
 */
function withoutTypeTags(lines) {
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    if (!t.startsWith('/**')) { out.push(line); continue; }
    if (t.endsWith('*/')) { if (!/^\/\*\*\s*@/.test(t)) out.push(line); continue; } // one line: prose or only a tag
    let end = i;
    while (end < lines.length && !lines[end].trim().endsWith('*/')) end++;
    const indent = line.slice(0, line.indexOf('/**'));
    const prose = [];
    let inTag = /^\/\*\*\s*@/.test(t);
    if (!inTag && t !== '/**') prose.push(line);
    for (const inner of lines.slice(i + 1, end)) {
      const body = inner.trim();
      if (body.startsWith('* @')) inTag = true;
      else if (!/^\*\s{2,}\S/.test(body)) inTag = false; // an indented line continues a tag
      if (!inTag) prose.push(inner);
    }
    if (prose.some((p) => p.replace(/[/*\s]/g, ''))) out.push(...(t === '/**' || /^\/\*\*\s*@/.test(t) ? [`${indent}/**`] : []), ...prose, `${indent} */`);
    i = end;
  }
  return out;
}

/** One source file with its local imports removed and its `export` keywords dropped. */
function strip(name, text) {
  const deps = [];
  const imports = [];
  const lines = [];
  for (const line of text.split('\n')) {
    if (line === '// @ts-check') continue;
    const local = line.match(/^import .* from '\.\/([\w-]+\.js)';$/);
    if (local && `./${local[1]}` !== KEPT_IMPORT) { deps.push(local[1]); continue; }
    if (/^import\b/.test(line)) {
      if (!line.endsWith(`from '${KEPT_IMPORT}';`)) fail(`${name}: an import the join does not know: ${line}`);
      imports.push(line);
      continue;
    }
    if (/^export \{[^}]*\};$/.test(line)) continue; // a re-export: the names are in the one scope already
    const declaration = line.match(/^export ((?:async )?function\*? |const |let |class )/);
    if (declaration) { lines.push(line.slice('export '.length)); continue; }
    if (/^export\b/.test(line)) fail(`${name}: an export the join does not know: ${line}`);
    lines.push(line);
  }
  const joined = withoutTypeTags(lines).join('\n')
    .replace(/\/\*\* @type [^*]*\*\/ ?/g, '') // inline casts and parameter types
    .trim().replace(/\n{3,}/g, '\n\n');
  return { deps, imports, text: joined };
}

export async function join() {
  const names = (await readdir(SRC)).filter((n) => n.endsWith('.js')).sort();
  const files = new Map();
  for (const n of names) files.set(n, strip(n, await readFile(SRC + n, 'utf8')));
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
  visit(ENTRY, ENTRY);
  const unused = names.filter((n) => !order.includes(n));
  if (unused.length) fail(`www/src/: not imported by anything: ${unused.join(', ')}`);
  const head = '// tapecast.js — the <tape-cast> custom element, joined by scripts/join.mjs from www/src/\n'
    + `// (${order.join(', ')}): edit those, not this file.\n`;
  const imports = order.flatMap((n) => files.get(n).imports);
  const out = `${head}\n${imports.join('\n')}\n\n${order.map((n) => files.get(n).text).join('\n\n')}\n`;
  const pinned = out.split('\n').filter((l) => l === INTEGRITY_LINE).length;
  if (pinned !== 1) fail(`the joined file has ${pinned} lines "${INTEGRITY_LINE}" (scripts/release needs exactly one)`);
  for (const re of FORBIDDEN) if (re.test(out)) fail(`the joined file uses ${re.source}`);
  return { out, order };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = process.argv[2] ?? `${REPO}dist/tapecast.js`;
  try {
    const { out, order } = await join();
    await writeFile(target, out);
    const check = spawnSync(process.execPath, ['--check', target], { encoding: 'utf8' });
    if (check.status !== 0) fail(`the joined file does not parse:\n${check.stderr}`);
    console.log(`join: ${order.length} files -> ${target} (${out.split('\n').length} lines)`);
  } catch (e) {
    console.error(`join: ${e.message}`);
    process.exit(1);
  }
}
