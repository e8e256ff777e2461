//! Authors' scenario files, mangled: whatever numbers, dates and ids a file holds, the engine
//! either refuses it with readable problems or projects it with finite, ordered numbers — and
//! never panics (in wasm a panic would take down every widget on the page).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use serde_json::Value;
use tapecast::scenario::{from_json, DEFAULT_SCENARIO_JSON};
use tapecast::{view, Engine, Inputs};

/// Every numeric leaf of a JSON document, as a path of keys and indices.
fn number_paths(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Number(_) => out.push(at.clone()),
        Value::Object(m) => {
            for (k, x) in m {
                at.push(k.clone());
                number_paths(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(i.to_string());
                number_paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn leaf<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        other => &mut other[k.as_str()],
    })
}

static PROJECTED: AtomicUsize = AtomicUsize::new(0);
static REFUSED: AtomicUsize = AtomicUsize::new(0);

const SCALES: [f64; 8] = [0.0, 0.25, 0.5, 0.9, 1.1, 1.5, 2.0, 3.0];
const EXTREMES: [f64; 12] = [-1e300, -5000.0, -1.0, -1e-9, 0.0, 1e-9, 0.5, 1.0, 7.0, 399.0, 5000.0, 1e300];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mangled_scenarios_are_refused_or_projected_cleanly(picks in proptest::collection::vec((0usize..10_000, 0usize..SCALES.len() + EXTREMES.len()), 1..5), date_shift in 0usize..6) {
        let mut doc: Value = serde_json::from_str(DEFAULT_SCENARIO_JSON).unwrap();
        let mut paths = Vec::new();
        number_paths(&doc, &mut Vec::new(), &mut paths);
        for (which, mode) in picks {
            let slot = leaf(&mut doc, &paths[which % paths.len()]);
            // Plausible edits (the author's number scaled) as often as wild ones.
            let new = match SCALES.get(mode) {
                Some(k) => slot.as_f64().unwrap_or(0.0) * k,
                None => EXTREMES[mode - SCALES.len()],
            };
            *slot = serde_json::json!(new);
        }
        // Dates an author might get wrong.
        match date_shift {
            1 => doc["calendar"]["end"] = "2025-11-18".into(),
            2 => doc["calendar"]["horizon"] = "2026-12-31".into(),
            3 => doc["funding"]["drains"][0]["date"] = "2025-02-30".into(),
            _ => {}
        }
        doc["simulation"]["paths"] = serde_json::json!(100);
        let Ok(scenario) = from_json(&doc.to_string()) else { return Ok(()) };
        match Engine::new(scenario) {
            Err(problems) => {
                REFUSED.fetch_add(1, Ordering::Relaxed);
                prop_assert!(!problems.is_empty());
                for p in problems {
                    prop_assert!(!p.field.is_empty() && !p.expected.is_empty(), "{p:?}");
                }
            }
            Ok(engine) => {
                PROJECTED.fetch_add(1, Ordering::Relaxed);
                let s = engine.scenario().clone();
                let mut states = vec![Inputs::as_of(&s)];
                states.extend(s.presets.iter().filter_map(|p| Inputs::preset(&s, &p.id)));
                for inputs in states {
                    let p = engine.project_all(&inputs);
                    for b in p.assets.iter().flat_map(|a| a.daily.iter().flatten().chain([&a.horizon])).chain(&p.spread).chain(&p.srf) {
                        let v = b.values();
                        prop_assert!(v.iter().all(|x| x.is_finite()), "{v:?}");
                        prop_assert!(v.windows(2).all(|w| w[0] <= w[1]), "{v:?}");
                    }
                    // Words and charts for it too.
                    let summary = view::summary(&engine, &p, tapecast::text::Lang::En);
                    prop_assert!(!summary.contains("NaN") && !summary.contains("n/a"), "{summary}");
                    for chart in view::charts(&engine, &p, 0, tapecast::text::Lang::Zh).unwrap() {
                        let svg = tapecast::chart::svg(&chart, &tapecast::chart::Style { palette: tapecast::chart::Palette::LIGHT, scale: 1.0, font: "sans-serif".into() }, 400, 300);
                        prop_assert!(!svg.contains("NaN"));
                    }
                }
            }
        }
    }
}

#[test]
fn the_mangling_reaches_both_outcomes() {
    // Runs after (or alongside) the property above in the same binary; on its own it mangles once more.
    mangled_scenarios_are_refused_or_projected_cleanly();
    let (p, r) = (PROJECTED.load(Ordering::Relaxed), REFUSED.load(Ordering::Relaxed));
    assert!(p >= 40 && r >= 40, "a fuzz that only ever refuses (or only ever projects) tests little: projected {p}, refused {r}");
}
