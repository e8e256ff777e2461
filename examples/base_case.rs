//! Prints each preset's year-end medians and 5–95% bands, and the plumbing peaks: the numbers
//! docs/MODEL.md quotes. Run with `cargo run --release --example base_case [preset-id]`.

use tapecast::scenario::{default_scenario, Quote};
use tapecast::text::num;
use tapecast::{Engine, Inputs};

fn main() {
    let scenario = default_scenario();
    let engine = Engine::new(scenario.clone()).expect("the built-in scenario validates");
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    for preset in &scenario.presets {
        if !wanted.is_empty() && !wanted.contains(&preset.id) {
            continue;
        }
        let Some(inputs) = Inputs::preset(&scenario, &preset.id) else { continue };
        let p = engine.project(&inputs, &[]);
        let tl = engine.timeline();
        println!("\n## {} ({})\n", preset.label.en, preset.id);
        println!("| series | as of | year-end median | 5% | 95% |");
        println!("|---|---|---|---|---|");
        for a in &p.assets {
            let asset = &scenario.assets[a.asset];
            let d = if asset.quote == Quote::Rate { 2 } else if asset.start >= 1000.0 { 0 } else { 1 };
            let b = a.horizon;
            println!(
                "| {} | {} | {} | {} | {} |",
                asset.label.en,
                num::fixed(asset.start, d),
                num::fixed(b.p50, d),
                num::fixed(b.p5, d),
                num::fixed(b.p95, d)
            );
        }
        let h = engine.headline(&p);
        println!(
            "\nSOFR − IORB: median peak {} bp on {} (5–95%: {} to {}); SRF use: peak {} bn on {} (95th percentile {}).",
            num::signed(h.spread_peak.p50, 0),
            tl.dates[h.spread_peak_day],
            num::signed(h.spread_peak.p5, 0),
            num::signed(h.spread_peak.p95, 0),
            num::fixed(h.srf_peak.p50, 0),
            tl.dates[h.srf_peak_day],
            num::fixed(h.srf_peak.p95, 0)
        );
    }
}
