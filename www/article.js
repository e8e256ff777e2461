// article.js — the demo article's own script: binds a few numbers in the prose to the widget
// through its `scenariochange` event (an external file, so the page works under a strict CSP).

const story = document.getElementById('story');
const lang = document.documentElement.lang.startsWith('zh') ? 'zh-CN' : 'en-GB';
const signed = new Intl.NumberFormat(lang, { maximumFractionDigits: 0, signDisplay: 'always' });
const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });

function set(name, text) {
  for (const node of document.querySelectorAll(`[data-bind="${name}"]`)) node.textContent = text;
}

story?.addEventListener('scenariochange', (event) => {
  const { headline, dates } = event.detail;
  // The S&P 500's year-end numbers as the widget writes them (6,660, to the ten its spread supports).
  set('lead', event.detail.lead_p50);
  set('lead-lo', event.detail.lead_p5);
  set('lead-hi', event.detail.lead_p95);
  set('spread', signed.format(headline.spread_peak.p50));
  const peak = dates?.[headline.spread_peak_day];
  // A day stays with its month on one line (`31 Dec`).
  if (peak) set('spread-day', day.format(new Date(`${peak}T00:00:00Z`)).replace(' ', '\u00a0'));
});
