//! Scenario validation: every problem, each with its field path, instead of the first one only.
//!
//! A scenario that yields any [`Problem`] is never projected. Messages read like
//! `assets[3].vol: -0.2 is below 0`.

use super::{Asset, Calendar, ChoiceSpec, Date, Funding, InputSpec, PresetValue, Scenario, Spec, INPUTS, MAX_CALENDAR_DAYS};
use super::{MAX_PROBLEMS_SHOWN, MAX_SCENARIO_CHARS};
use crate::text::{fill, num, quoted, tr, Key, Lang};
use std::collections::BTreeSet;
use serde::Serialize;

/// One readable problem: where, what was found, what was expected.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// Field path, e.g. `assets[3].vol`.
    pub field: String,
    /// The value found, as text.
    pub value: String,
    /// What was expected instead.
    pub expected: String,
}

impl core::fmt::Display for Problem {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {} {}", self.field, self.value, self.expected)
    }
}

/// The first [`MAX_PROBLEMS_SHOWN`] sentences of a list (the rest are never written), then "… and N more" for the rest: a
/// file with 250,000 bad dates gives 21 lines, not a notes box four million pixels tall.
pub fn capped<I: ExactSizeIterator<Item = String>>(sentences: I, lang: Lang) -> Vec<String> {
    let all = sentences.len();
    with_more(sentences.take(MAX_PROBLEMS_SHOWN).collect(), all, lang)
}

/// A scenario's problems as a widget lists them ([`capped`]), empty when it can be projected;
/// only the listed ones are written (see [`validate_first`]).
pub fn problem_list(s: &Scenario, lang: Lang) -> Vec<String> {
    let (first, all) = validate_first(s, MAX_PROBLEMS_SHOWN);
    with_more(first.iter().map(Problem::to_string).collect(), all, lang)
}

/// `shown`, then "… and N more" when `all` is more.
fn with_more(mut shown: Vec<String>, all: usize, lang: Lang) -> Vec<String> {
    let more = all.saturating_sub(shown.len());
    if more > 0 {
        shown.push(more_problems(more, lang));
    }
    shown
}

/// "… and N more": the line after the listed problems.
pub fn more_problems(n: usize, lang: Lang) -> String {
    fill(tr(Key::MoreProblems, lang), &[("n", &num::fixed(n as f64, 0))])
}

/// The one message for a scenario file over [`MAX_SCENARIO_CHARS`] (`chars` long), or `None`
/// when it is within the limit and may be parsed.
pub fn too_large(chars: usize, lang: Lang) -> Option<String> {
    (chars > MAX_SCENARIO_CHARS).then(|| {
        let n = |x: usize| num::fixed(x as f64, 0);
        fill(tr(Key::TooLarge, lang), &[("size", &n(chars)), ("limit", &n(MAX_SCENARIO_CHARS))])
    })
}

/// A field's path, written only when a problem with it is listed (a file with 250,000 bad dates
/// writes 20 paths, not 250,000): `base`, then `[index]`, then `.name`.
#[derive(Clone, Copy)]
struct At<'a>(&'a str, Option<usize>, &'a str);

impl<'a> From<&'a str> for At<'a> {
    fn from(path: &'a str) -> At<'a> {
        At(path, None, "")
    }
}

/// `base.name`.
fn dot<'a>(base: &'a str, name: &'a str) -> At<'a> {
    At(base, None, name)
}

/// `base[i].name` (`base[i]` for an empty name).
fn item<'a>(base: &'a str, i: usize, name: &'a str) -> At<'a> {
    At(base, Some(i), name)
}

impl At<'_> {
    fn write(self) -> String {
        let indexed = match self.1 {
            Some(i) => format!("{}[{i}]", self.0),
            None => self.0.to_string(),
        };
        match (indexed.is_empty(), self.2.is_empty()) {
            (_, true) => indexed,
            (true, false) => self.2.to_string(),
            (false, false) => format!("{indexed}.{}", self.2),
        }
    }
}

/// Collects the first `shown` problems and counts all of them.
struct Check {
    problems: Vec<Problem>,
    shown: usize,
    count: usize,
}

impl Check {
    /// Counts a problem; whether it is one of those listed (and so worth writing).
    fn listed(&mut self) -> bool {
        self.count += 1;
        self.problems.len() < self.shown
    }

    /// A problem at `field` (a rare one: its value is written before it is counted).
    fn push<'a>(&mut self, field: impl Into<At<'a>>, value: String, expected: &str) {
        if self.listed() {
            self.problems.push(Problem { field: field.into().write(), value, expected: expected.into() });
        }
    }

    /// A finite number within `lo..=hi`.
    fn range<'a>(&mut self, field: impl Into<At<'a>>, x: f64, lo: f64, hi: f64) {
        if (lo..=hi).contains(&x) || !self.listed() {
            return;
        }
        let expected = match (x.is_finite(), x < lo) {
            (false, _) => "is not a finite number".to_string(),
            (true, below) => format!("is {} {}", if below { "below" } else { "above" }, num::plain(if below { lo } else { hi })),
        };
        self.problems.push(Problem { field: field.into().write(), value: num::plain(x), expected });
    }

    /// A `YYYY-MM-DD` date.
    fn date<'a>(&mut self, field: impl Into<At<'a>>, s: &str) -> Option<Date> {
        let d = Date::parse(s);
        if d.is_none() {
            self.quoted(field.into(), s, "is not a date of the form YYYY-MM-DD");
        }
        d
    }

    /// A date that is one of the projected trading days.
    fn trading_day(&mut self, field: At<'_>, s: &str, days: &[Date]) {
        if let Some(d) = self.date(field, s) {
            if days.binary_search(&d).is_err() {
                self.quoted(field, s, "is not a trading day between the as-of date and the end");
            }
        }
    }

    /// A short identifier: lowercase letters, digits and dashes.
    fn ident<'a>(&mut self, field: impl Into<At<'a>>, s: &str) {
        let ok = !s.is_empty()
            && s.len() <= 40
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            self.quoted(field.into(), s, "is not an id (1-40 of a-z, 0-9 and -)");
        }
    }

    /// A problem with text `s`, shown quoted.
    fn quoted(&mut self, field: At<'_>, s: &str, expected: &str) {
        if self.listed() {
            self.problems.push(Problem { field: field.write(), value: quoted(s), expected: expected.into() });
        }
    }
}

/// Every problem in a scenario; empty when it can be projected.
pub fn validate(s: &Scenario) -> Vec<Problem> {
    validate_first(s, usize::MAX).0
}

/// The first `shown` problems of a scenario (in [`validate`]'s order) and how many there are in
/// all; the others are counted, not written.
#[inline(never)] // called from two places: one copy in the wasm
pub fn validate_first(s: &Scenario, shown: usize) -> (Vec<Problem>, usize) {
    let mut c = Check { problems: Vec::new(), shown, count: 0 };
    c.ident("id", &s.id);
    c.range("simulation.paths", f64::from(s.simulation.paths), 100.0, 20_000.0);
    c.range("simulation.trading_days_per_year", s.simulation.trading_days_per_year, 200.0, 366.0);
    let days = calendar(&mut c, &s.calendar);
    inputs(&mut c, s, &days);
    // A set, not a scan of the earlier ones: 10,000 assets sharing one id stay linear.
    let mut ids = BTreeSet::new();
    for (i, a) in s.assets.iter().enumerate() {
        asset(&mut c, &format!("assets[{i}]"), a);
        if !ids.insert(a.id.as_str()) {
            c.quoted(item("assets", i, "id"), &a.id, "is used by an earlier asset");
        }
    }
    if s.assets.is_empty() || s.assets.len() > 32 {
        c.push("assets", format!("{} assets", s.assets.len()), "should be 1 to 32 assets");
    }
    funding(&mut c, &s.funding, &days);
    let ch = &s.chain;
    c.range("chain.implied_move", ch.implied_move, 0.1, 100.0);
    c.range("chain.rate_mute", ch.rate_mute, 0.0, 1.0);
    c.range("chain.vol_stress", ch.vol_stress, 0.0, 5.0);
    c.range("chain.vol_miss", ch.vol_miss, 0.0, 5.0);
    c.range("chain.credit_miss_stress_bp", ch.credit_miss_stress_bp, 0.0, 100.0);
    if s.asset_index(&ch.credit_asset).is_none() {
        c.quoted("chain.credit_asset".into(), &ch.credit_asset, "is not the id of an asset");
    }
    presets(&mut c, s);
    if let Some(cal) = &s.calibration {
        c.range("calibration.spread_bp", cal.spread_bp, 1.0, 10_000.0);
    }
    (c.problems, c.count)
}

/// Checks the calendar and returns its trading days (empty when the dates are unusable).
fn calendar(c: &mut Check, cal: &Calendar) -> Vec<Date> {
    let as_of = c.date("calendar.as_of", &cal.as_of);
    let end = c.date("calendar.end", &cal.end);
    let horizon = c.date("calendar.horizon", &cal.horizon);
    for (i, h) in cal.holidays.iter().enumerate() {
        c.date(item("calendar.holidays", i, ""), h);
    }
    for (i, h) in cal.half_days.iter().enumerate() {
        c.date(item("calendar.half_days", i, ""), h);
    }
    let (Some(as_of), Some(end)) = (as_of, end) else { return Vec::new() };
    let span = end.ordinal() - as_of.ordinal();
    if !(1..=MAX_CALENDAR_DAYS).contains(&span) {
        c.push("calendar.end", quoted(&cal.end), &format!("should be 1 to {MAX_CALENDAR_DAYS} days after calendar.as_of"));
        return Vec::new();
    }
    let days = cal.trading_days();
    if let Some(h) = horizon {
        if h <= as_of || days.binary_search(&h).is_err() {
            c.quoted("calendar.horizon".into(), &cal.horizon, "is not a trading day after calendar.as_of");
        }
    }
    for kind in [super::EventKind::Earnings, super::EventKind::Meeting] {
        let n = cal.events.iter().filter(|e| e.kind == kind).count();
        if n != 1 {
            let name = if kind == super::EventKind::Earnings { "earnings" } else { "meeting" };
            c.push("calendar.events", format!("{n} {name} events"), "should have exactly one");
        }
    }
    for (i, e) in cal.events.iter().enumerate() {
        c.trading_day(item("calendar.events", i, "date"), &e.date, &days);
        c.range(item("calendar.events", i, "vol_multiplier"), e.vol_multiplier, 0.5, 5.0);
    }
    days
}

fn spec(c: &mut Check, at: &str, s: &InputSpec, lo: f64, hi: f64) {
    let marks = format!("{at}.marks");
    c.range(dot(at, "min"), s.min, lo, hi);
    c.range(dot(at, "max"), s.max, lo, hi);
    if s.min.is_finite() && s.max.is_finite() && s.min >= s.max {
        c.push(dot(at, "max"), num::plain(s.max), "should be above min");
    }
    c.range(dot(at, "step"), s.step, 1e-6, (s.max - s.min).abs().max(1e-6));
    c.range(dot(at, "as_of"), s.as_of, s.min, s.max);
    for (i, m) in s.marks.iter().enumerate() {
        c.range(item(&marks, i, "value"), m.value, s.min, s.max);
    }
}

fn choice(c: &mut Check, at: &str, s: &ChoiceSpec, days: &[Date]) {
    let options = format!("{at}.options");
    if s.options.is_empty() {
        c.push(options.as_str(), "no options".into(), "should have at least one");
    }
    for (i, o) in s.options.iter().enumerate() {
        c.ident(item(&options, i, "id"), &o.id);
        if let Some(d) = &o.start {
            c.trading_day(item(&options, i, "start"), d, days);
        }
    }
    if s.as_of as usize >= s.options.len() {
        c.push(dot(at, "as_of"), s.as_of.to_string(), "is not the index of an option");
    }
}

fn inputs(c: &mut Check, s: &Scenario, days: &[Date]) {
    for d in &INPUTS {
        let at = format!("inputs.{}", d.field);
        match s.inputs.get(d.id) {
            Spec::Number(n) => spec(c, &at, n, d.limits.0, d.limits.1),
            Spec::Choice(o) => choice(c, &at, o, days),
        }
    }
}

fn asset(c: &mut Check, at: &str, a: &Asset) {
    c.ident(dot(at, "id"), &a.id);
    let price = a.quote == super::Quote::Price;
    if price {
        c.range(dot(at, "start"), a.start, 1e-9, 1e12);
        c.range(dot(at, "vol"), a.vol, 0.0, 5.0);
    } else {
        c.range(dot(at, "start"), a.start, -50.0, 100.0);
        c.range(dot(at, "vol"), a.vol, 0.0, 2000.0);
    }
    c.range(dot(at, "mean_reversion"), a.mean_reversion, 0.0, 0.99);
    c.range(dot(at, "market"), a.market, -1.0, 1.0);
    c.range(dot(at, "ai"), a.ai, -1.0, 1.0);
    c.range(dot(at, "rates"), a.rates, -1.0, 1.0);
    let sumsq = a.market * a.market + a.ai * a.ai + a.rates * a.rates;
    if sumsq.is_finite() && sumsq > 1.0 + 1e-12 {
        c.push(
            dot(at, "market"),
            format!("market² + ai² + rates² = {}", num::plain(sumsq)),
            "should be at most 1 (they are correlations with independent factors)",
        );
    }
    let bound = if price { 50.0 } else { 500.0 };
    c.range(dot(at, "earnings_weight"), a.earnings_weight, 0.0, 1.0);
    c.range(dot(at, "earnings_spill"), a.earnings_spill, -bound, bound);
    c.range(dot(at, "policy"), a.policy, -bound, bound);
    c.range(dot(at, "funding"), a.funding, -bound, bound);
    if let Some(l) = a.long_run {
        if price {
            c.range(dot(at, "long_run"), l, 1e-9, 1e12);
        } else {
            c.range(dot(at, "long_run"), l, -50.0, 100.0);
        }
    }
    for d in &INPUTS {
        if !a.directions.contains_key(d.field) {
            c.push(dot(at, "directions"), format!("no {}", d.field), "should declare a direction (up, down or none) for every input");
        }
    }
    for key in a.directions.keys() {
        if !INPUTS.iter().any(|d| d.field == key) {
            c.push(format!("{at}.directions.{key}").as_str(), quoted(key), "is not an input's field");
        }
    }
}

fn funding(c: &mut Check, f: &Funding, days: &[Date]) {
    c.range("funding.iorb", f.iorb, -5.0, 30.0);
    c.range("funding.srf_rate", f.srf_rate, -5.0, 30.0);
    c.range("funding.srf_limit_bn", f.srf_limit_bn, 0.0, 10_000.0);
    c.range("funding.srf_takeup_mid_bp", f.srf_takeup_mid_bp, -100.0, 1000.0);
    c.range("funding.srf_takeup_width_bp", f.srf_takeup_width_bp, 0.1, 1000.0);
    c.range("funding.tightness_month_end_bn", f.tightness_month_end_bn, 0.0, 1000.0);
    c.range("funding.tightness_year_end_bn", f.tightness_year_end_bn, 0.0, 1000.0);
    c.range("funding.premium_month_end_bn", f.premium_month_end_bn, 0.0, 1000.0);
    c.range("funding.premium_year_end_bn", f.premium_year_end_bn, 0.0, 1000.0);
    c.range("funding.spread_ample_bp", f.spread_ample_bp, -100.0, 100.0);
    c.range("funding.curve_scale_bp", f.curve_scale_bp, 1e-6, 1000.0);
    c.range("funding.curve_efold_bn", f.curve_efold_bn, 1.0, 10_000.0);
    c.range("funding.qt_runoff_bn_per_month", f.qt_runoff_bn_per_month, -1000.0, 1000.0);
    c.range("funding.noise_bn", f.noise_bn, 0.0, 1000.0);
    c.range("funding.noise_persistence", f.noise_persistence, 0.0, 0.99);
    c.range("funding.stress_scale_bp", f.stress_scale_bp, 1.0, 10_000.0);
    for (i, d) in f.drains.iter().enumerate() {
        c.trading_day(item("funding.drains", i, "date"), &d.date, days);
        c.range(item("funding.drains", i, "bn"), d.bn, -5000.0, 5000.0);
        c.range(item("funding.drains", i, "days"), f64::from(d.days), 1.0, 60.0);
    }
}

fn presets(c: &mut Check, s: &Scenario) {
    let mut ids = BTreeSet::new();
    for (k, p) in s.presets.iter().enumerate() {
        c.ident(item("presets", k, "id"), &p.id);
        if !ids.insert(p.id.as_str()) {
            c.quoted(item("presets", k, "id"), &p.id, "is used by an earlier preset");
        }
        for d in &INPUTS {
            let field = item("presets", k, d.field);
            match (p.value(d.id), s.inputs.get(d.id)) {
                (PresetValue::Number(x), Spec::Number(n)) => c.range(field, x, n.min, n.max),
                (PresetValue::Choice(id), Spec::Choice(o)) => {
                    if !o.options.iter().any(|opt| opt.id == id) {
                        c.push(field, quoted(id), &format!("is not one of inputs.{}.options", d.field));
                    }
                }
                // A preset's value and the input's description always have the same kind
                // (both follow the input's row; checked in `input_defs`).
                _ => c.push(field, String::new(), "does not match the kind of its input"),
            }
        }
    }
}
