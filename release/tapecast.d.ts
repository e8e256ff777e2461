// Type declarations for the <tape-cast> custom element (tapecast.js).
// Importing the module defines the element; it exports nothing.

/** The reader's inputs, as the element's `value` and `scenariochange` events show them. */
export interface TapeCastInputs {
  /** Earnings surprise against what options priced: next-day move, %. */
  surprise: number;
  /** Priced probability of a cut at the meeting, %. */
  'cut-odds': number;
  /** Reserves below the ample level, $bn. */
  shortfall: number;
  /** When reserve purchases start: an option id of the scenario (`none`, `december`, `january`…). */
  'rmp-start': string;
  /** Reserve purchases, $bn a month. */
  'rmp-pace': number;
}

/** Five percentiles of one distribution. */
export interface TapeCastBand { p5: number; p25: number; p50: number; p75: number; p95: number; }

/** Headline numbers of the current projection. */
export interface TapeCastHeadline {
  /** The scenario's first (lead) series at the horizon. */
  lead: TapeCastBand;
  /** Index into `dates` of the day SOFR − IORB's median peaks. */
  spread_peak_day: number;
  /** SOFR − IORB on that day, bp. */
  spread_peak: TapeCastBand;
  /** Index into `dates` of the day Standing Repo Facility use peaks. */
  srf_peak_day: number;
  /** SRF use on that day, $bn. */
  srf_peak: TapeCastBand;
  /** Index of the series (scenario order) whose median moves most by the horizon. */
  mover: number;
  /** Its median change, %. */
  mover_change: number;
}

/** `event.detail` of `scenariochange`. */
export interface TapeCastScenarioChangeDetail {
  inputs: TapeCastInputs;
  headline: TapeCastHeadline;
  /** Id of the lead series (`spx`). */
  lead: string;
  /** Id of the biggest mover. */
  mover: string;
  /** Trading days, `YYYY-MM-DD`, as-of first (the headline's day indices point here). */
  dates: string[];
  /** The pinned state's inputs, or `null` when nothing is pinned. */
  pinned: TapeCastInputs | null;
  /** The lead's 5th, 50th and 95th percentiles at the horizon as the widget writes them in its
   * summary, fan and table (`6,660`: rounded to the step their spread supports). */
  lead_p5: string;
  lead_p50: string;
  lead_p95: string;
}

/** The attributes `<tape-cast>` reads (all optional; bad values are clamped or ignored with a visible note). */
export interface TapeCastAttributes {
  surprise?: string;
  'cut-odds'?: string;
  shortfall?: string;
  'rmp-start'?: string;
  'rmp-pace'?: string;
  /** A named state of the scenario (`as-of`, `nvda-delivers`…). */
  preset?: string;
  /** The series whose fan is drawn (`spx`, `btc`…). */
  asset?: string;
  lang?: 'en' | 'zh' | string;
  theme?: 'auto' | 'light' | 'dark';
  /** Present: sliders and the main chart only. */
  compact?: '' | boolean;
  /** The widget's title in your words; `none` hides it. */
  heading?: string;
  /** Which charts show, by name, separated by spaces or commas (`fan`, `bars`, `plumbing`); the fan always shows. */
  panels?: string;
  /** Same-origin URL of an author's scenario JSON file. */
  src?: string;
  /** `eager` starts at once instead of when the widget comes near the viewport. */
  loading?: 'lazy' | 'eager';
  /** Names the widget's part of the URL fragment (permalinks). */
  id?: string;
}

export interface TapeCastElement extends HTMLElement {
  /** The current inputs; `null` until the widget has started. Setting it applies each input. */
  value: TapeCastInputs | null;
  /** Whether the reader pinned a state to compare against (the pin travels in the permalink). */
  readonly pinned: boolean;
  /** Pins the current state, as the reader's pin toggle does (announced, kept in the permalink). */
  pin(): void;
  /** Clears the pin, as the reader's pin toggle does. */
  unpin(): void;
  addEventListener<K extends keyof TapeCastElementEventMap>(type: K, listener: (this: TapeCastElement, ev: TapeCastElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TapeCastElementEventMap>(type: K, listener: (this: TapeCastElement, ev: TapeCastElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface TapeCastElementEventMap extends HTMLElementEventMap {
  /** Fired (bubbling) after each change of the state (inputs, pin, series); while a slider is dragged, when the reader pauses or lets go. Also once when the language changes (the detail's words do); a new size or colour scheme alone fires none. */
  scenariochange: CustomEvent<TapeCastScenarioChangeDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'tape-cast': TapeCastElement;
  }
  interface HTMLElementEventMap {
    scenariochange: CustomEvent<TapeCastScenarioChangeDetail>;
  }
}
