// scripts/serve.mjs — tiny dependency-free static server for dist/ on 127.0.0.1 (demo + e2e tests).
// Usage: node scripts/serve.mjs [PORT] [--root DIR] [--isolate] [--csp]   (PORT or $PORT, default 8000, 0 = ephemeral)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

export const ISOLATE_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
export const CSP_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
    "img-src 'self' data: blob:; connect-src 'self'",
};

const ROOT_DEFAULT = fileURLToPath(new URL('../dist/', import.meta.url));

/** Serves `root` on 127.0.0.1:`port` (0 = ephemeral). Resolves to { url, port, close() }. */
export function startServer({ root = ROOT_DEFAULT, port = 0, headers = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'forbidden\n');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      send(200, body, MIME[extname(file).toLowerCase()] ?? 'application/octet-stream');
    } catch {
      send(404, 'not found\n');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      ok({
        url: `http://127.0.0.1:${p}/`,
        port: p,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? args[rootAt + 1] : ROOT_DEFAULT;
  const portArg = args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--root');
  const port = Number(portArg ?? process.env.PORT ?? 8000);
  const headers = {
    ...(args.includes('--isolate') ? ISOLATE_HEADERS : {}),
    ...(args.includes('--csp') ? CSP_HEADERS : {}),
  };
  const { url } = await startServer({ root, port, headers });
  console.log(`tapecast demo: ${url}`);
}
