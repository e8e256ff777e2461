//! What a reader sees of a projection, in their language: the chart specs and the summary
//! sentence. Pure functions of (engine, projection, language).

use crate::chart::FanSpec;
use crate::model::{Engine, Projection};
use crate::scenario::Quote;
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
    let suffix = if engine.scenario().assets[asset].quote == Quote::Rate { "%" } else { "" };
    format!("{}{suffix}", num::fixed(x, decimals(engine, asset)))
}

/// Date ticks: the as-of close and the first trading day of each later month.
fn x_ticks(engine: &Engine, lang: Lang) -> Vec<(usize, String)> {
    let dates = &engine.timeline().dates;
    (0..dates.len())
        .filter(|&i| i == 0 || dates[i].month != dates[i - 1].month)
        .map(|i| (i, short_date(dates[i], lang)))
        .collect()
}

/// Event markers from the scenario's calendar.
fn events(engine: &Engine, lang: Lang) -> Vec<(usize, String)> {
    let tl = engine.timeline();
    engine
        .scenario()
        .calendar
        .events
        .iter()
        .filter_map(|e| tl.index_of(&e.date).map(|i| (i, e.label.get(lang).to_string())))
        .collect()
}

/// The fan chart of `asset`; `None` when the projection has no daily path for it.
pub fn fan_spec(engine: &Engine, p: &Projection, asset: usize, lang: Lang) -> Option<FanSpec> {
    let s = engine.scenario();
    let a = &s.assets[asset];
    let days = p.assets.get(asset)?.daily.clone()?;
    let tl = engine.timeline();
    let horizon_date = short_date(tl.dates[tl.horizon], lang);
    let sep = if lang == Lang::Zh { "，" } else { ", " };
    Some(FanSpec {
        title: match lang {
            Lang::En => format!("{} ({}){sep}{} {horizon_date}", a.label.get(lang), a.units.get(lang), tr(Key::PathTo, lang)),
            Lang::Zh => format!("{}（{}）{sep}{}{horizon_date}", a.label.get(lang), a.units.get(lang), tr(Key::PathTo, lang)),
        },
        days,
        start: a.start,
        start_label: format!("{} {}: {}", tr(Key::AsOf, lang), short_date(tl.dates[0], lang), level(engine, asset, a.start)),
        x_ticks: x_ticks(engine, lang),
        events: events(engine, lang),
        horizon: tl.horizon,
        decimals: decimals(engine, asset),
        suffix: if a.quote == Quote::Rate { "%".into() } else { String::new() },
    })
}

/// The summary sentence: the lead index at the horizon with its 90% range, the funding peak,
/// the SRF's peak use and the biggest mover.
pub fn summary(engine: &Engine, p: &Projection, lang: Lang) -> String {
    let s = engine.scenario();
    let tl = engine.timeline();
    let h = engine.headline(p);
    let lead = &h.lead;
    let date = short_date(tl.dates[tl.horizon], lang);
    let mut out = fill(tr(Key::SummaryLead, lang), &[
        ("date", &date),
        ("asset", s.assets[0].label.get(lang)),
        ("value", &level(engine, 0, lead.p50)),
    ]);
    out.push(' ');
    out.push_str(&fill(tr(Key::Range90, lang), &[("lo", &level(engine, 0, lead.p5)), ("hi", &level(engine, 0, lead.p95))]));
    out.push_str(if lang == Lang::Zh { "；" } else { "; " });
    out.push_str(&fill(tr(Key::SummarySpread, lang), &[
        ("value", &num::signed(h.spread_peak.p50, 0)),
        ("date", &short_date(tl.dates[h.spread_peak_day], lang)),
    ]));
    out.push_str(if lang == Lang::Zh { "，" } else { ", " });
    if h.srf_peak.p95 <= 0.5 {
        out.push_str(tr(Key::SummaryNoSrf, lang));
    } else {
        // Chinese counts in 亿 (100 million): $1 bn = 10 亿.
        let bn = if lang == Lang::Zh { h.srf_peak.p95 * 10.0 } else { h.srf_peak.p95 };
        out.push_str(&fill(tr(Key::SummarySrf, lang), &[("value", &num::fixed(bn, 0))]));
    }
    out.push_str(if lang == Lang::Zh { "。" } else { ". " });
    out.push_str(&fill(tr(Key::SummaryMover, lang), &[
        ("asset", s.assets[h.mover].label.get(lang)),
        ("value", &num::signed(h.mover_change, 1)),
    ]));
    out
}
