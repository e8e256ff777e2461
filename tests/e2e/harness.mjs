// tests/e2e/harness.mjs — shared e2e setup: system Chromium via playwright-core, dist/ served on an
// ephemeral 127.0.0.1 port, pages that record errors/off-origin traffic, canvas hashing, screenshots.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = `${REPO}target/screenshots/`;

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and browser. Options: root (default dist/), headers (e.g. CSP_HEADERS). */
export async function setup({ root = `${REPO}dist/`, headers = {} } = {}) {
  const server = await startServer({ root, port: 0, headers });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const contexts = [];

  /**
   * A fresh page (own context) at the given DPR/viewport. `page.problems` collects console errors,
   * page errors, failed requests (network failure or HTTP >= 400) and requests leaving the origin.
   */
  async function newPage({ dpr = 1, width = 1000, height = 800, colorScheme = 'light', javaScriptEnabled = true } = {}) {
    const context = await browser.newContext({ deviceScaleFactor: dpr, viewport: { width, height }, colorScheme, javaScriptEnabled });
    contexts.push(context);
    const page = await context.newPage();
    const origin = new URL(server.url).origin;
    const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
    page.on('console', (m) => {
      if (m.type() === 'error') problems.consoleErrors.push(`${m.text()} (${m.location()?.url || 'no url'})`);
    });
    page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
    page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.failedRequests.push(`${r.url()} HTTP ${r.status()}`); });
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) problems.foreignRequests.push(u);
    });
    page.problems = problems;
    return page;
  }

  async function teardown() {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close();
    await server.close();
  }

  return { url: server.url, browser, newPage, teardown };
}

/** sha256 of `canvas.toDataURL()` for a canvas inside the first <tape-cast>'s open shadow root. */
export async function canvasHash(page, selector = 'canvas[part="fan"]', host = 'tape-cast') {
  const data = await page.evaluate(([h, s]) => document.querySelector(h).shadowRoot.querySelector(s).toDataURL(), [host, selector]);
  return createHash('sha256').update(data).digest('hex');
}

/** Writes target/screenshots/NAME.png (full page) and returns its path. */
export async function shot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Polls `fn` (async, returns a value) until `accept(value)` is true; no fixed sleeps. */
export async function pollUntil(fn, accept, { timeout = 5000, interval = 25, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (accept(last)) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
