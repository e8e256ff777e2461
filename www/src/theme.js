// @ts-check
// theme.js — light or dark: the widget's `theme` attribute, else the reader's preference.

/** Whether `host` draws dark, given the `(prefers-color-scheme: dark)` query. */
export function isDark(/** @type {Element} */ host, /** @type {MediaQueryList | null} */ query) {
  const theme = host.getAttribute('theme');
  return theme === 'dark' || (theme !== 'light' && !!query?.matches);
}
