// scripts/release.mjs — finishes a release folder that scripts/release has filled with the built
// files and the snapshots: writes the snippets (with Subresource Integrity hashes), the authors'
// README, package.json, the landing page, the no-JavaScript content of embed.html, and
// integrity.json. Every URL inside the folder is relative, so it works from any sub-path.
//
// Usage: node scripts/release.mjs DIR VERSION [BASE_URL]
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
export const PLACEHOLDER_BASE = 'https://example.com/tapecast/';

/** `sha384-…` of a file's bytes, as `integrity` attributes want it. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const escAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every file under `dir`, relative, sorted. */
async function files(dir, base = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path, base)));
    else out.push(relative(base, path));
  }
  return out.sort();
}

/** Rewrites the release-relative links of a snapshot fragment to absolute ones under `base`. */
const absolute = (html, base) => html.replace(/(href|src|srcset)="((?:embed\.html|snapshots\/)[^"]*)"/g, (_, a, u) => `${a}="${base}${u}"`);

/** A state's link as a URL: the snapshot manifest holds it as HTML text (`&amp;` between
 * parameters), and the snippets escape it once, as an attribute, themselves. */
const linkOf = (state) => state.link.replace(/&amp;/g, '&');

/** Builds every snippet for `base` (a URL ending in `/`). */
export function snippets({ manifest, figures, hashes, base, version }) {
  const origin = new URL(base).origin;
  // The module carries the built-in story's wasm glue (scripts/join.mjs), so one pinned tag pins it.
  const head = `<script type="module" src="${base}tapecast.js" integrity="${hashes['tapecast.js']}" crossorigin="anonymous"></script>`;
  // A page with an author's own scenario (inline or `src`) also imports author.js and, from it,
  // the author's wasm glue (pkg/author/): preloaded with their hashes, the imports use the
  // checked copies.
  const author = ['author.js', 'pkg/author/tapecast.js']
    .map((f) => `<link rel="modulepreload" href="${base}${f}" integrity="${hashes[f]}" crossorigin="anonymous">`).join('\n');
  const listener = `<script src="${base}iframe-resize.js" data-origin="${origin}" integrity="${hashes['iframe-resize.js']}" crossorigin="anonymous" defer></script>`;
  const out = { version, base, origin, module: { head, author, states: {} }, iframe: { listener, states: {} }, image: { states: {} } };
  for (const s of manifest.states) {
    const key = `${s.lang}/${s.id}`;
    const attrs = [s.id !== 'as-of' ? ` preset="${escAttr(s.id)}"` : '', s.lang === 'zh' ? ' lang="zh"' : ''].join('');
    out.module.states[key] = `<tape-cast${attrs}>\n${absolute(figures[key], base).trim()}\n</tape-cast>`;
    const title = s.lang === 'zh' ? `交互图表：${s.label}` : `Interactive chart: ${s.label}`;
    out.iframe.states[key] =
      `<iframe data-tapecast src="${base}${escAttr(linkOf(s))}" title="${escAttr(title)}" width="100%" height="${manifest.iframeHeight}" frameborder="0" loading="lazy"></iframe>`;
    const img = figures[key].match(/<img [^>]*>/)[0];
    out.image.states[key] = `<a href="${base}${escAttr(linkOf(s))}">${absolute(img, base)}</a>`;
  }
  return out;
}

function markdown(sn, manifest) {
  const block = (html) => `\`\`\`html\n${html}\n\`\`\``;
  const first = manifest.states[0];
  const key = `${first.lang}/${first.id}`;
  const lines = [
    `# Snippets for tapecast ${sn.version}`,
    '',
    sn.base === PLACEHOLDER_BASE
      ? `Every URL below starts with \`${PLACEHOLDER_BASE}\`: replace it with the address where you put this folder (ending in \`/\`), or run \`scripts/release --base URL\` to get them filled in. The \`data-origin\` of the listener is that address's origin (scheme, host and port).`
      : `Every URL below points to \`${sn.base}\`.`,
    '',
    'The `integrity` hashes pin the exact files of this release: if the files change, browsers refuse them. `tapecast.js` carries the hash of the WebAssembly module and fetches it with `integrity`, so the module is pinned too, and so does `author.js` for the one that runs your own scenarios (`pkg/author/`); their hashes are also in `integrity.json`.',
    '',
    '## 1. Module script (Hugo, Jekyll, Ghost, WordPress custom HTML, any page you control)',
    '',
    'Once per page, in the `<head>` or before the first widget:',
    '',
    block(sn.module.head),
    '',
    'Then one element per widget. Its children are the static snapshot and table, shown before (and without) JavaScript and replaced by the interactive chart once it is near the screen:',
    '',
    block(sn.module.states[key]),
    '',
    'Other states: set `preset` to one of the ids below and use that state\'s figure from `snapshots/<lang>/<id>.html` (the `module.states` entries of `snippets.json` are ready to paste).',
    '',
    'A widget with your own scenario (an inline `<script type="application/json">` child or `src`) runs on a second WebAssembly module, `pkg/author/`, imported with `author.js`; pages with only the built-in story download neither. On such a page add these two lines too, beside the two above, so that their code is pinned as well (`author.js` pins its wasm):',
    '',
    block(sn.module.author),
    '',
    '## 2. iframe (platforms that allow an iframe but no scripts of yours)',
    '',
    block(sn.iframe.states[key]),
    '',
    'The query string takes the element\'s attribute names (`preset`, `surprise`, `cut-odds`, `shortfall`, `rmp-start`, `rmp-pace`, `asset`, `lang`, `theme`, `compact`, `heading`, `panels`). Where the host page may run one script, add the listener once, after the iframes: it keeps each iframe as tall as its content. Without it the iframe keeps its height and the widget switches to its compact layout so that nothing scrolls.',
    '',
    block(sn.iframe.listener),
    '',
    '## 3. No scripts at all (Substack, Medium, email, RSS): an image that links to the interactive page',
    '',
  ];
  for (const s of manifest.states) {
    lines.push(`### ${s.label} (\`${s.id}\`, ${s.lang})`, '', block(sn.image.states[`${s.lang}/${s.id}`]), '');
  }
  return lines.join('\n');
}

async function main() {
  const [dir, version, base = PLACEHOLDER_BASE] = process.argv.slice(2);
  if (!dir || !version) throw new Error('usage: node scripts/release.mjs DIR VERSION [BASE_URL]');
  if (!/^https?:\/\/[^/]+\/(.*\/)?$/.test(base)) throw new Error(`base URL must be http(s) and end in /: ${base}`);
  const manifest = JSON.parse(await readFile(join(dir, 'snapshots/manifest.json'), 'utf8'));
  manifest.iframeHeight = Number(process.env.TAPECAST_IFRAME_HEIGHT ?? 1150);
  const figures = {};
  for (const s of manifest.states) figures[`${s.lang}/${s.id}`] = await readFile(join(dir, s.html), 'utf8');

  // embed.html: the as-of figure for readers without JavaScript.
  const embedPath = join(dir, 'embed.html');
  const embed = await readFile(embedPath, 'utf8');
  const noscript = /<noscript>[\s\S]*?<\/noscript>/;
  if (!noscript.test(embed)) throw new Error('embed.html has no <noscript> block');
  // Link previews (og:image, twitter:image) need an absolute address: written when the release
  // knows where it will live (--base).
  const card = manifest.states.find((s) => s.lang === 'en' && s.id === 'as-of')?.cards?.[0];
  const preview = base !== PLACEHOLDER_BASE && card
    ? `<meta property="og:image" content="${escAttr(base + card.svg.replace(/\.svg$/, '.png'))}">\n<meta property="og:image:width" content="${card.width}">\n<meta property="og:image:height" content="${card.height}">\n<meta name="twitter:card" content="summary_large_image">\n<meta name="twitter:image" content="${escAttr(base + card.svg.replace(/\.svg$/, '.png'))}">\n`
    : '';
  await writeFile(embedPath, embed.replace(noscript, `<noscript>\n${figures['en/as-of'].trim()}\n</noscript>`).replace('</head>', `${preview}</head>`));

  // The landing page: the three embed paths, live, with relative URLs.
  const [, second, third] = manifest.states.filter((s) => s.lang === 'en');
  const page = (await readFile(join(REPO, 'release/index.html'), 'utf8'))
    .replaceAll('{{VERSION}}', version)
    .replace('{{FIGURE}}', figures['en/as-of'].trim())
    .replaceAll('{{IFRAME_SRC}}', escAttr(linkOf(second ?? manifest.states[0])))
    .replaceAll('{{IFRAME_HEIGHT}}', String(manifest.iframeHeight))
    .replaceAll('{{IMAGE_LINK}}', escAttr(linkOf(third ?? manifest.states[0])))
    .replaceAll('{{IMAGE}}', figures[`en/${(third ?? manifest.states[0]).id}`].match(/<img [^>]*>/)[0]);
  await writeFile(join(dir, 'index.html'), page);

  const pkg = JSON.parse(await readFile(join(REPO, 'release/package.json'), 'utf8'));
  pkg.version = version;
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const readme = (await readFile(join(REPO, 'release/README.md'), 'utf8')).replaceAll('{{VERSION}}', version)
    .replaceAll('{{STATES}}', manifest.states.filter((s) => s.lang === 'en').map((s) => `\`${s.id}\` (${s.label})`).join(', '));
  await writeFile(join(dir, 'README.md'), readme);

  // Hashes of the files the snippets load, then the snippets themselves.
  const hashes = {};
  for (const f of await files(dir)) hashes[f] = sri(await readFile(join(dir, f)));
  const sn = snippets({ manifest, figures, hashes, base, version });
  await writeFile(join(dir, 'snippets.json'), `${JSON.stringify(sn, null, 2)}\n`);
  await writeFile(join(dir, 'SNIPPETS.md'), markdown(sn, manifest));
  for (const f of ['snippets.json', 'SNIPPETS.md']) hashes[f] = sri(await readFile(join(dir, f)));
  const sorted = Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFile(join(dir, 'integrity.json'), `${JSON.stringify({ version, algorithm: 'sha384', files: sorted }, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => { console.error(`release: ${e.message}`); process.exit(1); });
}
