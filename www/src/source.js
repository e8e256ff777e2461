// @ts-check
// source.js — where a widget's own scenario file is: the one test of whether a widget needs the
// author's module and wasm (wasm.js, element.js), and where that module reads the file from
// (scenario.js).

/** The host's inline `<script type="application/json">` child, else its `src`; none (null or '')
 * for the built-in story. */
export const scenarioSource = (/** @type {Element} */ host) => host.querySelector('script[type="application/json"]') ?? host.getAttribute('src');
