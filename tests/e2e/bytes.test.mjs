// tests/e2e/bytes.test.mjs — the reader's download (scripts/bytes.mjs: the module with its CSS and glue, the wasm)
// stays under its gzip -9 ceiling, and so does the download of a page with an author's own
// scenario file (the author's module, glue and wasm instead of the reader's wasm).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AUTHOR_FILES, AUTHOR_GZIP_CEILING, READER_GZIP_CEILING, readerBytes } from '../../scripts/bytes.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The rows' gzip total and a one-line table of them. */
const summed = (rows) => ({ total: rows.reduce((t, r) => t + r.gzip, 0), table: rows.map((r) => `${r.file} ${r.gzip}`).join(', ') });

test('the reader downloads no more gzip bytes than the ceiling', () => {
  const { total, table } = summed(readerBytes(DIST));
  console.log(`reader's download, gzip -9: ${total} B (${table}); ceiling ${READER_GZIP_CEILING}`);
  assert.ok(READER_GZIP_CEILING > 0, 'a ceiling is set');
  assert.ok(total <= READER_GZIP_CEILING, `reader's gzip -9 bytes ${total} > ceiling ${READER_GZIP_CEILING} (${table})`);
});

test('a page with an author\'s scenario file downloads no more gzip bytes than its ceiling', () => {
  const { total, table } = summed(readerBytes(DIST, AUTHOR_FILES));
  console.log(`author's page download, gzip -9: ${total} B (${table}); ceiling ${AUTHOR_GZIP_CEILING}`);
  assert.ok(total <= AUTHOR_GZIP_CEILING, `author's page gzip -9 bytes ${total} > ceiling ${AUTHOR_GZIP_CEILING} (${table})`);
});
