// tests/e2e/bytes.test.mjs — the reader's download (scripts/bytes.mjs: module + CSS, glue, wasm)
// stays under its gzip -9 ceiling.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { READER_GZIP_CEILING, readerBytes } from '../../scripts/bytes.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

test('the reader downloads no more gzip bytes than the ceiling', () => {
  const rows = readerBytes(DIST);
  const total = rows.reduce((t, r) => t + r.gzip, 0);
  const table = rows.map((r) => `${r.file} ${r.gzip}`).join(', ');
  assert.ok(READER_GZIP_CEILING > 0, 'a ceiling is set');
  assert.ok(total <= READER_GZIP_CEILING, `reader's gzip -9 bytes ${total} > ceiling ${READER_GZIP_CEILING} (${table})`);
});
