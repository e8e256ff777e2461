// embed.js — the iframe embed (embed.html). Builds one <tape-cast> from the page's query string
// (the same names as the element's attributes) and reports the content height to the host page
// through postMessage, so the host's listener (iframe-resize.js) can size the iframe. Without a
// listener the frame keeps the snippet's height and the widget switches to its compact layout
// when the full one would not fit, so nothing scrolls.

// The element's own attributes; the state attributes (a preset, the inputs, the series) come
// from the widget, which knows them from the scenario's one table of inputs.
const SHELL_NAMES = ['lang', 'theme', 'compact', 'heading', 'panels', 'id', 'src'];
const TYPE = 'tapecast:height';

const main = document.getElementById('embed');
const params = new URLSearchParams(location.search);
const widget = document.createElement('tape-cast');
widget.setAttribute('loading', 'eager'); // the iframe itself is the lazy part (loading="lazy")
/** Copies the query's values of `names` onto the widget (never other names: no handlers). */
const pass = (names) => {
  for (const name of names) {
    const value = params.get(name);
    if (value !== null) widget.setAttribute(name, value.slice(0, 200));
  }
};
pass(SHELL_NAMES);
await customElements.whenDefined('tape-cast');
pass(await customElements.get('tape-cast').stateAttributes());
const lang = params.get('lang');
if (lang) document.documentElement.lang = lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
main.replaceChildren(widget);

let acknowledged = false;
let last = 0;
const framed = window.parent !== window;

/** The content's height in CSS pixels (the <main> box, not the viewport). */
const contentHeight = () => Math.ceil(main.getBoundingClientRect().height);

function report() {
  const height = contentHeight();
  if (framed && height !== last) {
    last = height;
    // Only the height leaves the frame; the host's listener checks this frame's origin.
    window.parent.postMessage({ type: TYPE, height }, '*');
  }
  fit();
}

// When the page compacts the widget itself, a link opens the full version in a new tab, so the
// parts compact mode hides (the other charts, the table, the downloads, the help) stay one tap away.
const FULL = { en: 'Open the full version ↗', zh: '打开完整版 ↗' };
const full = document.createElement('a');
full.className = 'full';
full.target = '_blank';
full.rel = 'noopener';
full.href = (() => {
  const u = new URL(location.href);
  u.searchParams.delete('compact');
  return u.href;
})();
full.textContent = FULL[(lang ?? document.documentElement.lang ?? 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en'];

/** No listener answered: keep the layout scroll-free inside the snippet's fixed height. */
function fit() {
  if (!framed || acknowledged || !widget.hasAttribute('data-ready')) return;
  if (contentHeight() > innerHeight + 1 && !widget.hasAttribute('compact')) {
    widget.setAttribute('compact', '');
    main.append(full);
  }
}

addEventListener('message', (event) => {
  if (event.source === window.parent && event.data?.type === 'tapecast:ack') {
    acknowledged = true;
    if (!params.has('compact') && widget.hasAttribute('compact')) { widget.removeAttribute('compact'); full.remove(); }
  }
});

new ResizeObserver(report).observe(main);
addEventListener('resize', report);
// The first redraw decides: no answer from a listener by then means a fixed-height frame.
widget.addEventListener('scenariochange', report);
report();
