// @ts-check
// help.js — the studio's help text, read from docs/SCENARIOS.md itself (copied beside the studio
// by the build and the release), so the help beside each field is the documentation's own words.

/** A rule's messages, as the documentation writes them after the rule: `` (`is …` / `should …`) ``. */
const MESSAGES = /\s*\(`(?:is|should) [^`]*`(?:\s*\/\s*`[^`]*`)*\)/g;

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
  const text = markdown.replace(/^Each [a-z]+: [^\n]*(?:\n[^\n]+)*/gm, (p) => p.replace(/\n/g, ' '));
  for (const line of text.split('\n')) {
    const heading = line.match(/^## (.*)$/);
    if (heading) {
      const name = heading[1].match(/^`([a-z_]+)`/);
      section = name ? name[1] : '';
      sub = '';
      continue;
    }
    const entry = line.match(/^Each entry of `([a-z_]+)`/);
    if (entry) { sub = entry[1]; continue; }
    if (/^The fifth, `[a-z_]+`.*is a choice/.test(line)) { sub = 'choice'; continue; }
    const drain = line.match(/^Each ([a-z]+): (.*)$/);
    if (drain && section) {
      // A prose list: `date` (a trading day), `bn` ($bn removed, …), …
      for (const m of drain[2].matchAll(/`([a-z_]+)` \(([^)]*(?:\([^)]*\)[^)]*)*)\)/g)) help.set(`${section}.${drain[1]}s|${m[1]}`, clean(m[2]));
      continue;
    }
    if (!line.startsWith('|') || /^\|[-| ]+\|$/.test(line)) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells[0] === 'field' || cells.length < 2) continue;
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
