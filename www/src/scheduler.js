// @ts-check
// scheduler.js — when the widget redraws: at most once per animation frame; while a slider is
// dragged only the fan, the rest when the reader pauses; slow per-input work one item per idle
// period, so that no long task blocks the page; what waits for a frame's paint.

/** Coalesces redraw requests into one per animation frame. */
export class FrameScheduler {
  /** @param {(full: boolean) => void} render called with `full` = every chart, not just the main one */
  constructor(render) {
    this.render = render;
    this.frame = 0;
    this.pendingFull = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.settle = undefined;
  }

  /** One redraw at the next frame; `full` (the default) redraws every chart, not just the fan. */
  schedule(full = true) {
    this.pendingFull ||= full;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const all = this.pendingFull;
      this.pendingFull = false;
      this.render(all);
    });
  }

  /**
   * While a slider moves, only the fan follows each frame; the other charts catch up on a pause.
   * A full redraw still due when the slider moves again (a pause that just ended) waits for the
   * next pause, so that no drag frame carries it.
   */
  drag() {
    this.pendingFull = false;
    this.schedule(false);
    clearTimeout(this.settle);
    this.settle = setTimeout(() => this.schedule(), 150);
  }

  cancel() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.settle);
  }
}

/** Resolves in a task after the next frame's paint, or after a timer where no frame comes (a
 * hidden page runs no animation frames). */
export const afterFrame = () => new Promise((resolve) => {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(undefined);
    channel.port2.postMessage(0);
  });
  setTimeout(resolve, 200);
});

/** Runs a step per item, one per idle period, after a delay; a newer run replaces an older one. */
export class IdleRun {
  constructor() {
    this.run = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
  }

  /**
   * @template T
   * @param {number} delay milliseconds before the first item
   * @param {T[]} items
   * @param {(item: T) => void} step
   */
  start(delay, items, step) {
    this.cancel();
    const run = this.run;
    const queue = [...items];
    const idle = window.requestIdleCallback ?? ((/** @type {() => void} */ f) => setTimeout(f, 16));
    const next = () => {
      if (run !== this.run || !queue.length) return; // a newer run starts over
      step(/** @type {T} */ (queue.shift()));
      idle(next);
    };
    this.timer = setTimeout(next, delay);
  }

  cancel() {
    clearTimeout(this.timer);
    this.run += 1;
  }
}
