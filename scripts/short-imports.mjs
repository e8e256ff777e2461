// scripts/short-imports.mjs — gives the wasm's imports short names, in the wasm and in its
// wasm-bindgen glue alike: wasm-bindgen names each import after the JavaScript it calls plus a
// 16-digit hash (`./tapecast_bg.js` `__wbg_set_fillStyle_f2819d67645a21ba`), written twice in a
// reader's download (the wasm's import section and the glue's import object), and the hashes do
// not compress. The module becomes `a`, the imports `a`, `b`, … in import order. Exports keep
// their names (the shell, tests and the bench reach the wasm's `memory`).
//
// Usage: node scripts/short-imports.mjs WASM GLUE (both rewritten in place; run it before the
// glue is minified, on wasm-bindgen's own output: each import must be one `NAME: function(` key
// of the glue's import object, or the build stops).
import { readFile, writeFile } from 'node:fs/promises';
import { readLeb, sections, skipImportDesc } from './wasm-sections.mjs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) throw new Error('usage: node scripts/short-imports.mjs WASM GLUE');
const MODULE = 'a';

/** Unsigned LEB128 bytes of `value`. */
function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** The bytes of a wasm name (length-prefixed UTF-8). */
const nameBytes = (s) => { const b = Buffer.from(s, 'utf8'); return [...leb(b.length), ...b]; };

/** `a` … `z`, `A` … `Z`, then `aa`, `ab`, …: the `i`-th short name. */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = letters[i % letters.length] + s;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return s;
}

const wasm = await readFile(wasmPath);
let glue = await readFile(gluePath, 'utf8');
const parts = [wasm.subarray(0, 8)];
const renamed = [];
for (const { id, at, bodyAt, end } of sections(wasm)) {
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
  } else {
    let p = bodyAt;
    const [count, first] = readLeb(wasm, p);
    p = first;
    const body = [...leb(count)];
    for (let i = 0; i < count; i++) {
      const [modLen, modAt] = readLeb(wasm, p);
      const module = wasm.subarray(modAt, modAt + modLen).toString('utf8');
      const [nameLen, nameAt] = readLeb(wasm, modAt + modLen);
      const name = wasm.subarray(nameAt, nameAt + nameLen).toString('utf8');
      const descAt = nameAt + nameLen;
      const descEnd = skipImportDesc(wasm, descAt);
      const short = shortName(renamed.length);
      renamed.push({ module, name, short });
      body.push(...nameBytes(MODULE), ...nameBytes(short), ...wasm.subarray(descAt, descEnd));
      p = descEnd;
    }
    if (p !== end) throw new Error('short-imports: the import section was not read to its end');
    parts.push(Buffer.from([2, ...leb(body.length), ...body]));
  }
}

const modules = new Set(renamed.map((r) => r.module));
if (modules.size !== 1) throw new Error(`short-imports: imports from ${[...modules].join(', ')}; expected one module`);
const [module] = modules;
const moduleKey = `${JSON.stringify(module)}: import0,`;
if (glue.split(moduleKey).length !== 2) throw new Error(`short-imports: the glue has no single ${moduleKey}`);
glue = glue.replace(moduleKey, `${MODULE}: import0,`);
for (const { name, short } of renamed) {
  const key = `\n        ${name}: function(`;
  if (glue.split(key).length !== 2) throw new Error(`short-imports: the glue has no single import ${name}`);
  glue = glue.replace(key, `\n        ${short}: function(`);
  if (glue.includes(name)) throw new Error(`short-imports: the glue still names ${name} elsewhere`);
}
await writeFile(wasmPath, Buffer.concat(parts));
await writeFile(gluePath, glue);
