// bench/first-chart.js — a classic (blocking) script, so it watches from the very start of the
// page: the first frame painted after the main chart (the canvas `part="fan"` in the widget, `#fan`
// on the floor page) is drawn. Both draw a canvas by first taking its 2D context, and finish the
// drawing in that task; the widget's other work after its first paint (the other charts, the
// summary, then `data-ready`) is not the first chart. Times are from navigation start
// (performance.now()'s origin): `ready` when the drawing began, `frame` the next frame's time,
// `painted` a task after that frame. It also keeps the page's first wasm instance
// (`window.wasmInstance`, for bench/page.js's memory figures; the floor page has none).
window.firstChart = new Promise((resolve) => {
  const getContext = HTMLCanvasElement.prototype.getContext;
  let seen = false;
  HTMLCanvasElement.prototype.getContext = function (...args) {
    if (!seen && (this.id === 'fan' || this.getAttribute('part') === 'fan')) {
      seen = true;
      const ready = performance.now();
      requestAnimationFrame((frame) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve({ ready, frame, painted: performance.now() });
        ch.port2.postMessage(0);
      });
    }
    return getContext.apply(this, args);
  };
});
window.wasmInstance = new Promise((resolve) => {
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = function (...args) {
    const made = streaming.apply(this, args);
    made.then(resolve, () => {});
    return made; // the same promise: no extra step before the widget's instance
  };
});
