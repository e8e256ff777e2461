// scripts/minify.mjs — shrinks the reader's JavaScript: wasm-bindgen's generated glue
// (dist/pkg/tapecast.js) and the joined shell (dist/tapecast.js; in a release, after `release`
// has written the wasm's hash into it). Compressed and with short local names (terser), exports
// and behaviour unchanged; the shell's style sheet (`const CSS = `…``, a template literal terser
// leaves alone) loses its comments and the whitespace CSS does not need. Each file starts with
// V8's compile hint `//# allFunctionsCalledOnLoad` (Chrome 136+; a plain comment elsewhere): the
// widget calls most of its functions before its first chart, and so they are compiled on a
// background thread while the file streams in, not one by one on the page's main thread when
// first called (measured: 2.5 ms less main-thread time before the first chart).
//
// Usage: node scripts/minify.mjs FILE...
import { readFile, writeFile } from 'node:fs/promises';
import { minify } from 'terser';

/** V8's explicit compile hint for a whole file: it must be the file's first line. */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The shell's one style sheet, as styles.js declares it (a plain template literal, no `${}`). */
const CSS_SHEET = /^const CSS = `([^`$]*)`;$/m;

/** CSS text without comments, line breaks and the spaces around `{`, `}`, `;`, `,`, `>`, `/` (which
 * needs none, in calc() or elsewhere, unlike + and -) and after `:`,
 * quoted strings left as they are. Enough for this sheet: an unquoted `url()` stops the build. */
function minifyCss(css) {
  if (/url\(/i.test(css)) throw new Error('minify: the style sheet has url(), which minifyCss does not handle');
  return css.replace(/\/\*[\s\S]*?\*\//g, '').split(/("[^"]*"|'[^']*')/).map((part, i) => (i % 2 ? part
    : part.replace(/\s+/g, ' ').replace(/ ?([{};,>/]) ?/g, '$1').replace(/: /g, ':').replace(/;}/g, '}'))).join('').trim();
}

for (const file of process.argv.slice(2)) {
  const text = await readFile(file, 'utf8');
  if (text.includes('const CSS = `') && !CSS_SHEET.test(text)) throw new Error(`minify: ${file}: the style sheet is not a plain template literal`);
  const source = text.replace(CSS_SHEET, (_, css) => `const CSS = \`${minifyCss(css)}\`;`);
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!code) throw new Error(`minify: ${file} gave no code`);
  await writeFile(file, `${COMPILE_HINT}\n${code}\n`);
}
