//! Prints docs/MODEL.md's decomposition table from the engine: for each input, its effect on the
//! year-end median of the S&P 500, Nasdaq-100, healthcare, 2-year and high-yield, split by
//! channel (direct, policy, funding, chain, volatility), at the as-of state and two presets.
//! Run with `cargo run --release --example decomposition`.
//!
//! Channels are switched on one at a time in that order (every coefficient of the others zero)
//! and each is credited with the change it adds, so a row's channels sum to its total.

use tapecast::scenario::{default_scenario, InputId, Kind, Quote, Scenario, Spec, INPUTS};
use tapecast::text::num;
use tapecast::{Engine, Inputs};

const SERIES: [&str; 5] = ["spx", "ndx", "health", "us2y", "hy"];
const STATES: [&str; 3] = ["as-of", "nvda-misses", "fed-blinks"];
const CHANNELS: [&str; 5] = ["direct", "policy", "funding", "chain", "volatility"];

/// The scenario with only the first `on` channels switched on.
fn with_channels(base: &Scenario, on: usize) -> Engine {
    let mut s = base.clone();
    for a in &mut s.assets {
        if on < 1 {
            a.earnings_weight = 0.0;
            a.earnings_spill = 0.0;
        }
        if on < 2 {
            a.policy = 0.0;
        }
        if on < 3 {
            a.funding = 0.0;
        }
    }
    if on < 4 {
        s.chain.rate_mute = 0.0;
        s.chain.credit_miss_stress_bp = 0.0;
    }
    if on < 5 {
        s.chain.vol_miss = 0.0;
        s.chain.vol_stress = 0.0;
    }
    Engine::new(s).expect("the built-in scenario validates")
}

/// The move of each input the table reports, and its description.
fn moved(s: &Scenario, i: Inputs, id: InputId) -> (Inputs, String) {
    let field = id.def().field;
    match (id.def().kind, s.inputs.get(id)) {
        (Kind::Number, Spec::Number(n)) => {
            // A miss of one implied move; odds +25 pp; $100 bn more short; $20 bn a month more.
            let step = match id {
                InputId::Surprise => -s.chain.implied_move,
                InputId::CutOdds => 25.0,
                InputId::Shortfall => 100.0,
                _ => 20.0,
            };
            let to = (i.get(id) + step).clamp(n.min, n.max);
            (i.with(id, to), format!("{field} {} → {}", num::plain(i.get(id)), num::plain(to)))
        }
        (_, Spec::Choice(c)) => {
            // Purchases from the earliest option instead of the state's.
            let earliest = (0..c.options.len()).filter(|&k| c.options[k].start.is_some()).min_by_key(|&k| c.options[k].start.clone()).unwrap_or(0);
            (i.with(id, earliest as f64), format!("{field} {} → {}", c.options[i.rmp_start].id, c.options[earliest].id))
        }
        _ => unreachable!("kinds follow the table"),
    }
}

fn main() {
    let base = default_scenario();
    let engines: Vec<Engine> = (0..=CHANNELS.len()).map(|on| with_channels(&base, on)).collect();
    let index: Vec<usize> = SERIES.iter().map(|id| base.asset_index(id).expect("series")).collect();
    let change = |e: &Engine, from: &Inputs, to: &Inputs| -> Vec<f64> {
        let (p, q) = (e.project(from, &[]), e.project(to, &[]));
        index
            .iter()
            .map(|&a| {
                let (x, y) = (p.assets[a].horizon.p50, q.assets[a].horizon.p50);
                match base.assets[a].quote {
                    Quote::Price => (y / x - 1.0) * 100.0,
                    Quote::Rate => (y - x) * 100.0,
                }
            })
            .collect()
    };
    println!("| state | input move | series | direct | policy | funding | chain | volatility | total |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for state in STATES {
        let Some(from) = Inputs::preset(&base, state) else { continue };
        for d in &INPUTS {
            let (to, what) = moved(&base, from, d.id);
            let steps: Vec<Vec<f64>> = engines.iter().map(|e| change(e, &from, &to)).collect();
            for (k, &a) in index.iter().enumerate() {
                let unit = if base.assets[a].quote == Quote::Price { "%" } else { " bp" };
                let cells: Vec<String> = (0..CHANNELS.len())
                    .map(|c| num::signed(steps[c + 1][k] - steps[c][k], 2))
                    .collect();
                println!(
                    "| {state} | {what} | {} ({}) | {} | {}{unit} |",
                    base.assets[a].label.en,
                    unit.trim(),
                    cells.join(" | "),
                    num::signed(steps[CHANNELS.len()][k], 2)
                );
            }
        }
    }
}
