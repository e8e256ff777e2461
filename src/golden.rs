//! Reference numbers for cross-platform checks: a projection written as text, one series a line,
//! so that native and wasm runs can be compared with the numbers committed in `tests/golden/`.

use crate::model::{Band, Engine};
use crate::Inputs;

/// The input states the reference file covers: the as-of state and a stressed one.
pub fn cases(engine: &Engine) -> Vec<(&'static str, Inputs)> {
    let base = Inputs::as_of(engine.scenario());
    let stressed = Inputs { surprise: -12.0, cut_odds: 15.0, shortfall: 420.0, rmp_start: 0, rmp_pace: 0.0 };
    vec![("as-of", base), ("stressed", stressed)]
}

/// `name p5 p25 p50 p75 p95` lines for every asset at the horizon and for the plumbing peaks.
pub fn lines(engine: &Engine) -> Vec<(String, Band)> {
    let mut out = Vec::new();
    for (case, inputs) in cases(engine) {
        let p = engine.project(&inputs, &[]);
        for a in &p.assets {
            out.push((format!("{case}/{}", engine.scenario().assets[a.asset].id), a.horizon));
        }
        let h = engine.headline(&p);
        out.push((format!("{case}/spread-peak"), h.spread_peak));
        out.push((format!("{case}/srf-peak"), h.srf_peak));
    }
    out
}

/// The reference text for an engine.
pub fn render(engine: &Engine) -> String {
    lines(engine)
        .iter()
        .map(|(name, b)| {
            let v = b.values();
            format!("{name} {:e} {:e} {:e} {:e} {:e}\n", v[0], v[1], v[2], v[3], v[4])
        })
        .collect()
}

/// Differences beyond `rel` (relative) between a reference text and an engine's numbers.
pub fn compare(engine: &Engine, reference: &str, rel: f64) -> Vec<String> {
    let mut problems = Vec::new();
    let got = lines(engine);
    let want: Vec<&str> = reference.lines().filter(|l| !l.trim().is_empty()).collect();
    if want.len() != got.len() {
        problems.push(format!("{} reference lines, {} computed", want.len(), got.len()));
    }
    for ((name, band), line) in got.iter().zip(want) {
        let mut parts = line.split_whitespace();
        if parts.next() != Some(name.as_str()) {
            problems.push(format!("line for {name} is {line:?}"));
            continue;
        }
        for (x, text) in band.values().iter().zip(parts) {
            match text.parse::<f64>() {
                Ok(y) if (x - y).abs() <= rel * y.abs().max(1e-12) => {}
                _ => problems.push(format!("{name}: computed {x:e}, reference {text}")),
            }
        }
    }
    problems
}
