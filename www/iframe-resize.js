// iframe-resize.js — for the page that hosts tapecast iframes: sets each iframe's height to its
// content. Include once, after the iframes, with the origin the iframes are served from:
//   <script src="…/iframe-resize.js" data-origin="…the origin of that address…" defer></script>
// It only accepts messages of type "tapecast:height" from that origin and from one of the
// page's own iframes marked data-tapecast; heights are clamped to 100–20000 px.
(() => {
  const script = document.currentScript;
  const origin = script?.dataset.origin || (script?.src ? new URL(script.src).origin : '');
  addEventListener('message', (event) => {
    if (event.origin !== origin || event.data?.type !== 'tapecast:height') return;
    const height = Number(event.data.height);
    if (!Number.isFinite(height)) return;
    for (const frame of document.querySelectorAll('iframe[data-tapecast]')) {
      if (frame.contentWindow !== event.source) continue;
      frame.style.height = `${Math.min(20000, Math.max(100, Math.ceil(height)))}px`;
      event.source.postMessage({ type: 'tapecast:ack' }, origin);
    }
  });
})();
