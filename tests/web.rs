//! The wasm boundary in real headless Chromium (wasm-bindgen-test): exports accept valid input,
//! reject invalid input with readable errors, draw real pixels and never panic.
#![cfg(target_arch = "wasm32")]

use tapecast::web::Widget;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&c).unwrap();
    c
}

fn options(lang: &str) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"lang".into(), &lang.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn builds_from_the_built_in_scenario_and_draws_at_dpr_2() {
    let mut w = Widget::new(JsValue::UNDEFINED).expect("default widget");
    let c = canvas();
    w.draw("fan", c.clone(), 640.0, 360.0, 2.0, false, "sans-serif").expect("draws");
    assert_eq!((c.width(), c.height()), (1280, 720));
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, 1280.0, 720.0).unwrap().data();
    let distinct: std::collections::HashSet<[u8; 4]> =
        data.chunks(4).step_by(97).map(|p| [p[0], p[1], p[2], p[3]]).collect();
    assert!(distinct.len() > 8, "the chart has more than a background: {} colours", distinct.len());
    assert!(w.summary().contains("S&P 500"), "{}", w.summary());
}

#[wasm_bindgen_test]
fn inputs_are_validated_with_readable_messages() {
    let mut w = Widget::new(options("en")).unwrap();
    assert_eq!(w.set("cut-odds", "70"), None);
    assert_eq!(w.get("cut-odds"), "70");
    assert_eq!(w.set("cut-odds", "170").as_deref(), Some("cut-odds: 170 is above the maximum 100 (used 100)"));
    let nan = w.set("surprise", "NaN").unwrap();
    assert!(nan.starts_with("surprise: \"NaN\" is not a number"), "{nan}");
    assert!(w.set("no-such-input", "1").unwrap().contains("is not an input"));
    assert!(!w.preset("<img src=x>"));
    assert!(w.preset("2019-replay"));
    assert_eq!(w.get("shortfall"), "350");
    assert!(!w.select_asset("nope"));
    assert!(w.select_asset("btc"));
}

#[wasm_bindgen_test]
fn hostile_values_never_panic_and_never_reach_the_screen_as_nan() {
    let mut w = Widget::new(options("zh")).unwrap();
    let c = canvas();
    for (field, value) in [
        ("surprise", "1e308"), ("surprise", "-Infinity"), ("shortfall", "<script>alert(1)</script>"),
        ("rmp-pace", ""), ("rmp-start", "\u{0}"), ("cut-odds", "-0"), ("shortfall", "99999999999999999999"),
    ] {
        let _ = w.set(field, value);
        for kind in ["fan", "bars", "plumbing"] {
            w.draw(kind, c.clone(), 320.0, 240.0, 1.0, true, "serif").unwrap();
        }
        let s = w.summary();
        assert!(!s.contains("NaN") && !s.contains("n/a") && !s.contains("inf"), "{s}");
    }
    // Out-of-range canvas sizes are clamped, not fatal.
    w.draw("plumbing", c.clone(), f64::NAN, -5.0, 1e9, false, "").unwrap();
    assert!(c.width() >= 1 && c.height() >= 1);
    assert!(w.draw("pie", c.clone(), 100.0, 100.0, 1.0, false, "").is_err(), "unknown kinds are refused");
    assert!(!w.csv().contains("NaN"));
}

/// The built-in scenario as a JS object, with the fourth asset's volatility set to `vol`.
fn scenario_with_vol(vol: f64) -> JsValue {
    let v = js_sys::JSON::parse(tapecast::scenario::DEFAULT_SCENARIO_JSON).unwrap();
    let assets = js_sys::Reflect::get(&v, &"assets".into()).unwrap();
    let fourth = js_sys::Reflect::get(&assets, &3.into()).unwrap();
    js_sys::Reflect::set(&fourth, &"vol".into(), &vol.into()).unwrap();
    v
}

fn with_scenario(scenario: &JsValue) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"scenario".into(), scenario).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn a_bad_author_scenario_is_refused_with_every_problem_and_its_path() {
    let err = Widget::new(with_scenario(&scenario_with_vol(-0.2))).err().expect("refused").as_string().unwrap();
    assert!(err.contains("assets[3].vol: -0.2 is below 0"), "{err}");
    let err = Widget::new(with_scenario(&JsValue::from_str("not an object"))).err().unwrap().as_string().unwrap();
    assert!(err.starts_with("scenario file:"), "{err}");
    assert!(Widget::new(with_scenario(&scenario_with_vol(0.3))).is_ok(), "a valid author scenario loads");
}

#[wasm_bindgen_test]
fn wasm_numbers_match_the_native_reference_to_1e_9() {
    let value = js_sys::JSON::parse(tapecast::scenario::DEFAULT_SCENARIO_JSON).unwrap();
    let scenario: tapecast::Scenario = serde_wasm_bindgen::from_value(value).unwrap();
    let engine = tapecast::Engine::new(scenario).unwrap();
    let problems = tapecast::golden::compare(&engine, include_str!("golden/projection.txt"), 1e-9);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
