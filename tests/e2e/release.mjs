// tests/e2e/release.mjs — helpers for the release tests: where scripts/release put the folder,
// a copy of it alone under a sub-path of a fresh directory, and blog pages made of its snippets.
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export async function version() {
  const toml = await readFile(`${REPO}Cargo.toml`, 'utf8');
  return toml.match(/^version = "([^"]+)"/m)[1];
}

/** The release folder written by `scripts/release` (fails clearly when it is missing). */
export async function releaseDir() {
  const dir = `${REPO}releases/tapecast-${await version()}/`;
  try {
    await readFile(`${dir}snippets.json`);
  } catch {
    throw new Error(`${dir} is missing: run ./scripts/release first (scripts/test does)`);
  }
  return dir;
}

/** Copies the release folder alone to <tmp>/cdn/<subpath>/ and returns { root, subpath }. */
export async function copyRelease(subpath) {
  const root = await mkdtemp(join(tmpdir(), 'tapecast-cdn-'));
  const dest = join(root, subpath);
  await mkdir(dest, { recursive: true });
  await cp(await releaseDir(), dest, { recursive: true });
  return { root, dest };
}

/** Snippets with the placeholder base replaced by `base`. */
export async function snippetsFor(base) {
  const sn = JSON.parse(await readFile(`${await releaseDir()}snippets.json`, 'utf8'));
  const swap = (s) => s.split(sn.base).join(base).split(`data-origin="${sn.origin}"`).join(`data-origin="${new URL(base).origin}"`);
  const map = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? swap(v) : map(v)]));
  return map(sn);
}

const PAGE = (title, head, body) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="blog.css">
${head}
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;

/** Writes a blog (a separate directory, served from another origin) made only of snippets. */
export async function writeBlog(sn) {
  const root = await mkdtemp(join(tmpdir(), 'tapecast-blog-'));
  const ownScenario = await readFile(`${await releaseDir()}scenarios/megacap-fed-week.json`, 'utf8');
  const filler = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i + 1} of a long article. ${'Lorem ipsum dolor sit amet. '.repeat(12)}</p>`).join('\n');
  const pages = {
    'blog.css': 'body { margin: 0; font: 16px/1.5 Georgia, serif; } main { margin: 0; padding: 0; } h1 { margin: 0 0 8px; font-size: 20px; }\nimg { max-width: 100%; height: auto; }\niframe { display: block; width: 100%; border: 0; }\n',
    'module.html': PAGE('Module embed', sn.module.head, sn.module.states['en/nvda-misses']),
    'iframe.html': PAGE('iframe embed', '', `${sn.iframe.states['en/as-of']}\n${sn.iframe.listener}`),
    'iframe-nolistener.html': PAGE('iframe embed without the listener', '', sn.iframe.states['en/as-of']),
    'image.html': PAGE('No scripts', '', sn.image.states['en/fed-blinks']),
    // An author's own scenario, inline: the module snippet plus the author's modulepreload line.
    'author.html': PAGE('Own scenario', `${sn.module.head}\n${sn.module.author}`, `<tape-cast><script type="application/json">${ownScenario}</script></tape-cast>`),
    'lazy.html': PAGE('A long article', sn.module.head, `${filler}\n${sn.module.states['en/as-of']}`),
    // An article with the widget near the top and text after it: the swap from the fallback to
    // the live widget must not move that text (cumulative layout shift).
    'article.html': PAGE('An article', sn.module.head, `<p>${'An opening paragraph. '.repeat(8)}</p>\n${sn.module.states['en/as-of']}\n${filler}`),
  };
  for (const [name, text] of Object.entries(pages)) await writeFile(join(root, name), text);
  return root;
}
