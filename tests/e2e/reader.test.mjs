// tests/e2e/reader.test.mjs — what a reader meets on a phone (360×740, DPR 3, touch) and a laptop
// (1280×800, DPR 2), in English and Chinese: the fan and the control being moved on screen together,
// nothing moving under the finger, vertical swipes that scroll instead of setting values, the as-of
// marker under the thumb, a dark theme that reaches native controls, one announcement per change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pollUntil, setup, shot } from './harness.mjs';

const PHONE = { width: 360, height: 740, dpr: 3, touch: true };
const LAPTOP = { width: 1280, height: 800, dpr: 2, touch: false };

/** A page at `size` (touch on the phone) with the widget on `file` drawn and scrolled to. */
async function open(env, size, file, { colorScheme = 'light' } = {}) {
  const context = await env.browser.newContext({
    viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.dpr, hasTouch: size.touch, isMobile: size.touch, colorScheme,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.errors = errors;
  await page.goto(`${env.url}${file}`);
  await page.evaluate(() => document.querySelector('tape-cast').scrollIntoView());
  await pollUntil(() => page.evaluate(() => !!document.querySelector('tape-cast[data-ready]')), Boolean, { timeout: 20_000, what: 'widget ready' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page;
}

/** The boxes a reader sees: the fan, a control's box, its range and the viewport. */
const boxes = (page, id) => page.evaluate((d) => {
  const root = document.querySelector('tape-cast').shadowRoot;
  const rect = (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height }; };
  const range = root.querySelector(`[data-input="${d}"]`);
  return { fan: rect(root.querySelector('canvas[part="fan"]')), control: rect(range.closest('.control')), range: rect(range), vh: innerHeight, vw: innerWidth, value: range.value, scrollY };
}, id);

const inside = (b, vh) => b.top >= -0.5 && b.bottom <= vh + 0.5;
const overlaps = (a, b) => a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const numberIds = (page) => page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('input[type=range]')].map((r) => r.dataset.input));
const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));

/** Scrolls just enough to see input `id`'s whole control (as a reader does; the browser keeps
 * the control's scroll margin clear of the sticky chart), then focuses its range. */
const focusRange = (page, id) => page.evaluate((d) => {
  const range = document.querySelector('tape-cast').shadowRoot.querySelector(`[data-input="${d}"]`);
  range.closest('.control').scrollIntoView({ block: 'nearest' });
  range.focus({ preventScroll: true });
}, id);

/** A horizontal drag across a range over `frames` steps, by touch or mouse; returns the boxes seen at each step. */
async function drag(page, id, size, { frames = 30, dx = 0.3 } = {}) {
  const b = await boxes(page, id);
  const y = b.range.top + b.range.height / 2;
  const x0 = b.range.left + b.range.width * 0.5;
  const seen = [];
  const cdp = size.touch ? await page.context().newCDPSession(page) : null;
  const at = (x) => (cdp ? cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] }) : page.mouse.move(x, y));
  if (cdp) await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y }] });
  else { await page.mouse.move(x0, y); await page.mouse.down(); }
  for (let i = 1; i <= frames; i++) {
    await at(x0 + (b.range.width * dx * i) / frames);
    await frame(page);
    seen.push(await boxes(page, id));
  }
  if (cdp) await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  else await page.mouse.up();
  return { before: b, seen };
}

describe('a reader sees the chart move while moving an input', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  test('the default view: at most 1.5 screens tall on a phone, the fan near the top on a laptop', async () => {
    for (const file of ['index.html', 'zh.html']) {
      const phone = await open(env, PHONE, file);
      const h = await phone.evaluate(() => document.querySelector('tape-cast').getBoundingClientRect().height);
      console.log(`# ${file} widget height at 360: ${Math.round(h)} px (limit ${1.5 * PHONE.height})`);
      assert.ok(h <= 1.5 * PHONE.height, `${file}: ${h} px at 360`);
      for (const size of [{ width: 768, height: 1024, dpr: 2, touch: true }, LAPTOP]) {
        const page = await open(env, size, file);
        const m = await page.evaluate(() => {
          const w = document.querySelector('tape-cast');
          const top = w.getBoundingClientRect().top;
          return { height: w.getBoundingClientRect().height, fan: w.shadowRoot.querySelector('canvas').getBoundingClientRect().top - top };
        });
        console.log(`# ${file} widget height at ${size.width}: ${Math.round(m.height)} px; first chart ${Math.round(m.fan)} px from its top`);
        assert.ok(m.fan <= 500, `${file} at ${size.width}: the first chart starts ${m.fan} px into the widget`);
      }
    }
  });

  test('the other charts, the table and the downloads are one tap away, behind a visible toggle', async () => {
    const page = await open(env, PHONE, 'index.html');
    const state = () => page.evaluate(() => {
      const root = document.querySelector('tape-cast').shadowRoot;
      const t = root.querySelector('.more-toggle');
      return { toggle: t.getBoundingClientRect().height > 0 ? t.getAttribute('aria-expanded') : 'hidden',
        bars: root.querySelector('canvas[part="bars"]').getBoundingClientRect().height, csv: !![...root.querySelectorAll('button')].find((b) => b.textContent === 'CSV' && b.offsetParent) };
    });
    assert.deepEqual(await state(), { toggle: 'false', bars: 0, csv: false });
    await page.evaluate(() => document.querySelector('tape-cast').shadowRoot.querySelector('.more-toggle').click());
    const open_ = await pollUntil(state, (s) => s.bars > 100, { what: 'the other charts drawn' });
    assert.equal(open_.toggle, 'true');
    assert.ok(open_.csv);
    // Help text sits behind a disclosure.
    const help = await page.evaluate(() => {
      const root = document.querySelector('tape-cast').shadowRoot;
      const b = root.querySelector('.about');
      const before = root.getElementById(b.getAttribute('aria-controls')).getBoundingClientRect().height;
      b.click();
      return { before, after: root.getElementById(b.getAttribute('aria-controls')).getBoundingClientRect().height, expanded: b.getAttribute('aria-expanded') };
    });
    assert.equal(help.before, 0);
    assert.ok(help.after > 0 && help.expanded === 'true');
    // Each chart carries a short data description in its accessible name, and it follows the state.
    const names = () => page.evaluate(() => Object.fromEntries([...document.querySelector('tape-cast').shadowRoot.querySelectorAll('canvas[role="img"]')]
      .map((c) => [c.getAttribute('part'), c.getAttribute('aria-label')])));
    const first = await names();
    assert.match(first.fan, /9 in 10 paths/);
    assert.match(first.bars, /Median changes range from .+ [+−]?\d+\.\d% to .+ [+−]?\d+\.\d%\. Rates and spreads: .+ bp/);
    assert.match(first.plumbing, /Median SOFR − IORB peaks at [+−]?\d+ bp on \d+ \w+ \(95th percentile that day [+−]?\d+ bp\)\. Median SRF /);
    await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('.presets button')].find((b) => /2019/.test(b.textContent)).click());
    const replay = await pollUntil(names, (n) => n.plumbing !== first.plumbing && n.bars !== first.bars, { what: 'descriptions follow a preset' });
    for (const text of Object.values(replay)) assert.doesNotMatch(text, /NaN|undefined|\{/);
  });

  for (const size of [PHONE, LAPTOP]) {
    for (const file of ['index.html', 'zh.html']) {
      test(`${size.width} px, ${file}: while each slider is dragged and each number box edited, the fan and the control are in view and the control does not move`, async () => {
        const page = await open(env, size, file);
        for (const id of await numberIds(page)) {
          await focusRange(page, id);
          await frame(page);
          const { before: b, seen } = await drag(page, id, size);
          assert.notEqual(seen.at(-1).value, b.value, `${id}: the drag moved the value`);
          for (const s of seen) {
            assert.ok(inside(s.fan, s.vh) && inside(s.control, s.vh), `${id}: fan ${JSON.stringify(s.fan)} and control ${JSON.stringify(s.control)} in a ${s.vh} px viewport`);
            assert.ok(!overlaps(s.fan, s.control), `${id}: the fan does not cover the control`);
            const moved = Math.max(Math.abs(s.control.top - b.control.top), Math.abs(s.control.left - b.control.left), Math.abs(s.control.height - b.control.height));
            assert.ok(moved <= 1, `${id}: the control moved ${moved} px during the drag`);
          }
          // The number box: focused by the reader, typed into, committed.
          await page.evaluate((d) => document.querySelector('tape-cast').shadowRoot.querySelector(`[data-number="${d}"]`).focus(), id);
          await page.keyboard.press('Control+A');
          await page.keyboard.type('1');
          await page.keyboard.press('Enter');
          await frame(page);
          const n = await boxes(page, id);
          const box = await page.evaluate((d) => { const r = document.querySelector('tape-cast').shadowRoot.querySelector(`[data-number="${d}"]`).getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; }, id);
          assert.ok(inside(n.fan, n.vh) && inside(box, n.vh) && !overlaps(n.fan, box), `${id}: fan and number box in view while editing`);
        }
        await shot(page, `reader-drag-${size.width}-${file.replace('.html', '')}`);
        assert.deepEqual(page.errors, []);
      });
    }
  }

  test('phone: a vertical swipe over a slider scrolls the page and changes nothing; a horizontal drag changes the value', async () => {
    const page = await open(env, PHONE, 'index.html');
    const cdp = await page.context().newCDPSession(page);
    for (const id of await numberIds(page)) {
      await page.evaluate((d) => document.querySelector('tape-cast').shadowRoot.querySelector(`[data-input="${d}"]`).scrollIntoView({ block: 'center' }), id);
      await frame(page);
      const b = await boxes(page, id);
      const values = await page.evaluate(() => document.querySelector('tape-cast').value);
      // Start off-centre (where a tap would set a very different value) and swipe up.
      const x = b.range.left + b.range.width * 0.9;
      const y = b.range.top + b.range.height / 2;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= 12; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (i % 2), y: y - i * 15 }] });
        await frame(page);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await new Promise((r) => setTimeout(r, 300));
      const a = await boxes(page, id);
      assert.ok(a.scrollY > b.scrollY + 50, `${id}: the page scrolled (${b.scrollY} → ${a.scrollY})`);
      assert.deepEqual(await page.evaluate(() => document.querySelector('tape-cast').value), values, `${id}: a vertical swipe changed nothing`);
      assert.equal(a.value, b.value, `${id}: the range shows the value it had`);
    }
    await focusRange(page, 'surprise');
    await frame(page);
    const { before: b, seen } = await drag(page, 'surprise', PHONE, { frames: 10 });
    assert.notEqual(seen.at(-1).value, b.value, 'a horizontal drag moves the value');
    assert.deepEqual(page.errors, []);
  });

  test('the as-of ▲ sits under the thumb at 360, 768 and 1280 px, and mark labels never collide', async () => {
    for (const width of [360, 768, 1280]) {
      const page = await open(env, { width, height: 900, dpr: 2, touch: false }, 'index.html');
      const offsets = [];
      for (const id of await numberIds(page)) {
        await page.evaluate((d) => document.querySelector('tape-cast').shadowRoot.querySelector(`[data-input="${d}"]`).scrollIntoView({ block: 'end' }), id);
        await frame(page);
        const m = await page.evaluate((d) => {
          const root = document.querySelector('tape-cast').shadowRoot;
          const r = root.querySelector(`[data-input="${d}"]`);
          const box = r.getBoundingClientRect();
          const marker = r.closest('.control').querySelector('.asof').getBoundingClientRect();
          const marks = [...r.closest('.control').querySelectorAll('.mark')].map((n) => n.getBoundingClientRect()).sort((a, b) => a.left - b.left);
          const track = r.closest('.control').querySelector('.track').getBoundingClientRect();
          return { box: { x: box.left, y: box.top, width: box.width, height: box.height }, marker: marker.left + marker.width / 2,
            accent: getComputedStyle(root.querySelector('.probe')).color.match(/\d+/g).map(Number),
            collide: marks.some((a, i) => i > 0 && a.left < marks[i - 1].right), outside: marks.some((a) => a.left < track.left - 0.5 || a.right > track.right + 0.5), count: marks.length };
        }, id);
        // The thumb as painted: the span of accent-coloured pixels across the range.
        const png = (await page.screenshot({ clip: m.box })).toString('base64');
        const thumb = await page.evaluate(async ([data, accent, box]) => {
          const img = new Image();
          img.src = `data:image/png;base64,${data}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width;
          c.height = img.height;
          const ctx = c.getContext('2d');
          ctx.drawImage(img, 0, 0);
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          let lo = Infinity;
          let hi = -Infinity;
          for (let y = 0; y < c.height; y++) {
            for (let x = 0; x < c.width; x++) {
              const i = (y * c.width + x) * 4;
              if (Math.abs(d[i] - accent[0]) + Math.abs(d[i + 1] - accent[1]) + Math.abs(d[i + 2] - accent[2]) < 40) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
            }
          }
          const scale = img.width / box.width;
          return { centre: box.x + (lo + hi + 1) / 2 / scale, width: (hi - lo + 1) / scale };
        }, [png, m.accent, m.box]);
        const offset = m.marker - thumb.centre;
        offsets.push(`${id} ${offset.toFixed(2)}`);
        assert.ok(thumb.width > 8 && thumb.width < 40, `${width} px, ${id}: the thumb found in the pixels (${thumb.width} px wide)`);
        assert.ok(Math.abs(offset) <= 3, `${width} px, ${id}: the ▲ is ${offset} px from the thumb's centre`);
        assert.ok(!m.collide && !m.outside, `${width} px, ${id}: mark labels apart and inside the track`);
        if (id === 'surprise') assert.equal(m.count, 2, 'the scenario marks are drawn with their labels');
      }
      console.log(`# ${width} px: ▲ − thumb centre: ${offsets.join(', ')}`);
    }
  });

  test('each mark label is centred under its tick, or starts or ends at it where two ticks stand close (13 and 14 Nov; en and zh, 320, 360 and 1280 px)', async () => {
    let pairs = 0;
    for (const [file, width] of [['index.html', 320], ['zh.html', 360], ['index.html', 1280], ['zh.html', 1280]]) {
      const page = await open(env, { width, height: 900, dpr: 1, touch: false }, file);
      const found = await page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('.track.marked')].flatMap((track) => {
        const ticks = [...track.querySelectorAll('.tick')];
        return [...track.querySelectorAll('.mark')].map((mark, i) => {
          const t = ticks[i].getBoundingClientRect();
          const m = mark.getBoundingClientRect();
          const edge = track.getBoundingClientRect();
          return { text: mark.textContent, tick: t.left + t.width / 2, left: m.left, right: m.right, edges: [edge.left, edge.right] };
        });
      }));
      for (const m of found) {
        pairs += 1;
        // Centred under its tick, or starting or ending at it, or held inside the track at its end.
        const near = (a, b) => Math.abs(a - b) <= 1.5;
        const placed = near(m.tick, (m.left + m.right) / 2) || near(m.tick, m.left) || near(m.tick, m.right) || near(m.left, m.edges[0]) || near(m.right, m.edges[1]);
        assert.ok(placed && m.tick >= m.left - 1.5 && m.tick <= m.right + 1.5, `${file} ${width}px: "${m.text}" spans ${m.left.toFixed(1)}–${m.right.toFixed(1)}, its tick is at ${m.tick.toFixed(1)}`);
      }
      await page.context().close();
    }
    assert.ok(pairs >= 16, `${pairs} marks checked`);
  });

  test('an input label breaks only between words, a Chinese one only at its punctuation (never inside 市场), and a unit only at its commas (never inside 十亿美元/月 or "$bn a month", nor "(%)" alone; 320, 360 and the story\'s 1280 px column)', async () => {
    let breaks = 0;
    for (const [file, width] of [['zh.html', 320], ['zh.html', 360], ['story.zh.html', 1280], ['index.html', 320], ['index.html', 360], ['story.html', 1280]]) {
      const page = await open(env, { width, height: 900, dpr: 1, touch: false }, file);
      // A Chinese widget's title too (资金管道吃紧之际，英伟达能否撑起市场？ / （截至…）).
      const found = await page.evaluate((s) => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll(s)].map((label) => {
        const text = label.firstChild;
        const range = document.createRange();
        const top = (i) => { range.setStart(text, i); range.setEnd(text, i + 1); return range.getBoundingClientRect().top; };
        const at = [];
        for (let i = 1; i < text.length; i++) if (top(i) - top(i - 1) > 4) at.push(i);
        return { text: text.data, at, title: label.matches('.title') };
      }), file.includes('zh') ? '.head label, .title' : '.head label');
      if (file.includes('zh')) assert.ok(found.some((f) => f.title), 'the title is checked');
      for (const { text, at } of found) {
        breaks += at.length;
        const unit = Math.max(text.lastIndexOf('（'), text.lastIndexOf('('));
        if (unit >= 0 && text.length - unit <= 5) assert.ok(!at.includes(unit), `${file} ${width}px: "${text}" leaves its short unit alone on a line`);
        for (const i of at) {
          const [before, after] = [text[i - 1], text[i]];
          const where = `${file} ${width}px: "${text}" breaks between ${JSON.stringify(before)} and ${JSON.stringify(after)}`;
          if (unit >= 0 && i > unit) assert.ok(/[，、,]/.test(before) || (before === ' ' && text[i - 2] === ','), `inside the unit: ${where}`);
          else if (file.includes('zh')) assert.ok(/[，、。：；）%]/.test(before) || /[（]/.test(after), where);
          else assert.ok(before === ' ' || after === '(', where);
        }
      }
      await page.context().close();
    }
    assert.ok(breaks >= 6, `${breaks} line breaks seen (the check is not empty)`);
  });

  test('the demo article\'s Chinese headline breaks only at its punctuation, never inside a name such as 英伟达 (320, 360 and 1280 px)', async () => {
    let lines = 0;
    for (const width of [320, 360, 1280]) {
      const page = await open(env, { width, height: 900, dpr: 1, touch: false }, 'zh.html');
      const { text, at } = await page.evaluate(() => {
        const node = document.querySelector('h1').firstChild;
        const range = document.createRange();
        const top = (i) => { range.setStart(node, i); range.setEnd(node, i + 1); return range.getBoundingClientRect().top; };
        const at = [];
        for (let i = 1; i < node.length; i++) if (top(i) - top(i - 1) > 4) at.push([node.data[i - 1], node.data[i]]);
        return { text: node.data, at };
      });
      lines += at.length + 1;
      for (const [before, after] of at) assert.ok(/[，、。：；？！]/.test(before), `${width}px: "${text}" breaks between ${before} and ${after}`);
      await page.context().close();
    }
    assert.ok(lines >= 5, `${lines} lines seen (the headline wraps on phones)`);
  });

  test('the Δ chip meets no tick, ▲ or mark label and passes under the sticky chart (narrow columns, en and zh)', async () => {
    // The story's input column at 1280 px is about 290 px wide: long chips once covered ticks there.
    let marks = 0;
    let chips = 0;
    for (const [file, width] of [['story.zh.html', 1280], ['story.html', 1280], ['zh.html', 360], ['index.html', 360]]) {
      const page = await open(env, { width, height: 900, dpr: 1, touch: false }, file);
      // Applied once the redraw that fires `scenariochange` has come (the chips with it).
      await page.evaluate(() => new Promise((done) => {
        const w = document.querySelector('tape-cast');
        w.addEventListener('scenariochange', function arrived() { if (w.value.surprise === -10) { w.removeEventListener('scenariochange', arrived); done(); } });
        w.setAttribute('preset', 'nvda-misses');
      }));
      for (const id of await numberIds(page)) {
        const r = await page.evaluate((d) => {
          const root = document.querySelector('tape-cast').shadowRoot;
          const control = root.querySelector(`[data-input="${d}"]`).closest('.control');
          control.scrollIntoView({ block: 'center' });
          const chip = control.querySelector('.track .delta');
          const c = chip.getBoundingClientRect();
          const cut = (e) => { const b = e.getBoundingClientRect(); return { left: Math.max(b.left, c.left), right: Math.min(b.right, c.right), top: Math.max(b.top, c.top), bottom: Math.min(b.bottom, c.bottom) }; };
          const meets = (e) => { const x = cut(e); return x.right - x.left > -0.5 && x.bottom - x.top > -0.5; };
          const marks = [...control.querySelectorAll('.track .tick, .track .asof, .track .mark')];
          return { text: chip.textContent, marks: marks.length, met: marks.filter(meets).map((e) => `${e.className} ${e.textContent}`) };
        }, id);
        marks += r.marks;
        if (!r.text) continue; // an input the preset leaves at the as-of value has no chip
        chips += 1;
        // Scrolled under the sticky chart, the chip passes under it like the rest of the control.
        const under = await page.evaluate((d) => {
          const root = document.querySelector('tape-cast').shadowRoot;
          const chip = root.querySelector(`[data-input="${d}"]`).closest('.control').querySelector('.track .delta');
          const lead = root.querySelector('.lead');
          if (getComputedStyle(lead).position !== 'sticky') return null;
          const l = lead.getBoundingClientRect();
          const c = chip.getBoundingClientRect();
          scrollBy(0, c.top - (l.top + l.height / 2));
          return new Promise((done) => requestAnimationFrame(() => {
            const l2 = lead.getBoundingClientRect();
            const c2 = chip.getBoundingClientRect();
            const y = (c2.top + c2.bottom) / 2;
            const top = root.elementFromPoint((c2.left + c2.right) / 2, y);
            done({ inLead: y > l2.top && y < l2.bottom, covered: !!top && lead.contains(top), at: top?.className ?? '' });
          }));
        }, id);
        if (under?.inLead) assert.ok(under.covered, `${file} ${width}px ${id}: the chip shows through the sticky chart (${under.at} on top)`);
        assert.deepEqual(r.met, [], `${file} ${width}px ${id}: the chip "${r.text}" clear of the ticks, ▲ and mark labels`);
      }
      await page.context().close();
    }
    assert.ok(chips >= 12 && marks > chips, `${chips} chips checked against ${marks} ticks, ▲ and labels (the check is not empty)`);
  });

  test('dark theme on a host page that declares no color-scheme: number boxes and selects are dark', async () => {
    const page = await open(env, LAPTOP, 'embed-example.html');
    await page.evaluate(() => document.querySelector('tape-cast').setAttribute('theme', 'dark'));
    const backgrounds = await pollUntil(() => page.evaluate(() => [...document.querySelector('tape-cast').shadowRoot.querySelectorAll('input[type=number], select')]
      .map((e) => getComputedStyle(e).backgroundColor)), (b) => b.length > 0 && b.every((c) => {
      const [r, g, bl] = c.match(/\d+/g).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl < 60;
    }), { what: 'dark form controls' });
    assert.ok(backgrounds.length >= 5);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('tape-cast').shadowRoot.querySelector('.frame')).colorScheme), 'dark');
    await shot(page, 'reader-dark-1280');
  });

  test('screen readers: over a 30-frame drag the live regions speak at most once, after the drag ends', async () => {
    const page = await open(env, LAPTOP, 'index.html');
    await page.evaluate(() => {
      window.__spoken = [];
      const root = document.querySelector('tape-cast').shadowRoot;
      const live = [...root.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"], output')];
      window.__live = live.length;
      const watch = new MutationObserver((records) => { for (const r of records) window.__spoken.push(performance.now()); });
      for (const n of live) watch.observe(n, { childList: true, characterData: true, subtree: true });
    });
    await focusRange(page, 'surprise');
    await frame(page);
    const { before: b, seen } = await drag(page, 'surprise', LAPTOP);
    assert.notEqual(seen.at(-1).value, b.value);
    const during = await page.evaluate(() => window.__spoken.length);
    assert.equal(during, 0, 'nothing announced while dragging');
    const spoken = await pollUntil(() => page.evaluate(() => window.__spoken.length), (n) => n >= 1, { what: 'one announcement after the drag' });
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await page.evaluate(() => window.__spoken.length), spoken);
    assert.equal(spoken, 1);
    const a11y = await page.evaluate(() => {
      const root = document.querySelector('tape-cast').shadowRoot;
      const r = root.querySelector('[data-input="surprise"]');
      return { outputs: root.querySelectorAll('output').length, valuetext: r.getAttribute('aria-valuetext'), summaryLive: root.querySelector('.summary').getAttribute('aria-live') };
    });
    assert.equal(a11y.outputs, 0, 'no <output> (an implicit live region)');
    assert.equal(a11y.summaryLive, null);
    assert.match(a11y.valuetext, /^[+−]?\d+(\.\d)? %$/, 'aria-valuetext is the value and unit');
  });

  test('the heading attribute retitles the widget, and "none" hides the title', async () => {
    const page = await open(env, LAPTOP, 'embed-example.html');
    const title = () => page.evaluate(() => { const t = document.querySelector('tape-cast').shadowRoot.querySelector('.title'); return t.hidden ? null : t.textContent; });
    assert.match(await title(), /Nvidia/);
    await page.evaluate(() => document.querySelector('tape-cast').setAttribute('heading', 'Move the forces yourself'));
    assert.equal(await title(), 'Move the forces yourself');
    await page.evaluate(() => document.querySelector('tape-cast').setAttribute('heading', 'none'));
    assert.equal(await title(), null);
  });

  test('no label is cut without a cue: input labels wrap in full; the preset row fades on the side that scrolls', async () => {
    for (const [size, file] of [[PHONE, 'index.html'], [PHONE, 'zh.html'], [LAPTOP, 'index.html']]) {
      const page = await open(env, size, file);
      const state = () => page.evaluate(() => {
        const root = document.querySelector('tape-cast').shadowRoot;
        const list = root.querySelector('.presets .list');
        const cut = [...root.querySelectorAll('.head label')].filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent);
        return { cut, start: list.hasAttribute('data-more-start'), end: list.hasAttribute('data-more-end'), overflows: list.scrollWidth > list.clientWidth + 1 };
      });
      const first = await state();
      assert.deepEqual(first.cut, [], `${file} at ${size.width}: labels cut`);
      assert.equal(first.start, false, `${file} at ${size.width}: nothing hidden before the first preset (${JSON.stringify(first)})`);
      assert.equal(first.end, first.overflows, `${file} at ${size.width}: the end fades exactly when buttons are hidden past it`);
      if (first.overflows) {
        await page.evaluate(() => { const l = document.querySelector('tape-cast').shadowRoot.querySelector('.presets .list'); l.scrollLeft = l.scrollWidth; });
        const last = await pollUntil(state, (s) => s.start, { what: 'the start fade after scrolling to the end' });
        assert.equal(last.end, false, 'nothing hidden past the last preset');
      }
      await page.context().close();
    }
  });

  test('the demo article does not shift when the widget starts (CLS ≤ 0.02, PerformanceObserver)', async () => {
    for (const file of ['index.html', 'zh.html']) {
      for (const [width, height] of [[360, 740], [768, 1024], [1280, 800]]) {
        const context = await env.browser.newContext({ viewport: { width, height } });
        const page = await context.newPage();
        await page.addInitScript(() => {
          window.__cls = 0;
          new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`${env.url}${file}`);
        await pollUntil(() => page.evaluate(() => !!document.querySelector('tape-cast[data-ready]')), Boolean, { timeout: 20_000, what: 'widget ready' });
        await new Promise((r) => setTimeout(r, 1000));
        const cls = await page.evaluate(() => window.__cls);
        console.log(`# CLS ${file} at ${width}×${height}: ${cls.toFixed(4)}`);
        assert.ok(cls <= 0.02, `${file} at ${width}: CLS ${cls}`);
        await context.close();
      }
    }
  });

  test('screenshots at 360 and 1280, light and dark, English and Chinese', async () => {
    for (const size of [PHONE, LAPTOP]) {
      for (const colorScheme of ['light', 'dark']) {
        for (const file of ['index.html', 'zh.html']) {
          const page = await open(env, { ...size, dpr: size === PHONE ? 2 : 1 }, file, { colorScheme });
          await shot(page, `reader-${size.width}-${colorScheme}-${file.replace('.html', '')}`);
        }
      }
    }
  });
});
