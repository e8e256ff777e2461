//! The engine's economics, natively: properties over the whole input box, published
//! sensitivities, the base case, determinism and scenario validation.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tapecast::model::{Band, Engine, Projection};
use tapecast::scenario::{default_scenario, from_json, validate, Direction, Kind, Scenario, INPUTS};
use tapecast::Inputs;

/// The default scenario with fewer paths: the properties below follow from per-path values
/// that are monotone before the volatility terms, which leave medians alone (docs/MODEL.md §7,
/// "Directions"), so they hold for any path count.
fn engine_with_paths(paths: u32) -> Engine {
    let mut s = default_scenario();
    s.simulation.paths = paths;
    Engine::new(s).expect("default scenario validates")
}

fn idx(e: &Engine, id: &str) -> usize {
    e.scenario().asset_index(id).expect(id)
}

fn horizon(e: &Engine, p: &Projection, id: &str) -> Band {
    p.assets[idx(e, id)].horizon
}

fn finite_and_ordered(b: &Band) -> bool {
    let v = b.values();
    v.iter().all(|x| x.is_finite()) && v.windows(2).all(|w| w[0] <= w[1])
}

/// Inputs anywhere in the declared box.
fn any_inputs() -> impl Strategy<Value = Inputs> {
    (-25.0..=25.0f64, 0.0..=100.0f64, 0.0..=500.0f64, 0usize..3, 0.0..=100.0f64).prop_map(
        |(surprise, cut_odds, shortfall, rmp_start, rmp_pace)| Inputs { surprise, cut_odds, shortfall, rmp_start, rmp_pace },
    )
}

fn cases() -> u32 {
    std::env::var("TAPECAST_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000)
}

thread_local! {
    static SMALL: Engine = engine_with_paths(200);
    static VOL_ONLY: Engine = vol_only(200);
}

/// The default scenario with every direct channel switched off (earnings, policy, funding
/// drift, the chain's mute and credit interaction): what is left of the inputs are the
/// volatility terms.
fn vol_only(paths: u32) -> Engine {
    let mut s = default_scenario();
    s.simulation.paths = paths;
    for a in &mut s.assets {
        a.earnings_weight = 0.0;
        a.earnings_spill = 0.0;
        a.policy = 0.0;
        a.funding = 0.0;
    }
    s.chain.rate_mute = 0.0;
    s.chain.credit_miss_stress_bp = 0.0;
    Engine::new(s).expect("validates")
}

/// The options of a choice input ranked by how early they start (none first, the earliest
/// last): "rising" for a choice's declared direction.
fn start_rank(s: &Scenario, option: usize) -> usize {
    let key = |o: &tapecast::scenario::ChoiceOption| o.start.clone().map(std::cmp::Reverse);
    let options = &s.inputs.rmp_start.options;
    let mut order: Vec<usize> = (0..options.len()).collect();
    order.sort_by_key(|&k| key(&options[k]));
    order.iter().position(|&k| k == option).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// No NaN or infinity anywhere, percentiles ordered, and every input moves every path the
    /// way the story says.
    #[test]
    fn the_whole_input_box(i in any_inputs(), d in 0.0..=10.0f64, pick in 0usize..4) {
        SMALL.with(|e| {
            let all: Vec<usize> = (0..e.scenario().assets.len()).collect();
            let p = e.project(&i, &all);
            for a in &p.assets {
                prop_assert!(finite_and_ordered(&a.horizon), "{:?}", a);
                for b in a.daily.as_ref().unwrap() {
                    prop_assert!(finite_and_ordered(b), "{:?}", b);
                }
            }
            for b in p.spread.iter().chain(&p.srf) {
                prop_assert!(finite_and_ordered(b), "{:?}", b);
            }
            let s = e.scenario();
            let mut j = i;
            match pick {
                0 => {
                    // A larger Nvidia surprise never lowers the median S&P 500, Nasdaq-100, semis.
                    j.surprise = (i.surprise + d).min(s.inputs.surprise.max);
                    let q = e.project(&j, &[]);
                    for id in ["spx", "ndx", "semis"] {
                        prop_assert!(horizon(e, &q, id).p50 >= horizon(e, &p, id).p50, "{id} {:?} -> {:?}", i, j);
                    }
                }
                1 => {
                    // Higher cut odds never raise the median 2-year yield nor lower the median S&P 500.
                    j.cut_odds = (i.cut_odds + d * 5.0).min(100.0);
                    let q = e.project(&j, &[]);
                    prop_assert!(horizon(e, &q, "us2y").p50 <= horizon(e, &p, "us2y").p50);
                    prop_assert!(horizon(e, &q, "spx").p50 >= horizon(e, &p, "spx").p50);
                }
                2 => {
                    // A larger shortfall never lowers SOFR − IORB or SRF use, on any day, at any percentile.
                    j.shortfall = (i.shortfall + d * 20.0).min(500.0);
                    let q = e.project(&j, &[]);
                    for (a, b) in q.spread.iter().zip(&p.spread).chain(q.srf.iter().zip(&p.srf)) {
                        for (x, y) in a.values().iter().zip(b.values()) {
                            prop_assert!(*x >= y, "{:?} -> {:?}", i, j);
                        }
                    }
                }
                _ => {
                    // Reserve purchases never raise stress: more pace, or any start against none.
                    j.rmp_pace = (i.rmp_pace + d * 5.0).min(100.0);
                    let none = s.inputs.rmp_start.options.iter().position(|o| o.start.is_none()).unwrap();
                    let without = e.project(&Inputs { rmp_start: none, ..i }, &[]);
                    let faster = e.project(&j, &[]);
                    for (less, more) in [(&faster, &p), (&p, &without)] {
                        for (a, b) in less.spread.iter().zip(&more.spread).chain(less.srf.iter().zip(&more.srf)) {
                            for (x, y) in a.values().iter().zip(b.values()) {
                                prop_assert!(*x <= y, "{:?} -> {:?}", i, j);
                            }
                        }
                    }
                }
            }
            Ok(())
        })?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// Every series' year-end median moves the way the scenario declares for every input,
    /// anywhere in the box (individual paths need not: the volatility terms widen the band
    /// around an unmoved centre, so a path far out in a tail moves further out).
    #[test]
    fn every_series_median_moves_in_its_declared_direction(i in any_inputs(), d in 0.0..=1.0f64, which in 0usize..5) {
        SMALL.with(|e| {
            let s = e.scenario();
            let def = &INPUTS[which];
            let (lo, hi) = match def.kind {
                Kind::Number => {
                    let spec = match s.inputs.get(def.id) {
                        tapecast::scenario::Spec::Number(n) => n,
                        tapecast::scenario::Spec::Choice(_) => unreachable!(),
                    };
                    let x = i.get(def.id);
                    (i, i.with(def.id, (x + d * (spec.max - spec.min) * 0.2).min(spec.max)))
                }
                Kind::Choice => {
                    // Two options, ordered by how early they start.
                    let n = s.inputs.rmp_start.options.len();
                    let (a, b) = (i.rmp_start, (i.rmp_start + 1 + (d * n as f64) as usize) % n);
                    let (early, late) = if start_rank(s, a) >= start_rank(s, b) { (a, b) } else { (b, a) };
                    (i.with(def.id, late as f64), i.with(def.id, early as f64))
                }
            };
            let (p, q) = (e.project(&lo, &[]), e.project(&hi, &[]));
            for (k, asset) in s.assets.iter().enumerate() {
                let (before, after) = (p.assets[k].horizon.p50, q.assets[k].horizon.p50);
                match asset.direction(def.id) {
                    Direction::Up => prop_assert!(after >= before, "{} median fell as {} rose: {before} -> {after} ({:?} -> {:?})", asset.id, def.field, lo, hi),
                    Direction::Down => prop_assert!(after <= before, "{} median rose as {} rose: {before} -> {after} ({:?} -> {:?})", asset.id, def.field, lo, hi),
                    Direction::None => {}
                }
            }
            Ok(())
        })?;
    }

    /// The volatility terms alone (every direct channel off) move no series' year-end median by
    /// more than 0.1% of its level, anywhere in the box.
    #[test]
    fn volatility_terms_alone_move_no_median(i in any_inputs()) {
        VOL_ONLY.with(|e| {
            let base = e.project(&Inputs::as_of(e.scenario()), &[]);
            let p = e.project(&i, &[]);
            for (a, b) in p.assets.iter().zip(&base.assets) {
                let id = &e.scenario().assets[a.asset].id;
                let moved = (a.horizon.p50 - b.horizon.p50).abs() / b.horizon.p50.abs();
                prop_assert!(moved <= 1e-3, "{id}: median {} -> {} at {:?}", b.horizon.p50, a.horizon.p50, i);
            }
            Ok(())
        })?;
    }
}

#[test]
fn volatility_terms_widen_the_band() {
    // A miss and a shortfall raise the market factor's volatility: the S&P 500's 5–95% band is
    // wider, its median (direct channels off) the same.
    let e = vol_only(2000);
    let s = e.scenario();
    let spx = idx(&e, "spx");
    let calm = e.project(&Inputs { surprise: 0.0, shortfall: 0.0, ..Inputs::as_of(s) }, &[]).assets[spx].horizon;
    let wild = e.project(&Inputs { surprise: -25.0, shortfall: 500.0, rmp_start: 0, ..Inputs::as_of(s) }, &[]).assets[spx].horizon;
    assert!(wild.p95 - wild.p5 > 1.3 * (calm.p95 - calm.p5), "{calm:?} -> {wild:?}");
    assert!((wild.p50 / calm.p50 - 1.0).abs() < 1e-3, "{calm:?} -> {wild:?}");
}

#[test]
fn full_size_spot_checks_of_the_same_properties() {
    let e = engine_with_paths(2000);
    let s = e.scenario();
    let base = Inputs::as_of(s);
    let p = e.project(&base, &[]);
    let beat = e.project(&Inputs { surprise: 10.0, ..base }, &[]);
    let dovish = e.project(&Inputs { cut_odds: 90.0, ..base }, &[]);
    let short = e.project(&Inputs { shortfall: 400.0, ..base }, &[]);
    assert!(horizon(&e, &beat, "spx").p50 > horizon(&e, &p, "spx").p50);
    assert!(horizon(&e, &dovish, "us2y").p50 < horizon(&e, &p, "us2y").p50);
    assert!(short.spread.iter().zip(&p.spread).all(|(a, b)| a.p95 >= b.p95));
}

/// Median change of a series from the as-of close to a day, in percent (prices) or bp (rates).
fn change(e: &Engine, p: &Projection, id: &str, day: usize) -> f64 {
    let a = &e.scenario().assets[idx(e, id)];
    let b = p.assets[idx(e, id)].daily.as_ref().unwrap()[day];
    match a.quote {
        tapecast::scenario::Quote::Price => (b.p50 / a.start - 1.0) * 100.0,
        tapecast::scenario::Quote::Rate => (b.p50 - a.start) * 100.0,
    }
}

#[test]
fn a_fully_unexpected_25bp_cut_moves_stocks_about_one_percent_and_the_2_year_15bp() {
    // With common random numbers, all cut (odds 100) against none (odds 0) differs after the
    // meeting by exactly one 25 bp cut; before the meeting the repricing is compared at the
    // same priced odds, so the meeting-day difference is the surprise effect.
    let e = engine_with_paths(2000);
    let s = e.scenario();
    let m = e.timeline().meeting;
    let fans = [idx(&e, "spx"), idx(&e, "us2y"), idx(&e, "ndx"), idx(&e, "health")];
    let cut = e.project(&Inputs { cut_odds: 100.0, ..Inputs::as_of(s) }, &fans);
    let hold = e.project(&Inputs { cut_odds: 0.0, ..Inputs::as_of(s) }, &fans);
    // Differences on the meeting day, less the difference the day before (the repricing).
    let jump = |id: &str| (change(&e, &cut, id, m) - change(&e, &hold, id, m)) - (change(&e, &cut, id, m - 1) - change(&e, &hold, id, m - 1));
    let repriced = |id: &str| change(&e, &cut, id, m - 1) - change(&e, &hold, id, m - 1);
    // Odds 0 -> 100 before the meeting reprice a full 25 bp too; the meeting adds nothing then.
    let total = |id: &str| change(&e, &cut, id, m) - change(&e, &hold, id, m);
    let spx = total("spx");
    assert!((0.6..=1.2).contains(&spx), "S&P 500 per 25 bp: {spx:.3}% (Bernanke-Kuttner: about 1%)");
    let two = total("us2y");
    assert!((-16.0..=-14.5).contains(&two), "2-year per 25 bp: {two:.2} bp (Kuttner: -15.35)");
    assert!(total("ndx") > spx && total("health") < spx, "tech more, healthcare less");
    assert!(jump("us2y").abs() < 1e-6 && repriced("us2y") < -14.5, "fully priced odds leave no meeting-day jump");
}

#[test]
fn a_one_percent_nvidia_move_adds_eight_basis_points_to_the_sp500_mechanically() {
    // Switch off the spill-over: what remains is the mechanical 8% weight.
    let mut s = default_scenario();
    s.simulation.paths = 500;
    let spx = s.asset_index("spx").unwrap();
    s.assets[spx].earnings_spill = 0.0;
    let e = Engine::new(s).unwrap();
    let d = e.timeline().earnings;
    let up = e.project(&Inputs { surprise: 10.0, ..Inputs::as_of(e.scenario()) }, &[spx]);
    let flat = e.project(&Inputs { surprise: 0.0, ..Inputs::as_of(e.scenario()) }, &[spx]);
    let per_pp = (change(&e, &up, "spx", d) - change(&e, &flat, "spx", d)) / 10.0;
    // Log returns: exp(0.8%) - 1 = 0.803%.
    assert!((per_pp - 0.08).abs() < 0.001, "mechanical S&P move per 1% of Nvidia: {per_pp:.4} pp");
}

#[test]
fn the_as_of_state_projects_a_sensible_base_case() {
    let e = engine_with_paths(2000);
    let s = e.scenario();
    let p = e.project_all(&Inputs::as_of(s));
    let spx = horizon(&e, &p, "spx");
    let start = s.assets[idx(&e, "spx")].start;
    // No drift beyond the channels: the median within 2% of the close; the 90% band about
    // ±1.645 × 15.5% × sqrt(31/252) ≈ ±9%, a little wider on the downside (asymmetric stress).
    assert!((spx.p50 / start - 1.0).abs() < 0.02, "S&P median {:.0}", spx.p50);
    let (lo, hi) = (spx.p5 / start - 1.0, spx.p95 / start - 1.0);
    assert!((-0.14..=-0.06).contains(&lo) && (0.06..=0.12).contains(&hi), "S&P 90% band {lo:.3}..{hi:.3}");
    // Funding: calm most days; month-end and year-end prints above the SRF rate, far from 2019.
    let peak = p.spread.iter().map(|b| b.p50).fold(f64::MIN, f64::max);
    assert!((10.0..=60.0).contains(&peak), "peak median SOFR - IORB {peak:.1} bp");
    let srf = p.srf.iter().map(|b| b.p95).fold(f64::MIN, f64::max);
    assert!((10.0..=200.0).contains(&srf), "peak SRF use {srf:.0} bn");
    // Rates: the meeting is a coin toss at 40%, so the 2-year median stays near 3.57%.
    let two = horizon(&e, &p, "us2y");
    assert!((two.p50 - 3.57).abs() < 0.12, "2-year median {:.3}", two.p50);
}

#[test]
fn the_2019_replay_spikes_only_without_the_srf() {
    let mut s = default_scenario();
    s.simulation.paths = 500;
    let e = Engine::new(s.clone()).unwrap();
    let replay = Inputs::preset(&s, "2019-replay").unwrap();
    let tax = e.timeline().index_of("2025-12-16").unwrap();
    let with = e.project(&replay, &[]).spread[tax];
    s.funding.srf_enabled = false;
    let without = Engine::new(s).unwrap().project(&replay, &[]).spread[tax];
    assert!(without.p50 >= 200.0, "no SRF: {:.0} bp", without.p50);
    assert!(with.p50 < 100.0, "with the SRF: {:.0} bp", with.p50);
}

#[test]
fn same_inputs_same_numbers() {
    let a = engine_with_paths(500);
    let b = engine_with_paths(500);
    let i = Inputs { surprise: -6.5, cut_odds: 22.0, shortfall: 260.0, rmp_start: 1, rmp_pace: 35.0 };
    assert_eq!(a.project_all(&i), b.project_all(&i));
    assert_eq!(a.project(&i, &[3]), a.project(&i, &[3]));
}

/// What a caller keeps (the funding stress, the surprise-free percentiles) gives the same numbers
/// as projecting afresh, over a reader's session: runs of surprise drags (only the surprise's
/// terms are applied again), moves of the cut odds (the kept stress rows are read), moves of the
/// shortfall and the purchases (everything is kept again), on every kind of fan request, the
/// credit series' fan among them.
#[test]
fn what_is_kept_between_projections_changes_no_number() {
    use proptest::strategy::ValueTree;
    let e = engine_with_paths(300);
    let credit = e.scenario().asset_index(&e.scenario().chain.credit_asset).expect("the story names its credit series");
    let mut kept = tapecast::model::Kept::default();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let steps = proptest::collection::vec((any_inputs(), 0usize..4, 0u8..4), 300);
    let session = steps.new_tree(&mut runner).expect("a session").current();
    let mut i = Inputs::as_of(e.scenario());
    for (n, (next, fan, moves)) in session.into_iter().enumerate() {
        i.surprise = next.surprise;
        if moves >= 2 {
            i.cut_odds = next.cut_odds;
        }
        if moves == 3 {
            (i.shortfall, i.rmp_start, i.rmp_pace) = (next.shortfall, next.rmp_start, next.rmp_pace);
        }
        let fans = [if fan == 3 { credit } else { fan }];
        assert_eq!(e.project_keeping(&i, &fans, &mut kept), e.project(&i, &fans), "step {n}: {i:?}");
    }
}

#[test]
fn fans_agree_with_the_horizon_distribution() {
    let e = engine_with_paths(500);
    let i = Inputs::as_of(e.scenario());
    let p = e.project_all(&i);
    let h = e.timeline().horizon;
    for a in &p.assets {
        let day = a.daily.as_ref().unwrap()[h];
        for (x, y) in day.values().iter().zip(a.horizon.values()) {
            assert!((x - y).abs() <= 1e-9 * y.abs().max(1.0), "{}: {x} vs {y}", a.asset);
        }
    }
}

#[test]
fn the_default_scenario_round_trips_through_json() {
    let s = default_scenario();
    let json = serde_json::to_string_pretty(&s).unwrap();
    let back: Scenario = from_json(&json).unwrap();
    assert_eq!(back, s);
    assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json);
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
}

#[test]
fn each_kind_of_bad_field_has_its_own_readable_message() {
    let mut s = default_scenario();
    s.assets[3].vol = -0.2;
    s.assets[1].market = 0.9;
    s.assets[1].ai = 0.9;
    s.assets[2].id = "spx".into();
    s.assets[4].start = f64::NAN;
    s.calendar.events[0].date = "2025-11-22".into();
    s.calendar.holidays[0] = "27 Nov".into();
    s.inputs.cut_odds.max = -1.0;
    s.funding.drains[1].days = 0;
    s.chain.credit_asset = "junk".into();
    s.presets[1].rmp_start = "someday".into();
    s.presets[2].shortfall = 9000.0;
    s.id = "Bad Id!".into();
    let messages: Vec<String> = validate(&s).iter().map(|p| p.to_string()).collect();
    let expect = [
        "assets[3].vol: -0.2 is below 0",
        "assets[1].market: market² + ai² + rates² = 1.62 should be at most 1",
        "assets[2].id: \"spx\" is used by an earlier asset",
        "assets[4].start: NaN is not a finite number",
        "calendar.events[0].date: \"2025-11-22\" is not a trading day",
        "calendar.holidays[0]: \"27 Nov\" is not a date of the form YYYY-MM-DD",
        "inputs.cut_odds.max: -1 is below 0",
        "funding.drains[1].days: 0 is below 1",
        "chain.credit_asset: \"junk\" is not the id of an asset",
        "presets[1].rmp_start: \"someday\" is not one of inputs.rmp_start.options",
        "presets[2].shortfall: 9000 is above 500",
        "id: \"Bad Id!\" is not an id",
    ];
    for e in expect {
        assert!(messages.iter().any(|m| m.starts_with(e)), "missing {e:?} in {messages:#?}");
    }
    assert!(Engine::new(s).is_err());
}

#[test]
fn malformed_scenario_files_say_where() {
    let err = from_json("{\"id\": 5}").unwrap_err();
    assert!(err.contains("line 1"), "{err}");
    let mut v: serde_json::Value = serde_json::from_str(tapecast::scenario::DEFAULT_SCENARIO_JSON).unwrap();
    v["assets"][0]["vol"] = serde_json::json!("fast");
    let err = from_json(&v.to_string()).unwrap_err();
    assert!(err.contains("invalid type") && err.contains("fast"), "{err}");
}

#[test]
fn numbers_match_the_committed_reference() {
    // Native and wasm (tests/web.rs) both compare against this file, to 1e-9 relative.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/projection.txt");
    let e = Engine::new(default_scenario()).unwrap();
    if std::env::var("TAPECAST_BLESS").is_ok() {
        std::fs::write(path, tapecast::golden::render(&e)).unwrap();
    }
    let reference = std::fs::read_to_string(path)
        .expect("tests/golden/projection.txt is missing; CI does not create it: run `TAPECAST_BLESS=1 cargo test --test model numbers_match` and review the diff");
    let problems = tapecast::golden::compare(&e, &reference, 1e-9);
    assert!(
        problems.is_empty(),
        "the projection changed. If intended (a model or scenario change), re-run with TAPECAST_BLESS=1 and commit the diff:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_horizon_day_is_not_a_dip() {
    // The year-end turn is the horizon: a one-day balance-sheet premium must not bend the
    // easing's effect on that day only (it was +1.04% per 25 bp on 31 Dec, +1.18% around it).
    let e = engine_with_paths(2000);
    let s = e.scenario();
    let h = e.timeline().horizon;
    let fans = [idx(&e, "spx")];
    let cut = e.project(&Inputs { cut_odds: 100.0, ..Inputs::as_of(s) }, &fans);
    let hold = e.project(&Inputs { cut_odds: 0.0, ..Inputs::as_of(s) }, &fans);
    let effect = |day: usize| change(&e, &cut, "spx", day) - change(&e, &hold, "spx", day);
    let (before, at, after) = (effect(h - 1), effect(h), effect(h + 1));
    assert!((at - before).abs() < 0.02 && (at - after).abs() < 0.02, "per 25 bp: {before:.3}% {at:.3}% {after:.3}%");
}

#[test]
fn the_month_end_spread_is_a_distribution_not_a_constant() {
    // Per-path balance-sheet tightness and the SRF's take-up curve: at the as-of state the
    // November month-end's SOFR − IORB has a 5–95% band wider than 5 bp (it was +24.7 to +25.0).
    let e = engine_with_paths(2000);
    let p = e.project(&Inputs::as_of(e.scenario()), &[]);
    let day = e.timeline().index_of("2025-11-28").unwrap();
    let b = p.spread[day];
    assert!(b.p95 - b.p5 > 5.0, "28 Nov: {b:?}");
}

#[test]
fn the_corner_of_the_box_stays_near_the_calibrated_range() {
    // Shortfall 500 and no purchases: the SRF's take-up (up to its $500 bn limit) keeps the
    // median peak far below the September 2019 print without a backstop (+315 bp).
    let e = engine_with_paths(2000);
    let s = e.scenario();
    let none = s.inputs.rmp_start.options.iter().position(|o| o.start.is_none()).unwrap();
    let i = Inputs { shortfall: s.inputs.shortfall.max, rmp_start: none, rmp_pace: 0.0, ..Inputs::as_of(s) };
    let h = e.headline(&e.project(&i, &[]));
    assert!(h.spread_peak.p50 < 315.0, "{:?}", h.spread_peak);
}

/// The default scenario with room for abundant reserves: an author may let the shortfall go
/// negative (reserves above the ample threshold).
fn engine_with_abundance(paths: u32) -> Engine {
    let mut s = default_scenario();
    s.simulation.paths = paths;
    s.inputs.shortfall.min = -500.0;
    Engine::new(s).expect("validates")
}

#[test]
fn abundant_reserves_leave_the_turn_calm() {
    // Model version 3: the balance-sheet premium is intermediation withdrawn ($bn), so with
    // $100 bn of reserves above the ample threshold the turn's 95th percentile stays within
    // 5 bp of the ample spread (version 2: +20 bp on every path) and the SRF lends a few $bn at
    // most, against the $18.5 bn of the smallest 2025 period-end (version 2: $33.5 bn).
    let e = engine_with_abundance(2000);
    let s = e.scenario();
    let ample = s.funding.spread_ample_bp;
    let tl = e.timeline();
    let (month_end, turn) = (tl.index_of("2025-11-28").unwrap(), tl.index_of("2025-12-31").unwrap());
    let p = e.project(&Inputs { shortfall: -100.0, ..Inputs::as_of(s) }, &[]);
    for day in [month_end, turn] {
        let (spread, srf) = (p.spread[day], p.srf[day]);
        assert!(spread.p95 <= ample + 5.0, "{}: {spread:?}", tl.dates[day]);
        assert!(srf.p50 <= 5.0 && srf.p95 <= 10.0, "{}: {srf:?}", tl.dates[day]);
    }
    assert!(p.spread[turn].p95 > p.spread[turn].p5, "the turn still depends on the path");
    // $200 bn above ample: every day, every percentile, is the ample spread with an idle SRF.
    let p = e.project(&Inputs { shortfall: -200.0, ..Inputs::as_of(s) }, &[]);
    for (spread, srf) in p.spread.iter().zip(&p.srf) {
        assert!(spread.values().iter().all(|&v| v == ample) && srf.values().iter().all(|&v| v == 0.0), "{spread:?} {srf:?}");
    }
}

#[test]
fn the_spread_rises_with_the_shortfall_from_abundance_to_scarcity() {
    // Every day (ordinary, month-end, the turn), every percentile of SOFR − IORB and SRF use,
    // from $300 bn above the ample threshold to the box's corner.
    let e = engine_with_abundance(500);
    let s = e.scenario();
    let mut last: Option<Projection> = None;
    for i in 0..=80 {
        let shortfall = -300.0 + 10.0 * i as f64;
        let p = e.project(&Inputs { shortfall, ..Inputs::as_of(s) }, &[]);
        if let Some(q) = &last {
            for (a, b) in p.spread.iter().zip(&q.spread).chain(p.srf.iter().zip(&q.srf)) {
                for (x, y) in a.values().iter().zip(b.values()) {
                    assert!(*x >= y, "at {shortfall}: {a:?} after {b:?}");
                }
            }
        }
        last = Some(p);
    }
}

#[test]
fn balance_sheet_dates_keep_their_as_of_medians_and_bands() {
    // The premiums ($bn) are sized so that at the as-of state the November month-end and the
    // turn keep version 2's medians (+22.7 bp and +32.2 bp, set from the 31 Oct and
    // mid-September 2025 prints), and the tightness so that the month-end's SRF use spans about
    // the $18.5–50 bn of those two period-ends (docs/MODEL.md §4.3).
    let e = engine_with_paths(2000);
    let tl = e.timeline();
    let p = e.project(&Inputs::as_of(e.scenario()), &[]);
    let (month_end, turn) = (tl.index_of("2025-11-28").unwrap(), tl.index_of("2025-12-31").unwrap());
    let (me, ye) = (p.spread[month_end], p.spread[turn]);
    assert!((me.p50 - 22.7).abs() < 0.5, "28 Nov: {me:?}");
    assert!((ye.p50 - 32.2).abs() < 0.5, "31 Dec: {ye:?}");
    let srf = p.srf[month_end];
    assert!(srf.p5 >= 18.5 && srf.p95 <= 50.35, "28 Nov SRF use: {srf:?}");
    assert!(ye.p5 >= 20.0 && ye.p95 <= 45.0, "31 Dec: {ye:?}");
}
