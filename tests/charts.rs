//! SVG snapshots of the chart panels, drawn by the same code as the canvas.
//!
//! A few are kept whole in `tests/snapshots/` for review in diffs: a changed chart is written
//! beside its snapshot as `NAME.new.svg` and the test fails. The whole matrix — every panel ×
//! en/zh × light/dark × 360/720 px × {as-of, two presets, the stressed corner, a preset
//! against the stressed corner pinned} — is kept as one
//! digest per image in `tests/snapshots/matrix.txt`: a changed or missing entry fails and writes
//! the image to `target/snapshot-review/` to look at. Nothing is ever created silently: run with
//! `TAPECAST_BLESS=1` to write or accept snapshots, then review the diff.
#![cfg(not(target_arch = "wasm32"))]

use tapecast::chart::{bars_height, svg, Chart, Palette, Style};
use tapecast::scenario::{default_scenario, InputId};
use tapecast::view::ChartKind;
use tapecast::text::Lang;
use tapecast::{view, Engine, Inputs};

fn style(palette: Palette) -> Style {
    Style { palette, scale: 1.0, font: "sans-serif".into() }
}

fn check(name: &str, actual: &str) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots");
    let path = format!("{dir}/{name}.svg");
    let fresh = format!("{dir}/{name}.new.svg");
    if std::env::var("TAPECAST_BLESS").is_ok() {
        std::fs::write(&path, actual).unwrap();
        let _ = std::fs::remove_file(&fresh);
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(expected) if expected == actual => {
            let _ = std::fs::remove_file(&fresh);
        }
        Ok(_) => {
            std::fs::write(&fresh, actual).unwrap();
            panic!("{name}: the chart changed; review tests/snapshots/{name}.new.svg, then accept with TAPECAST_BLESS=1");
        }
        Err(_) => panic!("{name}: no snapshot at {path}; snapshots are not created in CI — write it with TAPECAST_BLESS=1 and review it"),
    }
}

fn charts(lang: Lang) -> [Chart; 3] {
    let engine = Engine::new(default_scenario()).unwrap();
    let p = engine.project(&Inputs::as_of(engine.scenario()), &[0]);
    view::charts(&engine, &p, 0, lang).unwrap()
}

#[test]
fn each_panel_matches_its_snapshot() {
    let [fan, bars, plumbing] = charts(Lang::En);
    let height = match &bars {
        Chart::Bars(spec) => tapecast::chart::bars_height(spec, 720.0).ceil() as u32,
        _ => unreachable!(),
    };
    check("fan-en", &svg(&fan, &style(Palette::LIGHT), 720, 405));
    check("bars-en", &svg(&bars, &style(Palette::LIGHT), 720, height));
    check("plumbing-en", &svg(&plumbing, &style(Palette::LIGHT), 720, 360));
    let [fan, ..] = charts(Lang::Zh);
    check("fan-zh-dark", &svg(&fan, &style(Palette::DARK), 720, 405));
    let engine = Engine::new(default_scenario()).unwrap();
    let inputs = Inputs::preset(engine.scenario(), "fed-blinks").unwrap();
    let p = engine.project(&inputs, &[0]);
    for (lang, name, size) in [(Lang::En, "card-en", tapecast::chart::LANDSCAPE), (Lang::Zh, "card-zh-tall", tapecast::chart::PORTRAIT)] {
        let card = Chart::Card(view::card_spec(&engine, &p, &inputs, None, 0, lang, "https://example.com/post#tc=nov-2025.s1.m1,preset").unwrap());
        check(name, &svg(&card, &style(Palette::LIGHT), size.0, size.1));
    }
}

#[test]
fn svg_has_no_nan_and_escapes_nothing_dangerous() {
    for chart in charts(Lang::En) {
        let s = svg(&chart, &style(Palette::LIGHT), 480, 360);
        assert!(s.starts_with("<svg"), "{}", &s[..40]);
        assert!(!s.contains("NaN") && !s.contains("inf"), "no NaN on screen");
        assert!(!s.contains("<script"), "no script");
    }
}

/// FNV-1a, 64 bits: a stable digest of an image's bytes (no dependency, same on every machine).
fn digest(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

#[test]
fn the_whole_matrix_of_panels_matches_its_digests() {
    let engine = Engine::new(default_scenario()).unwrap();
    let s = engine.scenario();
    let corner = Inputs::as_of(s).with(InputId::Surprise, -25.0).with(InputId::CutOdds, 0.0).with(InputId::Shortfall, 500.0).with(InputId::RmpStart, 0.0).with(InputId::RmpPace, 0.0);
    // The last state is drawn against a pin: the stressed corner pinned, then Nvidia missing.
    let states = [
        ("as-of", Inputs::as_of(s), None),
        ("nvda-misses", Inputs::preset(s, "nvda-misses").unwrap(), None),
        ("fed-blinks", Inputs::preset(s, "fed-blinks").unwrap(), None),
        ("corner", corner, None),
        ("pinned", Inputs::preset(s, "nvda-misses").unwrap(), Some(corner)),
    ];
    let mut lines = Vec::new();
    for (state, inputs, pin) in &states {
        let p = engine.project(inputs, &[0]);
        let q = pin.map(|pin| engine.project(&pin, &[0]));
        for lang in [Lang::En, Lang::Zh] {
            for kind in ChartKind::ALL {
                let chart = view::chart_against(&engine, &p, q.as_ref(), kind, 0, lang).unwrap();
                for (theme, palette) in [("light", Palette::LIGHT), ("dark", Palette::DARK)] {
                    for width in [360u32, 720] {
                        let w = f64::from(width);
                        let height = match &chart {
                            Chart::Bars(spec) => bars_height(spec, w).ceil() as u32,
                            Chart::Plumbing(_) => (w * 3.0 / 4.0).clamp(260.0, 420.0) as u32,
                            _ => (w * 9.0 / 16.0).clamp(240.0, 440.0) as u32,
                        };
                        let image = svg(&chart, &style(palette), width, height);
                        let name = format!("{state}-{}-{}-{theme}-{width}", kind.name(), if lang == Lang::En { "en" } else { "zh" });
                        lines.push((name, digest(&image), image));
                    }
                }
            }
        }
    }
    assert_eq!(lines.len(), 5 * 2 * 3 * 2 * 2);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/matrix.txt");
    let text: String = lines.iter().map(|(n, d, _)| format!("{n} {d}\n")).collect();
    if std::env::var("TAPECAST_BLESS").is_ok() {
        std::fs::write(path, &text).unwrap();
        return;
    }
    let kept = std::fs::read_to_string(path).expect("tests/snapshots/matrix.txt: write it with TAPECAST_BLESS=1 and review the images");
    let review = concat!(env!("CARGO_MANIFEST_DIR"), "/target/snapshot-review");
    let mut changed = Vec::new();
    for (name, d, image) in &lines {
        if !kept.lines().any(|l| l == format!("{name} {d}")) {
            std::fs::create_dir_all(review).unwrap();
            std::fs::write(format!("{review}/{name}.svg"), image).unwrap();
            changed.push(name.clone());
        }
    }
    assert!(changed.is_empty(), "{} of {} panels changed or are new; look at them in target/snapshot-review/, then accept with TAPECAST_BLESS=1:\n{}", changed.len(), lines.len(), changed.join("\n"));
    assert_eq!(kept.lines().count(), lines.len(), "matrix.txt lists panels that are no longer drawn");
}
