// bench/drag.js — the drag probe both benchmark pages share (bench/page.js for the widget,
// bench/floor.js for the hand-written floor): from each `input` event to the end of the frame
// that follows it, and whether the next frame came on time. bench/driver.mjs drags a range with
// CDP mouse events and reads the records through window.bench.
const now = () => performance.now();

/** Runs `f` in a task after the current frame's rendering (style, layout, paint). */
export const afterPaint = (f) => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => f();
  ch.port2.postMessage(0);
};

/**
 * Input → frame done for real pointer input (the driver drags a range with CDP mouse events,
 * which Chromium aligns to frames, as a reader's drag): from the `input` event (a capturing
 * listener on the document, before the page's own) to a task posted from an animation-frame
 * callback of the frame that follows it, i.e. after that frame's style, layout and paint. `gap`
 * is how long after the redraw's frame the next frame started.
 */
export function armDrag() {
  const records = [];
  let pending = false;
  document.addEventListener('input', () => {
    if (pending) return;
    pending = true;
    const t0 = now();
    requestAnimationFrame((frame) => afterPaint(() => {
      const t1 = now();
      requestAnimationFrame((next) => { records.push({ latency: t1 - t0, gap: next - frame }); pending = false; });
    }));
  }, true);
  window.dragRecords = records;
  return true;
}

/** Resolves when `count` drag updates are recorded (or after `timeout` ms). */
export function dragDone(count, timeout = 500) {
  return new Promise((resolve) => {
    const end = now() + timeout;
    const poll = () => (window.dragRecords.length >= count || now() > end ? resolve(window.dragRecords.length) : requestAnimationFrame(poll));
    poll();
  });
}

export const dragRecords = () => window.dragRecords;
