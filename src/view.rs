//! What a reader sees of a projection, in their language: the three chart specs, the summary
//! sentence, the table, the CSV, the export caption and the per-input cues. Pure functions of
//! (engine, projection, inputs, language), and against a pinned state: the same views given a
//! second projection, the pinned one (`*_against`).

use crate::chart::{BarRow, BarSection, BarsSpec, CardSpec, Chart, FanSpec, PinnedFan, PlumbingSpec};
use crate::inputs::{display_number, Inputs};
use crate::model::{Band, Engine, Projection};
use crate::scenario::{Group, InputId, Metric, Quote, Spec, Text, Unit, INPUTS, MODEL_VERSION};
use crate::text::{fill, num, short_date, tr, Key, Lang};

/// Decimals that suit an asset's level: 0 for thousands, 1 for tens, 2 below and for rates.
pub fn decimals(engine: &Engine, asset: usize) -> u32 {
    let a = &engine.scenario().assets[asset];
    match a.quote {
        Quote::Rate => 2,
        Quote::Price if a.start >= 1000.0 => 0,
        Quote::Price if a.start >= 10.0 => 1,
        Quote::Price => 2,
    }
}

/// A level as text, with `%` for rates.
pub fn level(engine: &Engine, asset: usize, x: f64) -> String {
    format!("{}{}", num::fixed(x, decimals(engine, asset)), suffix(engine, asset))
}

/// `%` for a rate, nothing for a price.
fn suffix(engine: &Engine, asset: usize) -> &'static str {
    if engine.scenario().assets[asset].quote == Quote::Rate { "%" } else { "" }
}

/// The step a projected level of `asset` is written to, given its band at that day: what the
/// band's spread supports ([`resolution`]), never finer than the level's own decimals. The
/// summary, the fan's value at the horizon, the cues and the table all write a projected level so
/// (6,657.3 is 6,660 everywhere); the as-of close, known exactly, is written as [`level`].
pub fn step(engine: &Engine, asset: usize, b: &Band) -> f64 {
    resolution(b).max([1.0, 0.1, 0.01][decimals(engine, asset).min(2) as usize])
}

/// A projected level of `asset` as text, to its [`step`] for the band `b`, with `%` for rates.
pub fn projected(engine: &Engine, asset: usize, b: &Band, x: f64) -> String {
    format!("{}{}", num::to_step(x, step(engine, asset, b)), suffix(engine, asset))
}

/// Date ticks, most important first: the as-of close, the horizon, the day the chart marks (its
/// `FanSpec::horizon`: the horizon, or the plumbing's peak; the chart writes its date by the
/// value), the marked days (`events`), then the first trading day of each later month and the
/// last day. The chart keeps those that fit.
fn x_ticks(engine: &Engine, marked: usize, events: &[(usize, String)], lang: Lang) -> Vec<(usize, String)> {
    let tl = engine.timeline();
    let dates = &tl.dates;
    let months = (1..dates.len()).filter(|&i| dates[i].month != dates[i - 1].month);
    let mut days: Vec<usize> = vec![0, tl.horizon, marked];
    days.extend(events.iter().map(|e| e.0));
    days.extend(months);
    days.push(dates.len() - 1);
    let mut out: Vec<(usize, String)> = Vec::new();
    for d in days {
        if !out.iter().any(|(k, _)| *k == d) {
            out.push((d, short_date(dates[d], lang)));
        }
    }
    out
}

/// The fan key's words: the inner band, the outer band, the median.
fn fan_key(lang: Lang) -> [String; 3] {
    [Key::KeyInner, Key::KeyOuter, Key::KeyMedian].map(|k| tr(k, lang).to_string())
}

/// Day markers: each dated item that falls on a day of the calendar, with its label.
fn markers<'a>(engine: &Engine, dated: impl Iterator<Item = (&'a str, &'a Text)>, lang: Lang) -> Vec<(usize, String)> {
    let tl = engine.timeline();
    dated.filter_map(|(date, label)| tl.index_of(date).map(|i| (i, label.get(lang).to_string()))).collect()
}

/// A value axis's shorter numbers in `lang`: thousands (`120k`), or 万 (`12万`).
fn compact(lang: Lang) -> (f64, &'static str) {
    match lang {
        Lang::En => (1e3, "k"),
        Lang::Zh => (1e4, "万"),
    }
}

/// The fan chart of `asset`; `None` when the projection has no daily path for it.
pub fn fan_spec(engine: &Engine, p: &Projection, asset: usize, lang: Lang) -> Option<FanSpec> {
    let s = engine.scenario();
    let a = &s.assets[asset];
    let days = p.assets.get(asset)?.daily.clone()?;
    let tl = engine.timeline();
    let sep = if lang == Lang::Zh { "，" } else { ", " };
    let events = markers(engine, s.calendar.events.iter().map(|e| (e.date.as_str(), &e.label)), lang);
    let end_date = short_date(tl.dates[tl.days()], lang);
    Some(FanSpec {
        title: match lang {
            Lang::En => format!("{} ({}){sep}{} {end_date}", a.label.get(lang), a.units.get(lang), tr(Key::PathTo, lang)),
            Lang::Zh => format!("{}（{}）{sep}{}{end_date}", a.label.get(lang), a.units.get(lang), tr(Key::PathTo, lang)),
        },
        days,
        start: a.start,
        start_label: fill(tr(Key::AsOfLevel, lang), &[("date", &short_date(tl.dates[0], lang)), ("value", &level(engine, asset, a.start))]),
        key: fan_key(lang),
        x_ticks: x_ticks(engine, tl.horizon, &events, lang),
        date_labels: true,
        events,
        horizon: tl.horizon,
        decimals: decimals(engine, asset),
        end_step: step(engine, asset, &p.assets[asset].horizon),
        suffix: suffix(engine, asset).into(),
        compact: compact(lang),
        pinned: None,
    })
}

/// The summary: the lead series at the horizon against its as-of level with the range nine paths
/// in ten end in; the peak of repo stress with what the SRF lends on that day (median); the
/// biggest mover among the series the bars show in percent. At most 30 words in English.
pub fn summary(engine: &Engine, p: &Projection, lang: Lang) -> String {
    let s = engine.scenario();
    let tl = engine.timeline();
    let h = engine.headline(p);
    let mut out = lead_sentence(engine, p, lang);
    out.push_str(&fill(tr(Key::SummarySpread, lang), &[
        ("value", &num::signed(h.spread_peak.p50, 0)),
        ("date", &short_date(tl.dates[h.spread_peak_day], lang)),
    ]));
    let srf = if h.srf_peak.p50 > 0.5 {
        fill(tr(Key::SummarySrf, lang), &[("value", &num::fixed(h.srf_peak.p50, 0))])
    } else if h.srf_peak.p95 > 0.5 {
        tr(Key::SummarySrfTail, lang).to_string()
    } else {
        tr(Key::SummaryNoSrf, lang).to_string()
    };
    out.push_str(&srf);
    out.push_str(&fill(tr(Key::SummaryMover, lang), &[
        ("asset", s.assets[h.mover].label.get(lang)),
        ("value", &num::signed(h.mover_change, 1)),
    ]));
    out
}

/// The summary against a pinned state (`pinned`: its projection and inputs): the lead sentence,
/// the lead series' median at the horizon against the pinned one, and the inputs that differ
/// (two by name, then how many more). At most 30 words in English. Without a pin, [`summary`].
pub fn summary_against(engine: &Engine, p: &Projection, inputs: &Inputs, pinned: Option<(&Projection, &Inputs)>, lang: Lang) -> String {
    let Some((q, pin)) = pinned else { return summary(engine, p, lang) };
    let (now, was) = (engine.headline(p).lead, engine.headline(q).lead);
    let mut out = lead_sentence(engine, p, lang);
    out.push_str(&fill(tr(Key::SummaryPinned, lang), &[
        ("delta", &format!("{}{}", num::signed_to_step(now.p50 - was.p50, step(engine, 0, &now)), suffix(engine, 0))),
        ("value", &projected(engine, 0, &was, was.p50)),
    ]));
    let changed: Vec<&str> = INPUTS.iter().filter(|d| inputs.get(d.id) != pin.get(d.id)).map(|d| input_label(engine, d.id, lang)).collect();
    // In English each name is quoted as its control is labelled: a label's capital ("Reserve
    // shortfall") would otherwise stand mid-sentence, and a name's ("December") must stay.
    let (sep, open, close) = if lang == Lang::Zh { ("、", "", "") } else { (", ", "“", "”") };
    let names = match changed.as_slice() {
        [] => return out + tr(Key::SummarySame, lang),
        [a] => format!("{open}{a}{close}"),
        [a, b] if lang == Lang::En => format!("{open}{a}{close} and {open}{b}{close}"),
        [a, b] => format!("{a}{sep}{b}"),
        [a, b, ..] => fill(tr(Key::AndMore, lang), &[("names", &format!("{open}{a}{close}{sep}{open}{b}{close}")), ("n", &(changed.len() - 2).to_string()), ("total", &changed.len().to_string())]),
    };
    out + &fill(tr(Key::SummaryChanged, lang), &[("names", &names)])
}

/// An input's label in the reader's language.
fn input_label(engine: &Engine, id: InputId, lang: Lang) -> &str {
    match engine.scenario().inputs.get(id) {
        Spec::Number(n) => n.label.get(lang),
        Spec::Choice(c) => c.label.get(lang),
    }
}

/// The summary's first sentence: the lead series at the horizon against its as-of level, with
/// the range nine paths in ten end in.
fn lead_sentence(engine: &Engine, p: &Projection, lang: Lang) -> String {
    let s = engine.scenario();
    let tl = engine.timeline();
    let lead = engine.headline(p).lead;
    let start = s.assets[0].start;
    let change = (lead.p50 / start - 1.0) * 100.0;
    fill(tr(Key::SummaryLead, lang), &[
        ("asset", s.assets[0].label.get(lang)),
        ("date", &short_date(tl.dates[tl.horizon], lang)),
        ("value", &projected(engine, 0, &lead, lead.p50)),
        ("change", &format!("{}%", num::signed(change, 1))),
        ("start", &level(engine, 0, start)),
        ("lo", &projected(engine, 0, &lead, lead.p5)),
        ("hi", &projected(engine, 0, &lead, lead.p95)),
    ])
}

/// The scenario's one-line warning when the projection goes beyond what the model was
/// calibrated on (the median peak of repo stress past the calibrated edge); `None` within it.
pub fn extrapolation(engine: &Engine, p: &Projection, lang: Lang) -> Option<String> {
    let cal = engine.scenario().calibration.as_ref()?;
    (engine.headline(p).spread_peak.p50 > cal.spread_bp).then(|| cal.note.get(lang).to_string())
}

fn group_name(g: Group, lang: Lang) -> &'static str {
    tr(
        match g {
            Group::Ai => Key::GroupAi,
            Group::Broad => Key::GroupBroad,
            Group::Defensive => Key::GroupDefensive,
            Group::Alternatives => Key::GroupAlternatives,
            Group::RatesCredit => Key::GroupRatesCredit,
        },
        lang,
    )
}

/// The cross-asset chart: median change by the horizon with 25–75% whiskers, percent for prices
/// and basis points for rates, grouped in a fixed order.
pub fn bars_spec(engine: &Engine, p: &Projection, lang: Lang) -> BarsSpec {
    let s = engine.scenario();
    let tl = engine.timeline();
    let order = [Group::Ai, Group::Broad, Group::Defensive, Group::Alternatives, Group::RatesCredit];
    let section = |quote: Quote| {
        let groups = order
            .iter()
            .filter_map(|&g| {
                let rows: Vec<BarRow> = p
                    .assets
                    .iter()
                    .filter(|a| s.assets[a.asset].group == g && s.assets[a.asset].quote == quote)
                    .map(|a| {
                        let asset = &s.assets[a.asset];
                        let change = |x: f64| match quote {
                            Quote::Price => (x / asset.start - 1.0) * 100.0,
                            Quote::Rate => (x - asset.start) * 100.0,
                        };
                        let b = a.horizon;
                        BarRow { label: asset.label.get(lang).into(), median: change(b.p50), p25: change(b.p25), p75: change(b.p75), pinned: None }
                    })
                    .collect();
                (!rows.is_empty()).then(|| (group_name(g, lang).to_string(), rows))
            })
            .collect::<Vec<_>>();
        let bp = if lang == Lang::Zh { "基点" } else { " bp" };
        let (heading, suffix, delta_suffix, decimals) = match quote {
            Quote::Price => (tr(Key::ChangePercent, lang), PERCENT, if lang == Lang::Zh { "百分点" } else { " pp" }, 1),
            Quote::Rate => (tr(Key::ChangeBp, lang), bp, bp, 0),
        };
        BarSection { heading: heading.into(), suffix: suffix.into(), delta_suffix: delta_suffix.into(), decimals, groups }
    };
    let sections = [section(Quote::Price), section(Quote::Rate)].into_iter().filter(|s| !s.groups.is_empty()).collect();
    BarsSpec { title: fill(tr(Key::BarsTitle, lang), &[("date", &short_date(tl.dates[tl.horizon], lang))]), sections, note: None }
}

/// The cross-asset chart against a pinned projection `q`: each row carries the pinned median
/// change, and a note says what the ticks and the Δ values are.
pub fn bars_against(engine: &Engine, p: &Projection, q: &Projection, lang: Lang) -> BarsSpec {
    let mut live = bars_spec(engine, p, lang);
    let pinned = bars_spec(engine, q, lang);
    for (ls, ps) in live.sections.iter_mut().zip(&pinned.sections) {
        for ((_, rows), (_, pinned_rows)) in ls.groups.iter_mut().zip(&ps.groups) {
            for (r, pr) in rows.iter_mut().zip(pinned_rows) {
                r.pinned = Some(pr.median);
            }
        }
    }
    live.note = Some(tr(Key::PinnedBarsNote, lang).into());
    live
}

/// The plumbing chart: SOFR − IORB with the SRF rate, and SRF use.
pub fn plumbing_spec(engine: &Engine, p: &Projection, lang: Lang) -> PlumbingSpec {
    let tl = engine.timeline();
    let cap = engine.plumbing().cap_bp;
    let h = engine.headline(p);
    let events = markers(engine, engine.scenario().funding.drains.iter().map(|d| (d.date.as_str(), &d.label)), lang);
    let peak = h.spread_peak_day.min(tl.days());
    let spread = FanSpec {
        title: tr(Key::SpreadTitle, lang).into(),
        days: p.spread.clone(),
        start: cap,
        start_label: fill(tr(Key::SrfRateLevel, lang), &[("value", &num::signed(cap, 0))]),
        key: fan_key(lang),
        x_ticks: x_ticks(engine, peak, &events, lang),
        // The SRF panel below shares these days and labels them.
        date_labels: false,
        // The dated drains: the stress dates.
        events,
        horizon: peak,
        decimals: 0,
        // Basis points to the one, as the summary and the table give the peak.
        end_step: 1.0,
        suffix: String::new(),
        compact: compact(lang),
        pinned: None,
    };
    PlumbingSpec { spread, srf_title: tr(Key::SrfTitle, lang).into(), srf: p.srf.clone(), srf_suffix: String::new() }
}

/// The suffix of the cross-asset chart's percent section (its rate section counts bp).
const PERCENT: &str = "%";

/// The cross-asset chart in one or two sentences, for its accessible description: the biggest
/// median rise and fall in percent, then each rate series' median change in bp, as drawn.
pub fn bars_description(spec: &BarsSpec, lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "，" } else { ", " };
    let mut out = String::new();
    for section in &spec.sections {
        let rows = || section.groups.iter().flat_map(|(_, rows)| rows.iter());
        // A space between name and number in Chinese too: "罗素2000 +0.6%", never "罗素2000+0.6%".
        let said = |r: &BarRow| format!("{} {}{}", r.label, num::signed(r.median, section.decimals), section.suffix);
        if section.suffix == PERCENT {
            let by = |a: &&BarRow, b: &&BarRow| a.median.total_cmp(&b.median);
            if let (Some(up), Some(down)) = (rows().max_by(by), rows().min_by(by)) {
                out.push_str(&fill(tr(Key::DescribeBars, lang), &[("up", &said(up)), ("down", &said(down))]));
            }
        } else {
            let moves: Vec<String> = rows().map(said).collect();
            let moves: Vec<&str> = moves.iter().map(String::as_str).collect(); // one `join` in the wasm: of `&str`s
            out.push_str(&fill(tr(Key::DescribeRates, lang), &[("moves", &moves.join(sep))]));
        }
    }
    out.trim_end().to_string()
}

/// The plumbing chart in two sentences, for its accessible description: where the median of
/// SOFR − IORB and of SRF use peak, with their 95th percentiles on those days (said so: not the
/// peak of the 95th percentile).
pub fn plumbing_description(engine: &Engine, p: &Projection, lang: Lang) -> String {
    let tl = engine.timeline();
    let h = engine.headline(p);
    let mut out = fill(tr(Key::DescribeSpread, lang), &[
        ("value", &num::signed(h.spread_peak.p50, 0)),
        ("hi", &num::signed(h.spread_peak.p95, 0)),
        ("date", &short_date(tl.dates[h.spread_peak_day], lang)),
    ]);
    let srf = [
        ("value", num::fixed(h.srf_peak.p50, 0)),
        ("hi", num::fixed(h.srf_peak.p95, 0)),
        ("date", short_date(tl.dates[h.srf_peak_day], lang)),
    ];
    let srf: Vec<(&str, &str)> = srf.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // The same thresholds as the summary's: a median under $0.5 bn reads as $0.
    out.push_str(&if h.srf_peak.p50 > 0.5 {
        fill(tr(Key::DescribeSrf, lang), &srf)
    } else if h.srf_peak.p95 > 0.5 {
        fill(tr(Key::DescribeSrfTail, lang), &srf)
    } else {
        tr(Key::SummaryNoSrf, lang).trim_end().to_string()
    });
    out
}

/// The widget's charts, in the order it shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// The chosen series' fan: the main chart, shown in compact mode too.
    Fan,
    /// Every series' change by the horizon.
    Bars,
    /// Repo stress and SRF use.
    Plumbing,
}

/// The charts a `panels` attribute asks for, in the widget's order, and its problems: names from
/// [`ChartKind::name`] separated by spaces or commas; empty asks for every chart. The main chart
/// always shows (the controls move it); a name that is no chart is a problem and is skipped.
pub fn panels(value: &str) -> (Vec<ChartKind>, Vec<String>) {
    let names: Vec<&str> = value.split([' ', ',']).map(str::trim).filter(|n| !n.is_empty()).collect();
    let expected = ChartKind::names();
    let problems = names
        .iter()
        .filter(|n| ChartKind::from_name(&n.to_ascii_lowercase()).is_none())
        .map(|n| format!("panels: {} is not a chart (expected some of {expected})", crate::text::quoted(n)))
        .collect();
    let asked = |k: ChartKind| names.is_empty() || k.main() || names.iter().any(|n| n.eq_ignore_ascii_case(k.name()));
    (ChartKind::ALL.into_iter().filter(|&k| asked(k)).collect(), problems)
}

impl ChartKind {
    /// Every chart, in order.
    pub const ALL: [ChartKind; 3] = [ChartKind::Fan, ChartKind::Bars, ChartKind::Plumbing];

    /// The chart's name in the shell and the boundary (`fan`).
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Fan => "fan",
            ChartKind::Bars => "bars",
            ChartKind::Plumbing => "plumbing",
        }
    }

    /// Every chart's name, for messages: `fan, bars, plumbing`.
    pub fn names() -> String {
        ChartKind::ALL.map(ChartKind::name).join(", ")
    }

    /// The chart with this name, if any.
    pub fn from_name(name: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether this is the main chart (kept in compact mode).
    pub fn main(self) -> bool {
        self == ChartKind::Fan
    }

    /// The chart's accessible name.
    pub fn accessible_name(self, lang: Lang) -> &'static str {
        tr(
            match self {
                ChartKind::Fan => Key::FanName,
                ChartKind::Bars => Key::BarsName,
                ChartKind::Plumbing => Key::PlumbingName,
            },
            lang,
        )
    }
}

/// Chart `kind` for a projection (the fan shows `asset`, which needs its daily path).
pub fn chart(engine: &Engine, p: &Projection, kind: ChartKind, asset: usize, lang: Lang) -> Option<Chart> {
    Some(match kind {
        ChartKind::Fan => Chart::Fan(fan_spec(engine, p, asset, lang)?),
        ChartKind::Bars => Chart::Bars(bars_spec(engine, p, lang)),
        ChartKind::Plumbing => Chart::Plumbing(plumbing_spec(engine, p, lang)),
    })
}

/// Chart `kind` against a pinned projection `pinned` (none: [`chart`]): the fan outlines the
/// pinned state's path, the bars mark the pinned medians and give the change from them; the
/// plumbing chart is the live one.
pub fn chart_against(engine: &Engine, p: &Projection, pinned: Option<&Projection>, kind: ChartKind, asset: usize, lang: Lang) -> Option<Chart> {
    let Some(q) = pinned else { return chart(engine, p, kind, asset, lang) };
    Some(match kind {
        ChartKind::Fan => Chart::Fan(fan_against(engine, p, Some(q), asset, lang)?),
        ChartKind::Bars => Chart::Bars(bars_against(engine, p, q, lang)),
        ChartKind::Plumbing => Chart::Plumbing(plumbing_spec(engine, p, lang)),
    })
}

/// All three charts for a projection that has the daily path of `asset`.
pub fn charts(engine: &Engine, p: &Projection, asset: usize, lang: Lang) -> Option<[Chart; 3]> {
    let [a, b, c] = ChartKind::ALL.map(|k| chart(engine, p, k, asset, lang));
    Some([a?, b?, c?])
}

/// The fan of `asset` (its daily path needed), outlining the pinned projection's path if any.
fn fan_against(engine: &Engine, p: &Projection, pinned: Option<&Projection>, asset: usize, lang: Lang) -> Option<FanSpec> {
    let mut spec = fan_spec(engine, p, asset, lang)?;
    spec.pinned = pinned.and_then(|q| q.assets.get(asset)).and_then(|a| a.daily.clone()).map(|days| PinnedFan {
        days,
        key: [Key::KeyPinnedMedian, Key::KeyPinnedOuter].map(|k| tr(k, lang).to_string()),
    });
    Some(spec)
}

/// The share card for a projection with the daily path of `asset`: the title, the inputs in
/// words, the fan, the summary, the source and `link` (a permalink, or empty). With a pinned
/// state (its projection, with the same daily path, and inputs), the card shows what the widget
/// shows: the fan outlines the pinned path and the summary compares with it.
pub fn card_spec(engine: &Engine, p: &Projection, inputs: &Inputs, pinned: Option<(&Projection, &Inputs)>, asset: usize, lang: Lang, link: &str) -> Option<CardSpec> {
    let s = engine.scenario();
    Some(CardSpec {
        title: s.title.get(lang).to_string(),
        inputs: inputs_line(engine, inputs, lang),
        fan: fan_against(engine, p, pinned.map(|(q, _)| q), asset, lang)?,
        summary: summary_against(engine, p, inputs, pinned, lang),
        source: s.source.get(lang).to_string(),
        link: link.chars().take(300).collect(),
    })
}

/// The data behind the charts as a table: caption, header, rows of text and footnotes.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Table {
    /// Caption.
    pub caption: String,
    /// Column headers.
    pub head: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<String>>,
    /// Per column: whether it may be left out where the table is narrow (the as-of level and
    /// the 25th and 75th percentiles; 5/50/95 stay).
    pub secondary: Vec<bool>,
    /// Footnotes: each series' unit, grouped.
    pub notes: Vec<String>,
}

/// The rounding step a band's spread supports: about fifty steps across the 5–95% range, a
/// power of ten (a bitcoin fan 40,000 wide is given to the hundred, the S&P 500 to the ten).
fn resolution(b: &Band) -> f64 {
    let spread = (b.p95 - b.p5).abs();
    if !(spread.is_finite() && spread > 0.0) {
        return 0.01;
    }
    num::clamp(num::pow10(libm::floor(libm::log10(spread / 50.0))), 0.01, 1e6)
}

/// The horizon percentiles of every series and the plumbing peaks, each row rounded to what its
/// uncertainty supports; names short, units in footnotes.
pub fn table(engine: &Engine, p: &Projection, lang: Lang) -> Table {
    let s = engine.scenario();
    let tl = engine.timeline();
    let as_of = short_date(tl.dates[0], lang);
    let mut head = vec![tr(Key::TableSeries, lang).to_string(), as_of];
    head.extend(["5%", "25%", "50%", "75%", "95%"].map(String::from));
    let secondary = vec![false, true, false, true, false, true, false];
    let mut rows: Vec<Vec<String>> = p
        .assets
        .iter()
        .map(|a| {
            let asset = &s.assets[a.asset];
            let cell = |v: f64| projected(engine, a.asset, &a.horizon, v);
            // The as-of level is known exactly: given as the charts give it, not rounded; written
            // to the row's step where that loses nothing (a rebased 100 beside 73 and 99, not 100.0).
            let at = step(engine, a.asset, &a.horizon);
            let exact = libm::fabs(libm::round(asset.start / at) * at - asset.start) < 1e-9;
            let close = if exact { cell(asset.start) } else { level(engine, a.asset, asset.start) };
            let mut row = vec![asset.label.get(lang).to_string(), close];
            row.extend(a.horizon.values().iter().map(|v| cell(*v)));
            row
        })
        .collect();
    let h = engine.headline(p);
    let peak = |key: Key, day: usize, b: &Band, start: f64, signed: bool| {
        let f = |v: f64| if signed { num::signed(v, 0) } else { num::fixed(v, 0) };
        let mut row = vec![fill(tr(key, lang), &[("date", &short_date(tl.dates[day], lang))]), f(start)];
        row.extend(b.values().iter().map(|v| f(*v)));
        row
    };
    // Under the as-of date, the plumbing as it stood then (the as-of shortfall), as the series give
    // their as-of close: not the reader's shortfall's first day, which a reader would take for it.
    let then = engine.plumbing().day(s.inputs.shortfall.as_of, tl.kind[0]);
    rows.push(peak(Key::TablePeakSpread, h.spread_peak_day, &h.spread_peak, then.spread_bp, true));
    rows.push(peak(Key::TablePeakSrf, h.srf_peak_day, &h.srf_peak, then.srf_bn, false));
    // Units, each with the series quoted in it, in the order they first appear.
    let mut units: Vec<(&str, Vec<&str>)> = Vec::new();
    for a in &s.assets {
        let (u, name) = (a.units.get(lang), a.label.get(lang));
        match units.iter_mut().find(|(x, _)| *x == u) {
            Some((_, names)) => names.push(name),
            None => units.push((u, vec![name])),
        }
    }
    let (colon, comma) = if lang == Lang::Zh { ("：", "、") } else { (": ", ", ") };
    let notes = units.into_iter().map(|(u, names)| format!("{u}{colon}{}", names.join(comma))).collect();
    Table { caption: fill(tr(Key::TableCaption, lang), &[("date", &short_date(tl.dates[tl.horizon], lang))]), head, rows, secondary, notes }
}

/// The table against a pinned projection `q`: one more column, the pinned state's median.
pub fn table_against(engine: &Engine, p: &Projection, q: Option<&Projection>, lang: Lang) -> Table {
    let mut t = table(engine, p, lang);
    let Some(q) = q else { return t };
    let pinned = table(engine, q, lang);
    // The 50% column: after the name, the as-of level, 5% and 25%.
    let median = 4;
    t.head.push(tr(Key::TablePinned, lang).to_string());
    t.secondary.push(false);
    for (row, pinned_row) in t.rows.iter_mut().zip(&pinned.rows) {
        row.push(pinned_row.get(median).cloned().unwrap_or_default());
    }
    t
}

/// Every daily percentile as CSV, with the scenario, versions and inputs in header rows. While a
/// state is pinned (`pinned`: its projection of every series and its inputs) its inputs follow in
/// a `# pinned inputs` row and a first `state` column tells the live rows from the pinned ones.
pub fn csv(engine: &Engine, p: &Projection, inputs: &Inputs, pinned: Option<(&Projection, &Inputs)>) -> String {
    let s = engine.scenario();
    let tl = engine.timeline();
    let mut out = format!("# tapecast projection,scenario {} v{},model v{}\n", s.id, s.version, MODEL_VERSION);
    let inputs_row = |out: &mut String, title: &str, inputs: &Inputs| {
        out.push_str(title);
        for d in &INPUTS {
            out.push_str(&format!(",{}={}", d.name, inputs.text(s, d.id)));
        }
        out.push('\n');
    };
    inputs_row(&mut out, "# inputs", inputs);
    if let Some((_, pin)) = pinned {
        inputs_row(&mut out, "# pinned inputs", pin);
        out.push_str("state,");
    }
    out.push_str("date,series,unit,p5,p25,p50,p75,p95\n");
    let mut rows = |state: &str, id: &str, unit: &str, days: &[Band]| {
        for (d, b) in days.iter().enumerate() {
            out.push_str(&format!("{state}{},{id},{unit}", tl.dates[d]));
            for v in b.values() {
                out.push(',');
                out.push_str(&num::plain(v));
            }
            out.push('\n');
        }
    };
    let live = if pinned.is_some() { "live," } else { "" };
    for (state, p) in [(live, p)].into_iter().chain(pinned.map(|(q, _)| ("pinned,", q))) {
        for a in &p.assets {
            let asset = &s.assets[a.asset];
            let unit = if asset.quote == Quote::Rate { "percent" } else { "level" };
            if let Some(days) = &a.daily {
                rows(state, &asset.id, unit, days);
            }
        }
        rows(state, "sofr-iorb", "bp", &p.spread);
        rows(state, "srf-use", "usd-bn", &p.srf);
    }
    out
}

/// The inputs in words, for captions: "Nvidia's next-day move +5.0% · December cut odds 40% · …".
pub fn inputs_line(engine: &Engine, inputs: &Inputs, lang: Lang) -> String {
    let s = engine.scenario();
    // One money unit per language, as the input boxes and chart titles count ($ bn, 十亿美元).
    let bn = |x: f64| match lang {
        Lang::En => format!("${} bn", num::fixed(x, 0)),
        Lang::Zh => format!("{} 十亿美元", num::fixed(x, 0)),
    };
    let per_month = if lang == Lang::Zh { "/月" } else { "/mo" };
    let part = |id: InputId| {
        let d = id.def();
        let x = inputs.get(id);
        match s.inputs.get(id) {
            Spec::Number(n) => {
                let value = match d.unit {
                    Unit::Percent => format!("{}%", display_number(id, x)),
                    Unit::Bn => bn(x),
                    Unit::BnPerMonth => format!("{}{per_month}", bn(x)),
                    Unit::Option => display_number(id, x),
                };
                format!("{} {value}", n.label.get(lang))
            }
            Spec::Choice(c) => {
                let colon = if lang == Lang::Zh { "：" } else { ": " };
                format!("{}{colon}{}", c.label.get(lang), inputs.display(s, id, lang))
            }
        }
    };
    // A wrapped line ends with the separator, never starts with it (a card's inputs line): in
    // English it is held to the value before it; in Chinese it is "；", which never starts a line.
    let sep = if lang == Lang::Zh { "；" } else { "\u{a0}· " };
    let parts: Vec<String> = INPUTS.iter().map(|d| part(d.id)).collect();
    parts.iter().map(String::as_str).collect::<Vec<_>>().join(sep) // one `join` in the wasm: of `&str`s
}

/// The caption under an exported image: title, inputs, versions and date, source.
pub fn caption(engine: &Engine, inputs: &Inputs, lang: Lang, today: &str) -> Vec<String> {
    let s = engine.scenario();
    let version = s.version.to_string();
    let model = MODEL_VERSION.to_string();
    let today: String = today.chars().filter(|c| c.is_ascii_digit() || *c == '-').take(10).collect();
    vec![
        s.title.get(lang).to_string(),
        inputs_line(engine, inputs, lang),
        fill(tr(Key::ExportVersion, lang), &[("id", &s.id), ("version", &version), ("model", &model), ("date", &today)]),
        s.source.get(lang).to_string(),
    ]
}

/// For one input, the lowest and highest value of its metric (the lead series' year-end median,
/// or the peak SOFR − IORB median) reachable by moving that input alone across its range or
/// options, others held, as a sentence.
pub fn sensitivity(engine: &Engine, inputs: &Inputs, id: InputId, lang: Lang) -> String {
    let s = engine.scenario();
    let states: Vec<Inputs> = match s.inputs.get(id) {
        Spec::Number(n) => vec![inputs.with(id, n.min), inputs.with(id, n.max)],
        Spec::Choice(c) => (0..c.options.len()).map(|k| inputs.with(id, k as f64)).collect(),
    };
    let metric = id.def().metric;
    // Each state's median; the lead's written to the step the last state's band supports (one
    // step for both ends, so that they read alike; the bands across one input's range differ
    // little).
    let mut at = 1.0;
    let values: Vec<f64> = states
        .iter()
        .map(|x| {
            let p = engine.project(x, &[]);
            match metric {
                Metric::LeadMedian => {
                    at = step(engine, 0, &p.assets[0].horizon);
                    p.assets[0].horizon.p50
                }
                Metric::PeakSpread => engine.headline(&p).spread_peak.p50,
            }
        })
        .collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let lead = |x: f64| format!("{}{}", num::to_step(x, at), suffix(engine, 0));
    let (name, lo, hi) = match metric {
        Metric::LeadMedian => (s.assets[0].label.get(lang), lead(lo), lead(hi)),
        Metric::PeakSpread => ("SOFR − IORB", num::signed(lo, 0), num::signed(hi, 0)),
    };
    // A range whose ends read the same is no range: say the input does not move the number.
    let key = match (metric, lo == hi) {
        (Metric::LeadMedian, false) => Key::Sensitivity,
        (Metric::LeadMedian, true) => Key::SensitivityNone,
        (Metric::PeakSpread, false) => Key::SensitivitySpread,
        (Metric::PeakSpread, true) => Key::SensitivitySpreadNone,
    };
    fill(tr(key, lang), &[("asset", name), ("lo", &lo), ("hi", &hi)])
}

/// The chip beside an input that moved away from the author's case: `+5 vs 17 Nov`, and for a
/// choice the author's option, `17 Nov: From January`; empty at the as-of value.
pub fn delta(engine: &Engine, inputs: &Inputs, id: InputId, lang: Lang) -> String {
    let s = engine.scenario();
    let as_of = Inputs::as_of(s);
    let (now, was) = (inputs.get(id), as_of.get(id));
    if (now - was).abs() < 1e-9 {
        return String::new();
    }
    let (key, delta) = match s.inputs.get(id) {
        Spec::Choice(_) => (Key::ChoiceFromAsOf, as_of.display(s, id, lang)),
        // As the number box gives it: `−10`, `−9.5`, not `−10.0`.
        Spec::Number(_) => (Key::FromAsOf, num::cut_zeros(num::signed(now - was, id.def().decimals))),
    };
    fill(tr(key, lang), &[("delta", &delta), ("date", &short_date(engine.timeline().dates[0], lang))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::default_scenario;

    /// The ends of a cue's range, when it gives one.
    fn range_ends(cue: &str) -> Option<(String, String)> {
        let (_, rest) = cue.split_once(" between ").or_else(|| cue.split_once("中位数在"))?;
        let (lo, rest) = rest.split_once(" and ").or_else(|| rest.split_once('至'))?;
        let hi: String = rest.chars().take_while(|c| !c.is_whitespace() && (*c as u32) < 0x2E80).collect();
        Some((lo.to_string(), hi.trim_end_matches('.').to_string()))
    }

    #[test]
    fn cues_name_their_metric_and_never_give_a_range_with_equal_ends() {
        let engine = Engine::new(default_scenario()).unwrap();
        let s = engine.scenario();
        let mut states: Vec<Inputs> = s.presets.iter().filter_map(|p| Inputs::preset(s, &p.id)).collect();
        states.push(Inputs::as_of(s));
        let mut ranges = 0;
        for i in &states {
            for d in &INPUTS {
                for lang in [Lang::En, Lang::Zh] {
                    let cue = sensitivity(&engine, i, d.id, lang);
                    assert!(!cue.contains('{') && !cue.contains("NaN"), "{cue}");
                    let names_spread = cue.contains("SOFR − IORB");
                    assert_eq!(names_spread, d.metric == Metric::PeakSpread, "{}: {cue}", d.name);
                    if let Some((lo, hi)) = range_ends(&cue) {
                        assert_ne!(lo, hi, "{cue}");
                        ranges += 1;
                    }
                }
            }
        }
        assert!(ranges > states.len() * 4, "most cues give a range ({ranges})");
    }

    /// The as-of state, every preset and the eight corners of surprise × cut odds × shortfall.
    fn states(engine: &Engine) -> Vec<Inputs> {
        let s = engine.scenario();
        let mut out: Vec<Inputs> = s.presets.iter().filter_map(|p| Inputs::preset(s, &p.id)).collect();
        out.push(Inputs::as_of(s));
        for corner in 0..8 {
            let mut i = Inputs::as_of(s);
            for (bit, id) in [InputId::Surprise, InputId::CutOdds, InputId::Shortfall].into_iter().enumerate() {
                if let Spec::Number(n) = s.inputs.get(id) {
                    i = i.with(id, if corner & (1 << bit) == 0 { n.min } else { n.max });
                }
            }
            out.push(i);
        }
        out
    }

    #[test]
    fn the_summary_leads_with_the_change_and_names_the_mover_the_bars_show() {
        let engine = Engine::new(default_scenario()).unwrap();
        for i in states(&engine) {
            let p = engine.project(&i, &[0]);
            let en = summary(&engine, &p, Lang::En);
            let words = en.split_whitespace().count();
            assert!(words <= 30, "{words} words: {en}");
            assert!(en.starts_with("S&P 500, 31 Dec: ") && en.contains(" from 6,672); 9 in 10 paths "), "{en}");
            // The biggest mover is the longest bar of the percent section.
            let bars = bars_spec(&engine, &p, Lang::En);
            let longest = bars.sections[0].groups.iter().flat_map(|g| &g.1).max_by(|a, b| a.median.abs().total_cmp(&b.median.abs())).unwrap();
            assert!(en.contains(&format!("Biggest mover: {} ", longest.label)), "{en} — the bars' longest is {}", longest.label);
            let zh = summary(&engine, &p, Lang::Zh);
            assert!(zh.starts_with("标普500") && zh.contains("九成路径介于") && zh.ends_with('。'), "{zh}");
            for text in [&en, &zh] {
                assert!(!text.contains('{') && !text.contains("NaN") && !text.contains("inf"), "{text}");
            }
        }
    }

    #[test]
    fn against_a_pin_the_summary_gives_the_median_change_and_the_inputs_that_differ() {
        let engine = Engine::new(default_scenario()).unwrap();
        let all = states(&engine);
        let mut seen_more = false;
        for pin in &all {
            let q = engine.project(pin, &[0]);
            for i in &all {
                let p = engine.project(i, &[0]);
                let en = summary_against(&engine, &p, i, Some((&q, pin)), Lang::En);
                let words = en.split_whitespace().count();
                assert!(words <= 30, "{words} words: {en}");
                assert!(en.starts_with(&lead_sentence(&engine, &p, Lang::En)), "{en}");
                let (now, was) = (engine.headline(&p).lead.p50, engine.headline(&q).lead.p50);
                let (lead, pinned) = (engine.headline(&p).lead, engine.headline(&q).lead);
                let delta = format!("Median {} vs pinned {}. ", num::signed_to_step(now - was, step(&engine, 0, &lead)), projected(&engine, 0, &pinned, was));
                assert!(en.contains(&delta), "{en} — expected {delta}");
                // Each name in quotes, as its control is labelled: no label's capital mid-sentence.
                let differ: Vec<String> = INPUTS.iter().filter(|d| i.get(d.id) != pin.get(d.id)).map(|d| format!("“{}”", input_label(&engine, d.id, Lang::En))).collect();
                match differ.len() {
                    0 => assert!(en.ends_with("Inputs as pinned."), "{en}"),
                    1 | 2 => assert!(differ.iter().all(|n| en.contains(n.as_str())) && !en.contains(" more."), "{en}"),
                    n => {
                        seen_more = true;
                        assert!(en.contains(&format!("{}, {} and {} more.", differ[0], differ[1], n - 2)), "{en}");
                    }
                }
                let zh = summary_against(&engine, &p, i, Some((&q, pin)), Lang::Zh);
                assert!(zh.contains("较已固定的") && zh.ends_with('。'), "{zh}");
                // Chinese lists its names with 、 and no Latin comma, quote or "and".
                if differ.len() > 1 {
                    assert!(zh.contains('、') && !zh.contains(", ") && !zh.contains('“') && !zh.contains(" and "), "{zh}");
                }
                for text in [&en, &zh] {
                    assert!(!text.contains('{') && !text.contains("NaN"), "{text}");
                }
            }
        }
        assert!(seen_more, "some pairs differ in more than two inputs");
        let i = Inputs::as_of(engine.scenario());
        let p = engine.project(&i, &[0]);
        assert_eq!(summary_against(&engine, &p, &i, None, Lang::En), summary(&engine, &p, Lang::En), "no pin, the plain summary");
    }

    #[test]
    fn against_a_pin_the_table_adds_the_pinned_median_and_the_bars_carry_it() {
        let engine = Engine::new(default_scenario()).unwrap();
        let s = engine.scenario();
        let p = engine.project(&Inputs::preset(s, "nvda-misses").unwrap(), &[0]);
        let q = engine.project(&Inputs::as_of(s), &[0]);
        let t = table_against(&engine, &p, Some(&q), Lang::En);
        let plain = table(&engine, &q, Lang::En);
        assert_eq!(t.head.last().map(String::as_str), Some("Pinned 50%"));
        assert_eq!(t.secondary.len(), t.head.len());
        for (row, pinned_row) in t.rows.iter().zip(&plain.rows) {
            assert_eq!(row.len(), t.head.len());
            assert_eq!(row.last(), pinned_row.get(4), "the pinned state's 50% column");
        }
        assert_eq!(table_against(&engine, &p, None, Lang::En), table(&engine, &p, Lang::En));
        let bars = bars_against(&engine, &p, &q, Lang::En);
        let pinned = bars_spec(&engine, &q, Lang::En);
        let rows = |b: &BarsSpec| b.sections.iter().flat_map(|s| &s.groups).flat_map(|g| g.1.clone()).collect::<Vec<_>>();
        for (r, pr) in rows(&bars).iter().zip(rows(&pinned)) {
            assert_eq!((r.label.as_str(), r.pinned), (pr.label.as_str(), Some(pr.median)));
        }
        assert!(bars.note.is_some());
    }

    #[test]
    fn beyond_the_calibration_the_widget_says_it_extrapolates() {
        let corner = |s: &crate::scenario::Scenario| Inputs::as_of(s).with(InputId::Shortfall, 500.0).with(InputId::RmpStart, 0.0).with(InputId::RmpPace, 0.0);
        let engine = Engine::new(default_scenario()).unwrap();
        let calm = engine.project(&Inputs::as_of(engine.scenario()), &[]);
        assert_eq!(extrapolation(&engine, &calm, Lang::En), None, "the as-of state is within the calibration");
        let peak = engine.headline(&engine.project(&corner(engine.scenario()), &[])).spread_peak.p50;
        // The edge just below and just above the stressed corner's peak.
        for (edge, warns) in [(peak - 1.0, true), (peak + 1.0, false)] {
            let mut s = default_scenario();
            if let Some(c) = s.calibration.as_mut() {
                c.spread_bp = edge;
            }
            let engine = Engine::new(s).unwrap();
            let p = engine.project(&corner(engine.scenario()), &[]);
            assert_eq!(extrapolation(&engine, &p, Lang::En).is_some(), warns, "edge {edge}, peak {peak}");
            if warns {
                assert!(extrapolation(&engine, &p, Lang::En).unwrap().contains("extrapolating"));
                assert!(extrapolation(&engine, &p, Lang::Zh).unwrap().contains("外推"));
            }
        }
        let mut none = default_scenario();
        none.calibration = None;
        let engine = Engine::new(none).unwrap();
        assert_eq!(extrapolation(&engine, &engine.project(&corner(engine.scenario()), &[]), Lang::En), None, "no edge declared, no warning");
    }

    #[test]
    fn no_cue_anywhere_in_the_input_box_gives_a_range_with_equal_ends() {
        // A grid over the whole box: each numeric input at its ends and middle, each purchase
        // start; every input's cue at every point.
        let engine = Engine::new(default_scenario()).unwrap();
        let s = engine.scenario();
        let mut states = vec![Inputs::as_of(s)];
        for d in &INPUTS {
            let values: Vec<f64> = match s.inputs.get(d.id) {
                Spec::Number(n) => vec![n.min, (n.min + n.max) / 2.0, n.max],
                Spec::Choice(c) => (0..c.options.len()).map(|k| k as f64).collect(),
            };
            states = states.iter().flat_map(|i| values.iter().map(move |&v| i.with(d.id, v))).collect();
        }
        assert_eq!(states.len(), 3 * 3 * 3 * 3 * 3);
        for i in &states {
            for d in &INPUTS {
                let cue = sensitivity(&engine, i, d.id, Lang::En);
                if let Some((lo, hi)) = range_ends(&cue) {
                    assert_ne!(lo, hi, "{cue} at {i:?}");
                }
                assert!(!cue.contains("NaN") && !cue.contains('{'), "{cue}");
            }
        }
    }

    #[test]
    fn the_table_is_short_named_rounded_to_its_uncertainty_and_narrowable() {
        let engine = Engine::new(default_scenario()).unwrap();
        let s = engine.scenario();
        let p = engine.project(&Inputs::as_of(s), &[0]);
        let t = table(&engine, &p, Lang::En);
        assert_eq!(t.secondary.len(), t.head.len());
        let kept: Vec<&String> = t.head.iter().zip(&t.secondary).filter(|(_, sec)| !**sec).map(|(h, _)| h).collect();
        assert_eq!(kept, ["Series", "5%", "50%", "95%"], "5/50/95 stay when narrow");
        for row in &t.rows {
            assert_eq!(row.len(), t.head.len());
            assert!(!row[0].contains('(') || row[0].starts_with("Peak"), "units go to the footnotes: {}", row[0]);
        }
        let btc = t.rows.iter().find(|r| r[0] == "Bitcoin").unwrap();
        assert!(btc[2..].iter().all(|v| v.ends_with("00")), "a fan tens of thousands wide is given to the hundred: {btc:?}");
        let spx = t.rows.iter().find(|r| r[0] == "S&P 500").unwrap();
        assert!(spx[2..].iter().all(|v| v.ends_with('0')), "the S&P 500 to the ten: {spx:?}");
        assert_eq!(spx[1], "6,672", "the as-of level is exact");
        let yield2 = t.rows.iter().find(|r| r[0] == "2-year Treasury yield").unwrap();
        assert!(yield2[2..].iter().all(|v| v.ends_with('%') && v.len() == "3.57%".len()), "{yield2:?}");
        assert!(t.notes.iter().any(|n| n == "$/oz: Gold"), "{:?}", t.notes);
        assert!(t.notes.iter().any(|n| n.starts_with("%: 2-year Treasury yield, 10-year Treasury yield")), "{:?}", t.notes);
        let zh = table(&engine, &p, Lang::Zh);
        assert!(zh.notes.iter().any(|n| n == "美元/盎司：黄金"), "{:?}", zh.notes);
    }

    #[test]
    fn the_tables_as_of_column_is_the_as_of_state_in_every_preset() {
        // The plumbing rows' 17 Nov cell is how the pipes stood then, as a series' is its close:
        // a 2019-sized shortfall does not rewrite 17 Nov.
        let engine = Engine::new(default_scenario()).unwrap();
        let s = engine.scenario();
        let as_of = engine.project(&Inputs::as_of(s), &[0]);
        let first = |p: &Projection| table(&engine, p, Lang::En).rows.iter().map(|r| r[1].clone()).collect::<Vec<_>>();
        let then = first(&as_of);
        assert_eq!(then[then.len() - 2], num::signed(as_of.spread[0].p50, 0), "{then:?}");
        assert_eq!(then[then.len() - 1], num::fixed(as_of.srf[0].p50, 0), "{then:?}");
        for preset in &s.presets {
            let p = engine.project(&Inputs::preset(s, &preset.id).unwrap(), &[0]);
            assert_eq!(first(&p), then, "{}", preset.id);
        }
        let replay = engine.project(&Inputs::preset(s, "2019-replay").unwrap(), &[0]);
        assert!(replay.spread[0].p50 > as_of.spread[0].p50 + 10.0, "the replay's first day is not 17 Nov's");
    }

    #[test]
    fn the_summary_the_fan_and_the_table_write_a_projected_level_alike() {
        // A reader saw 6,657 in the summary and 6,660 in the table a row below it: one number
        // written two ways reads as an error. Both now give it to the step its band supports.
        let engine = Engine::new(default_scenario()).unwrap();
        let s = engine.scenario();
        for inputs in [Inputs::as_of(s), Inputs::preset(s, "nvda-misses").unwrap(), Inputs::preset(s, "2019-replay").unwrap()] {
            let p = engine.project(&inputs, &[0]);
            let t = table(&engine, &p, Lang::En);
            let lead = engine.headline(&p).lead;
            let spx = t.rows.iter().find(|r| r[0] == "S&P 500").unwrap();
            let said = summary(&engine, &p, Lang::En);
            for (cell, v) in [(&spx[2], lead.p5), (&spx[4], lead.p50), (&spx[6], lead.p95)] {
                assert_eq!(cell, &projected(&engine, 0, &lead, v));
                assert!(said.contains(cell.as_str()), "{said} — the table's {cell}");
            }
            assert!(spx[4].ends_with('0') && level(&engine, 0, lead.p50) != spx[4], "written to the ten: {spx:?}");
            let Some(Chart::Fan(f)) = chart_against(&engine, &p, None, ChartKind::Fan, 0, Lang::En) else { panic!("a fan") };
            assert_eq!(num::to_step(f.days[f.horizon].p50, f.end_step), spx[4], "the fan's value at the horizon");
            // The as-of close is known exactly: written as it is.
            assert_eq!(spx[1], "6,672");
        }
        let p = engine.project(&Inputs::as_of(s), &[0]);
        let t = table(&engine, &p, Lang::En);
        // A close the row's step writes exactly is written so: Memory's rebased 100 beside 73 and
        // 99 (it read 100.0), Nasdaq-100's 100.0 beside 99.8, the 2-year's 3.57% beside 3.57%.
        let row = |name: &str| t.rows.iter().find(|r| r[0] == name).unwrap().clone();
        assert_eq!((row("Memory: SNDK/WDC/STX")[1].as_str(), row("Memory: SNDK/WDC/STX")[4].as_str()), ("100", "99"));
        assert_eq!(row("Nasdaq-100")[1], "100.0");
        assert_eq!(row("2-year Treasury yield")[1], "3.57%");
        assert!(t.caption.ends_with(", rounded"));
        assert!(table(&engine, &p, Lang::Zh).caption.ends_with("（已取整）"));
    }

    #[test]
    fn chips_and_captions_follow_each_inputs_row() {
        let engine = Engine::new(default_scenario()).unwrap();
        let s = engine.scenario();
        let base = Inputs::as_of(s);
        for d in &INPUTS {
            assert_eq!(delta(&engine, &base, d.id, Lang::En), "", "{} at its as-of value has no chip", d.name);
        }
        let moved = base.with(InputId::Surprise, 5.0).with(InputId::Shortfall, 200.0);
        assert_eq!(delta(&engine, &moved, InputId::Surprise, Lang::En), "+5 vs 17 Nov", "as the number box gives it, not +5.0");
        assert_eq!(delta(&engine, &moved.with(InputId::Surprise, -9.5), InputId::Surprise, Lang::En), "−9.5 vs 17 Nov");
        assert_eq!(delta(&engine, &moved, InputId::Shortfall, Lang::Zh), "较11月17日 +50");
        // A choice's chip names the author's option, as the sliders' name the author's number.
        let december = base.with(InputId::RmpStart, 1.0);
        assert_eq!(delta(&engine, &december, InputId::RmpStart, Lang::En), "17 Nov: From January");
        assert_eq!(delta(&engine, &december, InputId::RmpStart, Lang::Zh), "11月17日：1月起");
        assert_eq!(
            inputs_line(&engine, &moved, Lang::En),
            "Nvidia's next-day move +5.0%\u{a0}· December cut odds 40%\u{a0}· Reserve shortfall $200 bn\u{a0}· Fed reserve purchases: From January\u{a0}· Purchase pace $45 bn/mo"
        );
        // Wrapped at any width (a card's or a snapshot's), no line starts with the separator.
        for lang in [Lang::En, Lang::Zh] {
            for width in (200..=800).step_by(10) {
                let lines = crate::chart::wrap(&inputs_line(&engine, &moved, lang), f64::from(width), 13.0);
                assert!(lines.iter().all(|l| !l.starts_with(['·', '；'])), "{width} px: {lines:?}");
            }
        }
        assert!(inputs_line(&engine, &moved, Lang::Zh).contains("准备金缺口 200 十亿美元"));
        let header = csv(&engine, &engine.project(&moved, &[]), &moved, None);
        assert!(header.lines().nth(1).unwrap().starts_with("# inputs,surprise=5,cut-odds=40,shortfall=200,rmp-start=january,rmp-pace=45"), "{header}");
    }

    #[test]
    fn csv_carries_the_pinned_state_in_its_own_rows() {
        let engine = Engine::new(default_scenario()).unwrap();
        let base = Inputs::as_of(engine.scenario());
        let moved = base.with(InputId::Surprise, -10.0);
        let (p, q) = (engine.project_all(&moved), engine.project_all(&base));
        let alone = csv(&engine, &p, &moved, None);
        let both = csv(&engine, &p, &moved, Some((&q, &base)));
        let lines: Vec<&str> = both.lines().collect();
        assert!(lines[1].starts_with("# inputs,surprise=-10,"), "{both}");
        assert!(lines[2].starts_with("# pinned inputs,surprise=0,"), "{both}");
        assert_eq!(lines[3], "state,date,series,unit,p5,p25,p50,p75,p95");
        // The live rows are the unpinned file's rows with `live,` in front; the pinned rows are
        // the pinned state's own projection, and the two differ where the surprise moves prices.
        let rows = |f: &str, skip: usize| f.lines().skip(skip).map(str::to_owned).collect::<Vec<_>>();
        let live: Vec<String> = rows(&both, 4).into_iter().filter_map(|l| l.strip_prefix("live,").map(str::to_owned)).collect();
        assert_eq!(live, rows(&alone, 3));
        let pinned: Vec<String> = rows(&both, 4).into_iter().filter_map(|l| l.strip_prefix("pinned,").map(str::to_owned)).collect();
        assert_eq!(pinned, rows(&csv(&engine, &q, &base, None), 3));
        assert_eq!(live.len() + pinned.len(), lines.len() - 4, "every row is live or pinned");
        let last_spx = |rows: &[String]| rows.iter().filter(|l| l.contains(",spx,")).last().cloned().unwrap();
        assert_ne!(last_spx(&live), last_spx(&pinned));
    }
}

#[cfg(test)]
mod panels_attribute {
    use super::*;

    #[test]
    fn panels_chooses_the_other_charts_and_always_keeps_the_main_one() {
        assert_eq!(panels(""), (ChartKind::ALL.to_vec(), vec![]));
        assert_eq!(panels("  "), (ChartKind::ALL.to_vec(), vec![]));
        assert_eq!(panels("bars"), (vec![ChartKind::Fan, ChartKind::Bars], vec![]));
        assert_eq!(panels("Plumbing, fan").0, vec![ChartKind::Fan, ChartKind::Plumbing]);
        assert_eq!(panels("fan").0, vec![ChartKind::Fan]);
        let (charts, problems) = panels("bars <b>pie</b>");
        assert_eq!(charts, vec![ChartKind::Fan, ChartKind::Bars]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("\"<b>pie</b>\" is not a chart (expected some of fan, bars, plumbing)"), "{}", problems[0]);
    }
}

#[cfg(test)]
mod descriptions {
    use super::*;
    use crate::scenario::default_scenario;

    #[test]
    fn the_bars_description_names_the_drawn_extremes_and_every_rate() {
        let engine = Engine::new(default_scenario()).unwrap();
        let s = engine.scenario();
        for id in ["as-of", "nvda-misses", "fed-blinks"] {
            let p = engine.project(&Inputs::preset(s, id).unwrap(), &[0]);
            let spec = bars_spec(&engine, &p, Lang::En);
            let text = bars_description(&spec, Lang::En);
            let price: Vec<&BarRow> = spec.sections[0].groups.iter().flat_map(|(_, r)| r).collect();
            let up = price.iter().max_by(|a, b| a.median.total_cmp(&b.median)).unwrap();
            let down = price.iter().min_by(|a, b| a.median.total_cmp(&b.median)).unwrap();
            let range = format!("range from {} {}% to {} {}%", down.label, num::signed(down.median, 1), up.label, num::signed(up.median, 1));
            assert!(text.contains(&range), "{id}: {text}");
            for (_, rows) in &spec.sections[1].groups {
                for r in rows {
                    assert!(text.contains(&format!("{} {} bp", r.label, num::signed(r.median, 0))), "{id}: {text}");
                }
            }
            assert!(text.split_whitespace().count() <= 45, "{id}: short enough to hear: {text}");
            // In Chinese a name ending in a digit or ticker is not glued to its number.
            let zh = bars_description(&bars_spec(&engine, &p, Lang::Zh), Lang::Zh);
            assert!(!zh.contains("2000+") && !zh.contains("2000−") && !zh.contains("STX−") && !zh.contains("STX+"), "{id}: {zh}");
        }
    }

    #[test]
    fn the_plumbing_description_gives_the_peaks_the_chart_draws() {
        let engine = Engine::new(default_scenario()).unwrap();
        let p = engine.project(&Inputs::preset(engine.scenario(), "2019-replay").unwrap(), &[0]);
        let h = engine.headline(&p);
        let text = plumbing_description(&engine, &p, Lang::En);
        let day = short_date(engine.timeline().dates[h.spread_peak_day], Lang::En);
        assert!(text.contains(&format!("peaks at {} bp on {day}", num::signed(h.spread_peak.p50, 0))), "{text}");
        assert!(text.contains(&format!("SRF use peaks at ${} bn", num::fixed(h.srf_peak.p50, 0))), "{text}");
    }

    #[test]
    fn a_wrapped_summary_never_parts_a_number_from_its_unit() {
        let engine = Engine::new(default_scenario()).unwrap();
        let s = engine.scenario();
        for preset in &s.presets {
            let p = engine.project(&Inputs::preset(s, &preset.id).unwrap(), &[0]);
            let text = summary(&engine, &p, Lang::En);
            for width in (120..=900).step_by(7) {
                let lines = crate::chart::wrap(&text, width as f64, 16.0);
                for pair in lines.windows(2) {
                    let (end, next) = (&pair[0], &pair[1]);
                    let parted = ["bp", "bn"].iter().any(|u| next.starts_with(u)) && end.ends_with(|c: char| c.is_ascii_digit());
                    assert!(!parted, "{}: at {width} px, {end:?} / {next:?}", preset.id);
                }
            }
        }
    }

    #[test]
    fn the_plumbing_description_says_which_percentile_peaks_and_that_the_95th_is_of_that_day() {
        let engine = Engine::new(default_scenario()).unwrap();
        let p = engine.project(&Inputs::as_of(engine.scenario()), &[0]);
        let h = engine.headline(&p);
        let tl = engine.timeline();
        let (spread_day, srf_day) = (short_date(tl.dates[h.spread_peak_day], Lang::En), short_date(tl.dates[h.srf_peak_day], Lang::En));
        let text = plumbing_description(&engine, &p, Lang::En);
        // The peak is the median's; the 95th percentile is that day's, not the peak of the 95th.
        let spread = format!("Median SOFR − IORB peaks at {} bp on {spread_day} (95th percentile that day {} bp)", num::signed(h.spread_peak.p50, 0), num::signed(h.spread_peak.p95, 0));
        let srf = format!("Median SRF use peaks at ${} bn on {srf_day} (95th percentile that day ${} bn)", num::fixed(h.srf_peak.p50, 0), num::fixed(h.srf_peak.p95, 0));
        assert!(text.contains(&spread) && text.contains(&srf), "{text}");
        let zh = plumbing_description(&engine, &p, Lang::Zh);
        assert!(zh.contains("中位数") && zh.contains("当日95分位"), "{zh}");
    }

}

#[cfg(test)]
mod chinese_typography {
    use super::*;
    use crate::scenario::default_scenario;

    fn cjk(c: char) -> bool {
        (c as u32) >= 0x2E80
    }

    /// Every way `text` breaks the house rules for Chinese: ASCII `:`/`.`/`,`/`;` or a space
    /// before a full-width bracket next to CJK, a bracket inside a bracket, `bp` for 基点, a space
    /// between a number and 个基点 (the summary writes +32个基点), money in 亿美元 where everything
    /// else counts 十亿美元.
    fn faults(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        for (i, c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            if [':', ';', ','].contains(c) && (before.is_some_and(cjk) || after.is_some_and(cjk)) {
                out.push(format!("ASCII {c:?} next to CJK"));
            }
            if *c == '.' && before.is_some_and(cjk) {
                out.push("ASCII full stop after CJK".into());
            }
            if *c == ' ' && matches!(after, Some('（') | Some('）')) {
                out.push("space before a full-width bracket".into());
            }
        }
        let mut depth = 0;
        for c in &chars {
            match c {
                '（' | '(' => {
                    depth += 1;
                    if depth > 1 {
                        out.push("a bracket inside a bracket".into());
                    }
                }
                '）' | ')' => depth -= 1,
                _ => {}
            }
        }
        if text.contains("bp") {
            out.push("bp instead of 基点".into());
        }
        if text.match_indices(" 个基点").any(|(i, _)| text[..i].ends_with(|c: char| c.is_ascii_digit())) {
            out.push("a space between a number and 个基点".into());
        }
        // One money unit, as the input boxes and chart titles count: 十亿美元 ($ bn).
        if text.match_indices("亿美元").any(|(i, _)| !text[..i].ends_with('十')) {
            out.push("亿美元 instead of 十亿美元".into());
        }
        out.into_iter().map(|f| format!("{f}: {text}")).collect()
    }

    #[test]
    fn the_rule_sees_each_fault() {
        assert_eq!(faults("回购压力: 35").len(), 1);
        assert_eq!(faults("单位 （十亿美元）").len(), 1);
        assert_eq!(faults("（% 次日涨跌（相对已定价））").len(), 1);
        assert_eq!(faults("+10 bp").len(), 1);
        assert_eq!(faults("SRF 利率：+40 个基点").len(), 1);
        assert!(faults("SRF 利率：+40个基点").is_empty());
        assert_eq!(faults("缺口 1500 亿美元").len(), 1);
        assert!(faults("缺口 150 十亿美元").is_empty());
        assert!(faults("标普500，12月31日：6,650（较6,672变动−0.3%）。").is_empty());
    }

    #[test]
    fn chinese_text_follows_chinese_typography() {
        let engine = Engine::new(default_scenario()).unwrap();
        let s = engine.scenario();
        let mut texts: Vec<String> = Vec::new();
        for inputs in [Inputs::as_of(s), Inputs::preset(s, "2019-replay").unwrap()] {
            let p = engine.project(&inputs, &[0]);
            texts.push(summary(&engine, &p, Lang::Zh));
            let as_of = Inputs::as_of(s);
            texts.push(summary_against(&engine, &p, &inputs, Some((&engine.project(&as_of, &[0]), &as_of)), Lang::Zh));
            texts.extend(bars_against(&engine, &p, &p, Lang::Zh).note);
            texts.extend(table_against(&engine, &p, Some(&p), Lang::Zh).head.pop());
            texts.push(inputs_line(&engine, &inputs, Lang::Zh));
            texts.extend(caption(&engine, &inputs, Lang::Zh, "2025-11-17"));
            let t = table(&engine, &p, Lang::Zh);
            texts.push(t.caption);
            texts.extend(t.head);
            texts.extend(t.rows.into_iter().map(|r| r[0].clone()));
            for d in &INPUTS {
                texts.push(sensitivity(&engine, &inputs, d.id, Lang::Zh));
                texts.push(delta(&engine, &inputs.with(d.id, inputs.get(d.id) + 1.0), d.id, Lang::Zh));
            }
            if let Some(Chart::Fan(f)) = chart_against(&engine, &p, Some(&p), ChartKind::Fan, 0, Lang::Zh) {
                texts.extend([f.title, f.start_label]);
                texts.extend(f.key);
                texts.extend(f.pinned.into_iter().flat_map(|pin| pin.key));
            }
            let b = bars_spec(&engine, &p, Lang::Zh);
            texts.push(bars_description(&b, Lang::Zh));
            texts.push(plumbing_description(&engine, &p, Lang::Zh));
            texts.push(b.title);
            for sec in b.sections {
                texts.push(sec.heading);
                texts.push(format!("+10{}", sec.suffix));
            }
            let pl = plumbing_spec(&engine, &p, Lang::Zh);
            texts.extend([pl.spread.title, pl.spread.start_label, pl.srf_title]);
        }
        for d in &INPUTS {
            match s.inputs.get(d.id) {
                Spec::Number(n) => {
                    // The shell puts the unit in brackets after the label: none inside it.
                    assert!(!n.unit.zh.contains(['（', '(']), "unit {}", n.unit.zh);
                    // … and says no word of the label again ("12月降息概率（% 定价概率）").
                    let label: Vec<char> = n.label.zh.chars().collect();
                    let again = label.windows(2).map(|w| w.iter().collect::<String>()).find(|w| w.chars().all(cjk) && n.unit.zh.contains(w.as_str()));
                    assert!(again.is_none(), "{}（{}） says {again:?} twice", n.label.zh, n.unit.zh);
                    texts.extend([n.label.zh.clone(), n.unit.zh.clone(), n.help.zh.clone()]);
                }
                Spec::Choice(c) => texts.extend([c.label.zh.clone(), c.help.zh.clone()]),
            }
        }
        texts.extend(s.presets.iter().flat_map(|p| [p.label.zh.clone(), p.description.zh.clone()]));
        let problems: Vec<String> = texts.iter().flat_map(|t| faults(t)).collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
