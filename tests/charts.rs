//! SVG snapshots of each chart panel for the as-of state, drawn by the same code as the canvas.
//!
//! A changed chart is written beside its snapshot as `NAME.new.svg` for review and the test
//! fails; a missing snapshot is never created silently (run with `TAPECAST_BLESS=1` to write
//! or accept snapshots, then review the diff).
#![cfg(not(target_arch = "wasm32"))]

use tapecast::chart::{svg, Chart, Palette, Style};
use tapecast::scenario::default_scenario;
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
        let card = Chart::Card(view::card_spec(&engine, &p, &inputs, 0, lang, "https://example.com/post#tc=nov-2025.s1.m1,preset").unwrap());
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
