//! What a reader sees of a projection, in their language: the three chart specs, the summary
//! sentence, the table, the CSV, the export caption and the per-input cues. Pure functions of
//! (engine, projection, inputs, language).

use crate::chart::{BarRow, BarSection, BarsSpec, Chart, FanSpec, PlumbingSpec};
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

/// Day markers: each dated item that falls on a day of the calendar, with its label.
fn markers<'a>(engine: &Engine, dated: impl Iterator<Item = (&'a str, &'a Text)>, lang: Lang) -> Vec<(usize, String)> {
    let tl = engine.timeline();
    dated.filter_map(|(date, label)| tl.index_of(date).map(|i| (i, label.get(lang).to_string()))).collect()
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
        // The scenario's calendar events.
        events: markers(engine, engine.scenario().calendar.events.iter().map(|e| (e.date.as_str(), &e.label)), lang),
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
                        BarRow { label: asset.label.get(lang).into(), median: change(b.p50), p25: change(b.p25), p75: change(b.p75) }
                    })
                    .collect();
                (!rows.is_empty()).then(|| (group_name(g, lang).to_string(), rows))
            })
            .collect::<Vec<_>>();
        let (heading, suffix, decimals) = match quote {
            Quote::Price => (tr(Key::ChangePercent, lang), "%", 1),
            Quote::Rate => (tr(Key::ChangeBp, lang), " bp", 0),
        };
        BarSection { heading: heading.into(), suffix: suffix.into(), decimals, groups }
    };
    let sections = [section(Quote::Price), section(Quote::Rate)].into_iter().filter(|s| !s.groups.is_empty()).collect();
    BarsSpec { title: fill(tr(Key::BarsTitle, lang), &[("date", &short_date(tl.dates[tl.horizon], lang))]), sections }
}

/// The plumbing chart: SOFR − IORB with the SRF rate, and SRF use.
pub fn plumbing_spec(engine: &Engine, p: &Projection, lang: Lang) -> PlumbingSpec {
    let tl = engine.timeline();
    let cap = engine.plumbing().cap_bp;
    let h = engine.headline(p);
    let spread = FanSpec {
        title: tr(Key::SpreadTitle, lang).into(),
        days: p.spread.clone(),
        start: cap,
        start_label: format!("{} ({} bp)", tr(Key::SrfRate, lang), num::signed(cap, 0)),
        x_ticks: x_ticks(engine, lang),
        // The dated drains: the stress dates.
        events: markers(engine, engine.scenario().funding.drains.iter().map(|d| (d.date.as_str(), &d.label)), lang),
        horizon: h.spread_peak_day.min(tl.days()),
        decimals: 0,
        suffix: String::new(),
    };
    PlumbingSpec { spread, srf_title: tr(Key::SrfTitle, lang).into(), srf: p.srf.clone(), srf_suffix: String::new() }
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

/// All three charts for a projection that has the daily path of `asset`.
pub fn charts(engine: &Engine, p: &Projection, asset: usize, lang: Lang) -> Option<[Chart; 3]> {
    let [a, b, c] = ChartKind::ALL.map(|k| chart(engine, p, k, asset, lang));
    Some([a?, b?, c?])
}

/// The data behind the charts as a table: caption, header and rows of text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Table {
    /// Caption.
    pub caption: String,
    /// Column headers.
    pub head: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<String>>,
}

/// The horizon percentiles of every series and the plumbing peaks, formatted.
pub fn table(engine: &Engine, p: &Projection, lang: Lang) -> Table {
    let s = engine.scenario();
    let tl = engine.timeline();
    let as_of = short_date(tl.dates[0], lang);
    let mut head = vec![tr(Key::TableSeries, lang).to_string(), as_of];
    head.extend(["5%", "25%", "50%", "75%", "95%"].map(String::from));
    let mut rows: Vec<Vec<String>> = p
        .assets
        .iter()
        .map(|a| {
            let asset = &s.assets[a.asset];
            let mut row = vec![format!("{} ({})", asset.label.get(lang), asset.units.get(lang)), level(engine, a.asset, asset.start)];
            row.extend(a.horizon.values().iter().map(|v| level(engine, a.asset, *v)));
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
    rows.push(peak(Key::TablePeakSpread, h.spread_peak_day, &h.spread_peak, p.spread[0].p50, true));
    rows.push(peak(Key::TablePeakSrf, h.srf_peak_day, &h.srf_peak, p.srf[0].p50, false));
    Table { caption: fill(tr(Key::TableCaption, lang), &[("date", &short_date(tl.dates[tl.horizon], lang))]), head, rows }
}

/// Every daily percentile as CSV, with the scenario, versions and inputs in header rows.
pub fn csv(engine: &Engine, p: &Projection, inputs: &Inputs) -> String {
    let s = engine.scenario();
    let tl = engine.timeline();
    let mut out = format!("# tapecast projection,scenario {} v{},model v{}\n", s.id, s.version, MODEL_VERSION);
    out.push_str("# inputs");
    for d in &INPUTS {
        out.push_str(&format!(",{}={}", d.name, inputs.text(s, d.id)));
    }
    out.push_str("\ndate,series,unit,p5,p25,p50,p75,p95\n");
    let mut rows = |id: &str, unit: &str, days: &[Band]| {
        for (d, b) in days.iter().enumerate() {
            out.push_str(&format!("{},{id},{unit}", tl.dates[d]));
            for v in b.values() {
                out.push(',');
                out.push_str(&num::plain(v));
            }
            out.push('\n');
        }
    };
    for a in &p.assets {
        let asset = &s.assets[a.asset];
        let unit = if asset.quote == Quote::Rate { "percent" } else { "level" };
        if let Some(days) = &a.daily {
            rows(&asset.id, unit, days);
        }
    }
    rows("sofr-iorb", "bp", &p.spread);
    rows("srf-use", "usd-bn", &p.srf);
    out
}

/// The inputs in words, for captions: "Nvidia surprise +5.0% · December cut odds 40% · …".
pub fn inputs_line(engine: &Engine, inputs: &Inputs, lang: Lang) -> String {
    let s = engine.scenario();
    // Chinese counts money in 亿 (100 million): $1 bn = 10 亿.
    let bn = |x: f64| match lang {
        Lang::En => format!("${} bn", num::fixed(x, 0)),
        Lang::Zh => format!("{} 亿美元", num::fixed(x * 10.0, 0)),
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
            Spec::Choice(c) => format!("{}: {}", c.label.get(lang), inputs.display(s, id, lang)),
        }
    };
    INPUTS.iter().map(|d| part(d.id)).collect::<Vec<_>>().join(" · ")
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
    let values: Vec<f64> = states
        .iter()
        .map(|x| {
            let p = engine.project(x, &[]);
            match metric {
                Metric::LeadMedian => p.assets[0].horizon.p50,
                Metric::PeakSpread => engine.headline(&p).spread_peak.p50,
            }
        })
        .collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (name, lo, hi) = match metric {
        Metric::LeadMedian => (s.assets[0].label.get(lang), level(engine, 0, lo), level(engine, 0, hi)),
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

/// The chip beside an input that moved away from the author's case: `+5 vs 17 Nov`; empty when
/// the input is at its as-of value or is a choice.
pub fn delta(engine: &Engine, inputs: &Inputs, id: InputId, lang: Lang) -> String {
    let s = engine.scenario();
    if let Spec::Choice(_) = s.inputs.get(id) {
        return String::new();
    }
    let (now, was) = (inputs.get(id), Inputs::as_of(s).get(id));
    if (now - was).abs() < 1e-9 {
        return String::new();
    }
    let d = id.def();
    fill(tr(Key::FromAsOf, lang), &[("delta", &num::signed(now - was, d.decimals)), ("date", &short_date(engine.timeline().dates[0], lang))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::default_scenario;

    /// The ends of a cue's range, when it gives one.
    fn range_ends(cue: &str) -> Option<(String, String)> {
        let (_, rest) = cue.split_once(" between ").or_else(|| cue.split_once("在 "))?;
        let (lo, rest) = rest.split_once(" and ").or_else(|| rest.split_once(" 至 "))?;
        let hi: String = rest.chars().take_while(|c| !c.is_whitespace() && *c != '.').collect();
        Some((lo.to_string(), hi))
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

    #[test]
    fn chips_and_captions_follow_each_inputs_row() {
        let engine = Engine::new(default_scenario()).unwrap();
        let s = engine.scenario();
        let base = Inputs::as_of(s);
        for d in &INPUTS {
            assert_eq!(delta(&engine, &base, d.id, Lang::En), "", "{} at its as-of value has no chip", d.name);
        }
        let moved = base.with(InputId::Surprise, 5.0).with(InputId::Shortfall, 200.0);
        assert_eq!(delta(&engine, &moved, InputId::Surprise, Lang::En), "+5.0 vs 17 Nov");
        assert_eq!(delta(&engine, &moved, InputId::Shortfall, Lang::Zh), "较11月17日 +50");
        assert_eq!(
            inputs_line(&engine, &moved, Lang::En),
            "Nvidia surprise +5.0% · December cut odds 40% · Reserve shortfall $200 bn · Fed reserve purchases: From January · Purchase pace $45 bn/mo"
        );
        assert!(inputs_line(&engine, &moved, Lang::Zh).contains("准备金缺口 2,000 亿美元"));
        let header = csv(&engine, &engine.project(&moved, &[]), &moved);
        assert!(header.lines().nth(1).unwrap().starts_with("# inputs,surprise=5,cut-odds=40,shortfall=200,rmp-start=january,rmp-pace=45"), "{header}");
    }
}
