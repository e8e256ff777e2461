// @ts-check
// steps.js — scroll steps: elements marked `data-tapecast-step="<widget id>"` (empty: the page's
// first widget) with `data-preset` and/or `data-<attribute>` values set that widget's state as
// they cross the middle of the viewport, in either direction, so scrolling back restores the
// earlier step. A reader who then moves an input keeps the change until the next step; a button
// ("Back to the story", from the wasm's strings; the page may place it with
// `data-tapecast-back="<widget id>"`) returns to the step's state.

import { el } from './dom.js';
import { built, focusOn, setDeclared, widgetOf } from './links.js';

/** @typedef {import('./element.js').TapeCast} TapeCast */

/**
 * One widget's story: the step in view, the permalink payload of its state once the widget has
 * arrived there ('' while it moves), and the button back to it.
 * @typedef {{ step: Element | null, state: string, back: HTMLButtonElement }} Story
 */

/** @type {Map<TapeCast, Story>} */
const stories = new Map();

/** Shows the button back to the story only when the reader has moved away from the step's state. */
function sync(/** @type {TapeCast} */ host, /** @type {Story} */ story) {
  const away = Boolean(story.step && story.state && host.widget && host.widget.link() !== story.state);
  story.back.textContent = host.view?.layout.text.backToStory ?? '';
  story.back.hidden = !away;
}

/**
 * The story of `host`, made on first use, with its button back: the page's own
 * `[data-tapecast-back="<widget id>"]` element where the layout places one (outside a scrolling
 * box, say), else a button made just before the widget.
 */
function storyOf(/** @type {TapeCast} */ host) {
  let story = stories.get(host);
  if (!story) {
    const placed = [...document.querySelectorAll('button[data-tapecast-back]')]
      .find((b) => widgetOf((b.getAttribute('data-tapecast-back') ?? '').trim()) === host);
    const back = placed instanceof HTMLButtonElement ? placed : el('button', { type: 'button', className: 'tapecast-back', hidden: true });
    if (!placed) host.before(back);
    const made = { step: null, state: '', back };
    back.addEventListener('click', () => {
      if (made.step) enter(made.step, host);
      focusOn(host); // the button hides: the focus goes to the widget, not to the page's start
    });
    host.addEventListener('scenariochange', () => sync(host, made));
    stories.set(host, made);
    story = made;
  }
  return story;
}

/** Makes `step` the one in view and moves its widget to the step's state. */
async function enter(/** @type {Element} */ step, /** @type {TapeCast} */ host) {
  const story = storyOf(host);
  story.step?.removeAttribute('data-active');
  story.step = step;
  story.state = '';
  step.setAttribute('data-active', '');
  await built(host);
  if (story.step !== step) return; // the reader has scrolled on
  let state = '';
  await host.moveTo((w) => {
    const notes = setDeclared(step, host, w);
    state = w.link();
    return notes;
  }, { remember: false });
  if (story.step !== step) return;
  story.state = state;
  sync(host, story);
}

/**
 * Watches every step on the page: a step is entered when it crosses the viewport's middle line.
 * A reader who lands between two steps without crossing either (a fling, a jump to an anchor, a
 * reload at a scrolled position) gets the step above the line: the scroll handler looks only
 * while no step is on the line, so it reads no layout while one is.
 */
export function watchSteps() {
  const start = () => {
    const steps = [...document.querySelectorAll('[data-tapecast-step]')];
    if (!steps.length || typeof IntersectionObserver !== 'function') return;
    const host = (/** @type {Element} */ step) => widgetOf((step.getAttribute('data-tapecast-step') ?? '').trim());
    /** @type {Set<Element>} the steps on the middle line now */
    const onLine = new Set();
    const line = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting) onLine.add(e.target);
        else onLine.delete(e.target);
        const h = e.isIntersecting ? host(e.target) : null;
        if (h && stories.get(h)?.step !== e.target) enter(e.target, h);
      }
    }, { rootMargin: '-50% 0px -50% 0px' });
    for (const s of steps) line.observe(s);
    /** Between steps: each widget takes its last step whose top is above the middle line. */
    const between = () => {
      if (onLine.size) return;
      const middle = innerHeight / 2;
      /** @type {Map<TapeCast, Element>} */
      const above = new Map();
      for (const s of steps) {
        const h = host(s);
        if (h && s.getBoundingClientRect().top <= middle) above.set(h, s);
      }
      for (const [h, s] of above) if (stories.get(h)?.step !== s) enter(s, h);
    };
    let queued = false;
    addEventListener('scroll', () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; between(); });
    }, { passive: true });
    // After the observer's first report, so a step on the line is not taken for a gap.
    requestAnimationFrame(() => requestAnimationFrame(between));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
