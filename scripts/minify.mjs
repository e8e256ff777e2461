// scripts/minify.mjs — shrinks wasm-bindgen's generated glue (dist/pkg/tapecast.js) for the reader's
// download: compressed and with short local names (terser), exports and behaviour unchanged. The
// shell's own module (dist/tapecast.js) is left as joined: `release` rewrites its integrity line.
//
// Usage: node scripts/minify.mjs FILE...
import { readFile, writeFile } from 'node:fs/promises';
import { minify } from 'terser';

for (const file of process.argv.slice(2)) {
  const source = await readFile(file, 'utf8');
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!code) throw new Error(`minify: ${file} gave no code`);
  await writeFile(file, `${code}\n`);
}
