//! Native benchmark of the engine: one full projection (scenario set-up with its random draws,
//! then a projection) and one input change that reuses the draws. Prints median and p95.
//!
//! Run with `cargo bench --bench project`. Budgets (issue 3): full ≤ 2 ms, update ≤ 1 ms.

use std::hint::black_box;
use std::time::Instant;
use tapecast::scenario::default_scenario;
use tapecast::{Engine, Inputs};

fn stats(mut xs: Vec<f64>) -> (f64, f64) {
    xs.sort_by(f64::total_cmp);
    let at = |q: f64| xs[((xs.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

/// Median and p95 of `runs` timings of `f` (after a tenth as many warm-up runs). What `f`
/// returns is dropped after the clock stops: freeing an engine is not part of a projection.
fn time<T>(runs: usize, mut f: impl FnMut(usize) -> T) -> (f64, f64) {
    for i in 0..runs / 10 {
        f(i);
    }
    let samples = (0..runs)
        .map(|i| {
            let t = Instant::now();
            let out = black_box(f(i));
            let ms = t.elapsed().as_secs_f64() * 1e3;
            drop(out);
            ms
        })
        .collect();
    stats(samples)
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` does not: then one quick smoke run.
    let quick = !std::env::args().any(|a| a == "--bench");
    let runs = |n: usize| if quick { 2 } else { n };
    let scenario = default_scenario();
    let paths = scenario.simulation.paths;
    let base = Inputs::as_of(&scenario);
    if std::env::var("TAPECAST_PROFILE_UPDATES").is_ok() {
        // For `perf record`: nothing but input changes.
        let engine = Engine::new(scenario.clone()).unwrap();
        for i in 0..2000 {
            let mut inputs = base;
            inputs.surprise = -10.0 + (i % 40) as f64 * 0.5;
            black_box(engine.project(black_box(&inputs), &[0]));
        }
        return;
    }
    if let Ok(path) = std::env::var("TAPECAST_TWIN_SPEC") {
        // The scenario as plain numbers for the plain-JavaScript twin (scripts/bench and
        // tests/e2e/twin.test.mjs).
        std::fs::write(&path, twin_spec(&Engine::new(scenario.clone()).unwrap())).unwrap();
        println!("wrote {path}");
        return;
    }
    if std::env::var("TAPECAST_PROFILE_FULL").is_ok() {
        // For `perf record`: nothing but full projections (set-up, draws, one projection).
        for _ in 0..300 {
            let engine = Engine::new(black_box(scenario.clone())).unwrap();
            black_box(engine.project(&base, &[0]));
        }
        return;
    }
    // A full projection: the scenario (parsed already, as in the browser) validated, its
    // calendar, plumbing tables and draws prepared, and one projection with the lead's fan. The
    // copy of the scenario it consumes is made before the clock starts.
    let mut copies = vec![scenario.clone(); runs(60) + runs(60) / 10].into_iter();
    let (full_med, full_p95) = time(runs(60), |_| {
        let engine = Engine::new(black_box(copies.next().unwrap())).unwrap();
        let projection = engine.project(&base, &[0]);
        (engine, projection)
    });
    let engine = Engine::new(scenario.clone()).unwrap();
    let (upd_med, upd_p95) = time(runs(400), |i| {
        let mut inputs = base;
        inputs.surprise = -10.0 + (i % 40) as f64 * 0.5;
        inputs.shortfall = 100.0 + (i % 7) as f64 * 30.0;
        engine.project(black_box(&inputs), &[0])
    });
    // A reader dragging the surprise: the other inputs stay, so the widget's kept surprise-free
    // percentiles take the surprise's terms and no path is walked.
    let mut kept = tapecast::model::Kept::default();
    let (drag_med, drag_p95) = time(runs(400), |i| {
        let mut inputs = base;
        inputs.surprise = -10.0 + (i % 40) as f64 * 0.5;
        engine.project_keeping(black_box(&inputs), &[0], &mut kept)
    });
    let (all_med, all_p95) = time(runs(100), |_| {
        engine.project_all(black_box(&base))
    });
    let values: Vec<f64> = {
        let mut x = 7u64;
        (0..paths)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let u = ((x >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
                libm::log(u / (1.0 - u))
            })
            .collect()
    };
    let (band_med, band_p95) = time(runs(2000), |_| {
        black_box(tapecast::model::band(black_box(&values)));
    });
    if quick {
        println!("bench smoke run ok (use `cargo bench --bench project` for figures)");
        return;
    }
    println!("tapecast native bench ({paths} paths, {} assets, {} days)", scenario.assets.len(), engine.timeline().days());
    println!("| case | median ms | p95 ms | budget ms |");
    println!("|---|---|---|---|");
    println!("| full projection (validate + draws + project; freeing it not timed) | {full_med:.3} | {full_p95:.3} | 2.0 |");
    println!("| input change (draws reused, 1 fan) | {upd_med:.3} | {upd_p95:.3} | 1.0 |");
    println!("| surprise drag (the other inputs' percentiles kept, 1 fan) | {drag_med:.3} | {drag_p95:.3} | - |");
    println!("| input change, daily fans for every asset | {all_med:.3} | {all_p95:.3} | - |");
    println!("| percentiles of {paths} values (one band) | {band_med:.4} | {band_p95:.4} | - |");
}

/// Everything the plain-JavaScript twin (bench/twin.js) needs, as JSON: the calendar, the funding
/// stress tables and each asset's parameters. The twin redoes the draws and the projection.
fn twin_spec(e: &Engine) -> String {
    use tapecast::model::DayKind;
    use tapecast::scenario::Quote;
    let (s, tl, pl) = (e.scenario(), e.timeline(), e.plumbing());
    let kind = |k: &DayKind| match k {
        DayKind::Ordinary => 0,
        DayKind::MonthEnd => 1,
        DayKind::YearEnd => 2,
    };
    let assets: Vec<_> = s
        .assets
        .iter()
        .map(|a| {
            serde_json::json!({
                "price": a.quote == Quote::Price, "start": a.start, "vol": a.vol,
                "market": a.market, "ai": a.ai, "rates": a.rates, "mean_reversion": a.mean_reversion,
                "earnings_response": a.earnings_response(), "policy": a.policy, "funding": a.funding,
                "long_run_pull": a.long_run_pull(),
            })
        })
        .collect();
    let rmp_start: Vec<i64> = s
        .inputs
        .rmp_start
        .options
        .iter()
        .map(|o| o.start.as_deref().and_then(|d| tl.index_of(d)).map_or(-1, |i| i as i64))
        .collect();
    serde_json::json!({
        "paths": s.simulation.paths, "seed": s.simulation.seed,
        "trading_days_per_year": s.simulation.trading_days_per_year,
        "days": tl.days(), "horizon": tl.horizon, "earnings": tl.earnings, "meeting": tl.meeting,
        "qt_end": tl.qt_end, "vol_multiplier": tl.vol_multiplier, "drain_bn": tl.drain_bn,
        "kind": tl.kind.iter().map(kind).collect::<Vec<_>>(),
        "noise_bn": s.funding.noise_bn, "noise_persistence": s.funding.noise_persistence,
        "tightness_bn": [0.0, s.funding.tightness_month_end_bn, s.funding.tightness_year_end_bn],
        "qt_runoff_bn_per_month": s.funding.qt_runoff_bn_per_month,
        "stress_table": pl.stress_table(),
        "premium_bn": [0.0, s.funding.premium_month_end_bn, s.funding.premium_year_end_bn],
        "chain": {
            "implied_move": s.chain.implied_move, "vol_miss": s.chain.vol_miss, "vol_stress": s.chain.vol_stress,
            "rate_mute": s.chain.rate_mute, "credit_miss_stress_bp": s.chain.credit_miss_stress_bp,
            "credit": s.asset_index(&s.chain.credit_asset).map_or(-1, |i| i as i64),
        },
        "cut_odds_as_of": s.inputs.cut_odds.as_of, "rmp_start": rmp_start,
        "as_of": {
            "surprise": s.inputs.surprise.as_of, "cut_odds": s.inputs.cut_odds.as_of,
            "shortfall": s.inputs.shortfall.as_of, "rmp_start": s.inputs.rmp_start.as_of,
            "rmp_pace": s.inputs.rmp_pace.as_of,
        },
        "assets": assets,
    })
    .to_string()
}
