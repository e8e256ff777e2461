// bench/first-chart.js — a classic (blocking) script, so it watches from the very start of the
// page: the first frame painted after the widget (or the floor page) says it has drawn
// (attribute data-ready).
// Times are from navigation start (performance.now()'s origin).
window.firstChart = new Promise((resolve) => {
  const seen = new MutationObserver(() => {
    const el = document.querySelector('[data-ready]');
    if (!el) return;
    seen.disconnect();
    const ready = performance.now();
    requestAnimationFrame((frame) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve({ ready, frame, painted: performance.now() });
      ch.port2.postMessage(0);
    });
  });
  seen.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
});
