// @ts-check
// help.js — the studio's help text, read from docs/SCENARIOS.md itself (copied beside the studio
// by the build and the release), so the help beside each field is the documentation's own words;
// in Chinese from its translation docs/SCENARIOS.zh.md, copied beside it. The two files share
// their skeleton (headings, tables, field names in backticks, the validator's English messages in
// backticks); the Chinese one writes its three prose markers in Chinese and its parentheses
// full-width, and `parseHelp` knows both spellings of each (PROSE below), so one parser reads both.

/** A rule's messages, as the documentation writes them after the rule: `` (`is …` / `should …`) ``
 * (the Chinese file's parentheses are full-width: `` （`is …`） ``). */
const MESSAGES = /\s*[(（]`(?:is|should) [^`]*`(?:\s*\/\s*`[^`]*`)*[)）]/g;

/** The prose lines that give the tables their context, in English and in the Chinese translation. */
const PROSE = {
  /** "Each entry of `events`:" / "`events` 的每一项：" — a table of the list's entries follows. */
  entry: /^(?:Each entry of `([a-z_]+)`|`([a-z_]+)` 的每一项：\s*$)/,
  /** "The fifth, `rmp_start` (…), is a choice" / "第五个输入 `rmp_start`（…）是一个选择" — the choice input's table follows. */
  choice: /^(?:The fifth, `[a-z_]+`.*is a choice|第五个输入 `[a-z_]+`.*是一个选择)/,
  /** "Each drain: `date` (…), …" / "`drains` 的每一项：`date`（…），…" — a list's fields in one paragraph; group 1 or 2 names the list. */
  list: /^(?:Each ([a-z]+): |`([a-z_]+)` 的每一项：(?=\S))(.*)$/,
  /** One field of such a list and its help: `` `bn` ($bn removed, …) `` / `` `bn`（…） ``. */
  item: /`([a-z_]+)` (?:\(([^)]*(?:\([^)]*\)[^)]*)*)\))|`([a-z_]+)`（([^）]*)）/g,
};

/**
 * The help of every documented field, keyed `context|field`: `calendar|as_of`,
 * `calendar.events|date`, `inputs|min` (a numeric input), `inputs.choice|options`, `assets|vol`,
 * `funding.drains|bn`, `|id` (the top level).
 * @param {string} markdown
 * @returns {Map<string, string>}
 */
export function parseHelp(markdown) {
  /** @type {Map<string, string>} */
  const help = new Map();
  let section = '';
  let sub = '';
  // The documentation gives the message each rule produces in backticks inside parentheses
  // ("an id (`is not an id (1-40 of a-z, 0-9 and -)`)"): the field's problem box shows the
  // message itself, so help keeps the rule ("an id") and leaves the message out.
  const clean = (/** @type {string} */ s) => s.replace(MESSAGES, '').replace(/`/g, '').trim();
  // A prose list ("Each drain: …") may wrap over several lines of its paragraph.
  const text = markdown.replace(/^(?:Each [a-z]+: |`[a-z_]+` 的每一项：(?=\S))[^\n]*(?:\n[^\n]+)*/gm, (p) => p.replace(/\n/g, ' '));
  for (const line of text.split('\n')) {
    const heading = line.match(/^## (.*)$/);
    if (heading) {
      const name = heading[1].match(/^`([a-z_]+)`/);
      section = name ? name[1] : '';
      sub = '';
      continue;
    }
    const entry = line.match(PROSE.entry);
    if (entry) { sub = entry[1] ?? entry[2]; continue; }
    if (PROSE.choice.test(line)) { sub = 'choice'; continue; }
    const list = line.match(PROSE.list);
    if (list && section) {
      // A prose list: `date` (a trading day), `bn` ($bn removed, …), …
      const name = list[1] ? `${list[1]}s` : list[2];
      for (const m of list[3].matchAll(PROSE.item)) help.set(`${section}.${name}|${m[1] ?? m[3]}`, clean(m[2] ?? m[4]));
      continue;
    }
    if (!line.startsWith('|') || /^\|[-| ]+\|$/.test(line)) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells[0] === 'field' || cells[0] === '字段' || cells.length < 2) continue;
    const meaning = cells.slice(1).map(clean).filter((c) => c).join(' — ');
    const context = sub ? `${section}.${sub}` : section;
    for (const m of cells[0].matchAll(/`([a-z_]+)`/g)) help.set(`${context}|${m[1]}`, meaning);
  }
  return help;
}

/**
 * The help for a field at `segments` (its path without array indices), in a scenario where
 * `isChoice(name)` says which inputs are choices: the field's own entry, or none. (A field the
 * documentation does not describe on its own, such as a mark's `value`, shows no help rather than
 * its parent's, which its group already shows once.)
 * @param {Map<string, string>} help
 * @param {string[]} segments
 * @param {(input: string) => boolean} isChoice
 */
export function helpFor(help, segments, isChoice) {
  let segs = segments;
  if (segs[0] === 'inputs' && segs.length > 2) segs = [isChoice(segs[1]) ? 'inputs.choice' : 'inputs', ...segs.slice(2)];
  const last = segs.length - 1;
  return help.get(`${segs.slice(0, last).join('.')}|${segs[last]}`) ?? '';
}
