// tests/e2e/studio-help.test.mjs — the studio's help in two languages, checked without a browser:
// docs/SCENARIOS.zh.md (the Chinese translation) keeps in step with docs/SCENARIOS.md (the
// reference): the same sections, the same field rows in the same order with the same backticked
// field names, JSON and validator messages, the same code blocks; and www/studio/help.js's
// parseHelp reads the same fields from both, the Chinese help in Chinese with no message leaked.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { parseHelp } from '../../www/studio/help.js';

const REPO = new URL('../../', import.meta.url);
const en = await readFile(new URL('docs/SCENARIOS.md', REPO), 'utf8');
const zh = await readFile(new URL('docs/SCENARIOS.zh.md', REPO), 'utf8');

/** A validator message as the studio would show it leaked into help (the messages are English). */
const LEAK = /\b(is not|is below|is above|is used by|should be|should have|should declare)\b/;
const CJK = /[\u4e00-\u9fff]/;

/** The document's skeleton: per `## ` section (its backticked name, or its position), the table
 * rows as their backticked spans in order, and the fenced code blocks verbatim. */
function skeleton(markdown) {
  const sections = [];
  const blocks = [...markdown.matchAll(/^```[^\n]*\n[\s\S]*?^```$/gm)].map((m) => m[0]);
  for (const line of markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '').split('\n')) {
    if (line.startsWith('## ')) {
      sections.push({ name: line.match(/^## `([a-z_]+)`/)?.[1] ?? `#${sections.length}`, rows: [] });
    } else if (line.startsWith('|') && !/^\|[-| ]+\|$/.test(line) && sections.length) {
      // The header row has no backticks; a body row's spans (`` \` `` inside a span kept whole).
      sections[sections.length - 1].rows.push([...line.matchAll(/``[^`].*?``|`(?:\\`|[^`])*`/g)].map((m) => m[0]));
    }
  }
  return { sections, blocks };
}

describe('docs/SCENARIOS.zh.md keeps in step with docs/SCENARIOS.md', () => {
  test('says at its top that the English file is the reference, and from which commit and date it was translated', () => {
    const head = zh.split('\n').slice(0, 6).join('\n');
    assert.match(head, /SCENARIOS\.md/);
    assert.match(head, /以英文版为准/);
    assert.match(head, /译自提交 [0-9a-f]{7,40}（\d{4}-\d{2}-\d{2}）/);
  });

  test('the same sections, each with the same table rows in the same order: the same field names, JSON and messages in backticks; the same code blocks', () => {
    const a = skeleton(en);
    const b = skeleton(zh);
    assert.deepEqual(b.sections.map((s) => s.name), a.sections.map((s) => s.name), 'the same sections in the same order');
    for (const [i, s] of a.sections.entries()) {
      const t = b.sections[i];
      assert.equal(t.rows.length, s.rows.length, `section ${s.name}: the same number of table rows`);
      for (const [j, row] of s.rows.entries()) assert.deepEqual(t.rows[j], row, `section ${s.name}, row ${j}: the same backticked text`);
    }
    assert.ok(a.sections.reduce((n, s) => n + s.rows.length, 0) > 90, 'the skeleton found the tables');
    assert.deepEqual(b.blocks, a.blocks, 'code blocks unchanged');
  });

  test('every validator message the English file quotes in backticks is quoted verbatim in the Chinese file', () => {
    const quoted = (md) => [...md.matchAll(/`((?:is|should) [^`]*)`/g)].map((m) => m[1]);
    assert.ok(quoted(en).length >= 15);
    assert.deepEqual(quoted(zh), quoted(en));
  });
});

describe('parseHelp reads both files', () => {
  const helpEn = parseHelp(en);
  const helpZh = parseHelp(zh);

  test('the same fields have help in both languages, in the same order', () => {
    assert.ok(helpEn.size >= 100, `${helpEn.size} fields with English help`);
    assert.deepEqual([...helpZh.keys()], [...helpEn.keys()]);
    for (const key of ['calendar.events|kind', 'inputs.choice|options', 'funding.drains|bn', 'funding.drains|label', 'calibration|note', '|id']) {
      assert.ok(helpZh.has(key), `the Chinese file's prose markers and headings parse: ${key}`);
    }
  });

  test('every Chinese help is Chinese, leaks no validator message and has balanced parentheses; the English help leaks none either', () => {
    const depth = (text) => [...text].reduce((d, c) => (d < 0 ? d : '(（'.includes(c) ? d + 1 : ')）'.includes(c) ? d - 1 : d), 0);
    for (const [key, text] of helpZh) {
      assert.match(text, CJK, `${key}: ${text}`);
      assert.doesNotMatch(text, LEAK, `${key}: ${text}`);
      assert.doesNotMatch(text, /`/, `${key}: ${text}`);
      assert.equal(depth(text), 0, `${key}: balanced parentheses: ${text}`);
      assert.doesNotMatch(text, /^\s*—|—\s*$|—\s*—|[(（]\s*[)）]/, `${key}: no empty part: ${text}`);
    }
    for (const [key, text] of helpEn) {
      assert.doesNotMatch(text, LEAK, `${key}: ${text}`);
      assert.doesNotMatch(text, CJK, `${key}: ${text}`);
    }
  });

  test('a Chinese message written in full-width parentheses is stripped like an English one', () => {
    const md = '## `chain`\n\n| 字段 | 单位 | 含义 | 规则 |\n|---|---|---|---|\n| `credit_asset` | id | 资产 | 一个资产的 id（`is not the id of an asset`） |\n';
    assert.equal(parseHelp(md).get('chain|credit_asset'), 'id — 资产 — 一个资产的 id');
  });
});
