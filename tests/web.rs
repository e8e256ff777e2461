//! The wasm boundary in real headless Chromium (wasm-bindgen-test): exports accept valid input,
//! reject invalid input with readable errors, draw real pixels and never panic.
#![cfg(target_arch = "wasm32")]

use tapecast::web::{AuthorFile, Widget};
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

#[wasm_bindgen_test]
fn builds_from_the_built_in_scenario_and_draws_at_dpr_2() {
    let mut w = Widget::new("", None).expect("default widget");
    let c = canvas();
    assert!(w.draw("fan", c.clone(), 640.0, 360.0, 2.0, "sans-serif").is_empty(), "draws");
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
    let mut w = Widget::new("en", None).unwrap();
    assert!(w.set("cut-odds", "70").is_empty());
    assert_eq!(w.get("cut-odds"), "70");
    // Readers get the input's own words (the author's sentence goes to the console).
    assert_eq!(w.set("cut-odds", "170"), ["December cut odds can't exceed 100% — using 100%"]);
    let nan = w.set("surprise", "NaN");
    assert_eq!(nan, ["Nvidia's next-day move: \"NaN\" isn't a number — keeping 0%"]);
    // An emptied number box, and one whose text the browser does not give (the shell sends U+FFFD).
    assert_eq!(w.set("surprise", ""), ["Nvidia's next-day move is empty — keeping 0%"]);
    assert_eq!(w.set("surprise", "\u{FFFD}"), ["Nvidia's next-day move: not a number — keeping 0%"]);
    assert!(w.set("no-such-input", "1")[0].contains("is not an input"));
    assert_eq!(w.set("preset", "<img src=x>"), ["preset: \"<img src=x>\" is not a preset of this scenario (kept the current inputs)"]);
    assert!(w.set("preset", "2019-replay").is_empty());
    assert_eq!(w.get("shortfall"), "350");
    assert_eq!(w.set("asset", "nope"), ["asset: \"nope\" is not a series of this scenario (kept the current one)"]);
    assert!(w.set("asset", "btc").is_empty());
    assert_eq!(w.asset_id(), "btc");
}

#[wasm_bindgen_test]
fn hostile_values_never_panic_and_never_reach_the_screen_as_nan() {
    let mut w = Widget::new("zh", None).unwrap();
    let c = canvas();
    for (field, value) in [
        ("surprise", "1e308"), ("surprise", "-Infinity"), ("shortfall", "<script>alert(1)</script>"),
        ("rmp-pace", ""), ("rmp-start", "\u{0}"), ("cut-odds", "-0"), ("shortfall", "99999999999999999999"),
    ] {
        let _ = w.set(field, value);
        for kind in ["fan", "bars", "plumbing"] {
            assert!(w.draw(kind, c.clone(), 320.0, 240.0, 1.0, "serif").is_empty());
        }
        let s = w.summary();
        assert!(!s.contains("NaN") && !s.contains("n/a") && !s.contains("inf"), "{s}");
    }
    // Out-of-range canvas sizes are clamped, not fatal.
    assert!(w.draw("plumbing", c.clone(), f64::NAN, -5.0, 1e9, "").is_empty());
    assert!(c.width() >= 1 && c.height() >= 1);
    assert_eq!(w.draw("pie", c.clone(), 100.0, 100.0, 1.0, ""), ["chart: \"pie\" is not a chart (expected one of fan, bars, plumbing)"], "unknown kinds are refused");
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

/// A widget of an author's scenario (a JS object, written out as JSON, or JSON text), handed
/// over in two pieces and read a step at a time, as the shell does.
fn authored(scenario: &JsValue) -> Result<Widget, JsValue> {
    let text = scenario.as_string().unwrap_or_else(|| js_sys::JSON::stringify(scenario).unwrap().into());
    let mut file = AuthorFile::new();
    let half = text.len() / 2;
    let cut = (half..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
    for piece in [&text[..cut], &text[cut..]] {
        file.push(piece, piece.encode_utf16().count());
    }
    while !file.read() {}
    let notes = file.check("en");
    if !notes.is_empty() {
        return Err(js_sys::Array::from_iter(notes.iter().map(|n| JsValue::from_str(n))).into());
    }
    Widget::new("en", Some(file))
}

/// The sentences a failed constructor threw (an array of strings).
fn thrown(w: Result<Widget, JsValue>) -> Vec<String> {
    let err = w.err().expect("refused");
    assert!(js_sys::Array::is_array(&err), "problems are thrown as an array");
    js_sys::Array::from(&err).iter().map(|v| v.as_string().unwrap()).collect()
}

#[wasm_bindgen_test]
fn a_bad_author_scenario_is_refused_with_every_problem_and_its_path() {
    let err = thrown(authored(&scenario_with_vol(-0.2)));
    assert!(err.iter().any(|e| e == "assets[3].vol: -0.2 is below 0"), "{err:?}");
    let err = thrown(authored(&JsValue::from_str("not an object")));
    assert!(err.len() == 1 && err[0].starts_with("scenario file:"), "{err:?}");
    // A field of the wrong type is named by its path, as validation's problems are.
    let typo = scenario_with_vol(0.3);
    let fourth = js_sys::Reflect::get(&js_sys::Reflect::get(&typo, &"assets".into()).unwrap(), &3.into()).unwrap();
    js_sys::Reflect::set(&fourth, &"vol".into(), &"fast".into()).unwrap();
    let err = thrown(authored(&typo));
    assert_eq!(err, ["scenario file: assets[3].vol: invalid type: string \"fast\", expected f64"]);
    assert!(authored(&scenario_with_vol(0.3)).is_ok(), "a valid author scenario loads");
    // Past the size limit the file is refused unread, with one line.
    let mut file = AuthorFile::new();
    file.push("[", tapecast::scenario::MAX_SCENARIO_CHARS);
    file.push("1", 1);
    while !file.read() {}
    let notes = file.check("en");
    assert!(notes.len() == 1 && notes[0].ends_with("is over the limit of 8,388,608 (not read)"), "{notes:?}");
}

#[wasm_bindgen_test]
fn the_layout_and_values_follow_the_one_table_of_inputs() {
    let w = Widget::new("en", None).unwrap();
    let layout = w.layout().unwrap();
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    let ids: Vec<String> = js_sys::Array::from(&get(&layout, "inputs")).iter().map(|c| get(&c, "id").as_string().unwrap()).collect();
    let table: Vec<&str> = tapecast::scenario::INPUTS.iter().map(|d| d.name).collect();
    assert_eq!(ids, table);
    let attributes: Vec<String> = js_sys::Array::from(&get(&layout, "attributes")).iter().map(|a| a.as_string().unwrap()).collect();
    assert_eq!(attributes.first().map(String::as_str), Some("preset"));
    assert_eq!(attributes.last().map(String::as_str), Some("asset"));
    assert_eq!(&attributes[1..attributes.len() - 1], &table[..]);
    let charts: Vec<String> = js_sys::Array::from(&get(&layout, "charts")).iter().map(|c| get(&c, "kind").as_string().unwrap()).collect();
    assert_eq!(charts, ["fan", "bars", "plumbing"]);
    let values = w.values().unwrap();
    assert_eq!(get(&values, "cut-odds").as_f64(), Some(40.0));
    assert_eq!(get(&values, "rmp-start").as_string().as_deref(), Some("january"));
}

#[wasm_bindgen_test]
fn the_host_theme_reaches_the_canvas() {
    let mut w = Widget::new("en", None).unwrap();
    let colors = js_sys::Object::new();
    js_sys::Reflect::set(&colors, &"background".into(), &"rgb(253, 246, 227)".into()).unwrap();
    js_sys::Reflect::set(&colors, &"accent".into(), &"not a colour".into()).unwrap();
    w.set_theme(false, colors.into());
    let theme = w.theme().unwrap();
    let get = |k: &str| js_sys::Reflect::get(&theme, &k.into()).unwrap().as_string().unwrap();
    assert_eq!(get("background"), "#fdf6e3");
    assert_eq!(get("accent"), "#005e96", "an unreadable colour keeps the palette's");
    let c = canvas();
    assert!(w.draw("fan", c.clone(), 300.0, 200.0, 1.0, "sans-serif").is_empty());
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let corner = ctx.get_image_data(0.0, 0.0, 1.0, 1.0).unwrap().data();
    assert_eq!(&corner[..3], &[253, 246, 227]);
    assert!(tapecast::web::palette_css().starts_with(".frame{--tc-d-background:#ffffff;"));
}

#[wasm_bindgen_test]
fn wasm_numbers_match_the_native_reference_to_1e_9() {
    let value = js_sys::JSON::parse(tapecast::scenario::DEFAULT_SCENARIO_JSON).unwrap();
    let scenario: tapecast::Scenario = serde_wasm_bindgen::from_value(value).unwrap();
    let engine = tapecast::Engine::new(scenario).unwrap();
    let problems = tapecast::golden::compare(&engine, include_str!("golden/projection.txt"), 1e-9);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every label the charts draw for a state (titles, keys, dates, events, row names) and the kinds
/// of number they print, at the sizes the charts use.
fn chart_texts() -> Vec<String> {
    use tapecast::chart::Chart;
    use tapecast::view::{self, ChartKind};
    let value = js_sys::JSON::parse(tapecast::scenario::DEFAULT_SCENARIO_JSON).unwrap();
    let scenario: tapecast::Scenario = serde_wasm_bindgen::from_value(value).unwrap();
    let engine = tapecast::Engine::new(scenario).unwrap();
    let s = engine.scenario();
    let mut states = vec![tapecast::Inputs::as_of(s)];
    states.extend(s.presets.iter().filter_map(|p| tapecast::Inputs::preset(s, &p.id)));
    let mut out: Vec<String> = ["6,672", "+131.0%", "−12.5%", "+583 bp", "−20 bp", "0%", "91,234", "4.12%", "150", "+10基点", "0 bp"].map(String::from).to_vec();
    for inputs in &states {
        let p = engine.project(inputs, &[0]);
        for lang in [tapecast::text::Lang::En, tapecast::text::Lang::Zh] {
            let card = view::card_spec(&engine, &p, inputs, None, 0, lang, "").unwrap();
            out.extend([card.title, card.inputs, card.summary, card.source]);
            for kind in ChartKind::ALL {
                match view::chart(&engine, &p, kind, 0, lang).unwrap() {
                    Chart::Fan(f) => {
                        out.extend([f.title, f.start_label]);
                        out.extend(f.key);
                        out.extend(f.x_ticks.into_iter().map(|t| t.1));
                        out.extend(f.events.into_iter().map(|e| e.1));
                    }
                    Chart::Bars(b) => {
                        out.push(b.title);
                        for section in b.sections {
                            out.push(section.heading);
                            for (group, rows) in section.groups {
                                out.push(group);
                                out.extend(rows.into_iter().map(|r| r.label));
                            }
                        }
                    }
                    Chart::Plumbing(pl) => {
                        out.extend([pl.spread.title, pl.spread.start_label, pl.srf_title]);
                        out.extend(pl.spread.events.into_iter().map(|e| e.1));
                    }
                    Chart::Card(c) => out.extend([c.title, c.inputs, c.summary, c.source]),
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[wasm_bindgen_test]
fn the_text_width_estimate_is_never_smaller_than_what_chromium_renders() {
    let document = web_sys::window().unwrap().document().unwrap();
    let ns = Some("http://www.w3.org/2000/svg");
    let svg = document.create_element_ns(ns, "svg").unwrap();
    svg.set_attribute("width", "4000").unwrap();
    svg.set_attribute("height", "100").unwrap();
    document.body().unwrap().append_child(&svg).unwrap();
    let texts = chart_texts();
    assert!(texts.len() > 80, "{} texts", texts.len());
    let mut short = Vec::new();
    for text in &texts {
        for size in [10.0, 11.0, 12.0, 13.0] {
            let node = document.create_element_ns(ns, "text").unwrap();
            node.set_attribute("font-family", "sans-serif").unwrap();
            node.set_attribute("font-size", &size.to_string()).unwrap();
            node.set_attribute("y", "50").unwrap();
            node.set_text_content(Some(text));
            svg.append_child(&node).unwrap();
            let rendered = node.dyn_ref::<web_sys::SvgGraphicsElement>().unwrap().get_b_box().unwrap().width() as f64;
            svg.remove_child(&node).unwrap();
            let estimate = tapecast::chart::text_width(text, size);
            if estimate < rendered {
                short.push(format!("{text:?} at {size}px: estimated {estimate:.1}, rendered {rendered:.1}"));
            }
        }
    }
    assert!(short.is_empty(), "{} of {} estimates too small:\n{}", short.len(), texts.len() * 4, short.join("\n"));
}

/// The fan's pixels as drawn now.
fn fan_pixels(w: &mut Widget, c: &HtmlCanvasElement) -> Vec<u8> {
    assert!(w.draw("fan", c.clone(), 480.0, 270.0, 1.0, "sans-serif").is_empty());
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, 480.0, 270.0).unwrap().data().to_vec()
}

#[wasm_bindgen_test]
fn a_pin_is_drawn_travels_in_the_link_and_follows_the_series() {
    let mut w = Widget::new("en", None).unwrap();
    let c = canvas();
    assert!(!w.pinned());
    w.pin();
    assert!(w.pinned());
    assert!(w.set("preset", "nvda-misses").is_empty());
    assert!(w.link().contains(",pin.surprise:"), "{}", w.link());
    assert!(w.summary().contains(" vs pinned "), "{}", w.summary());
    let pinned = fan_pixels(&mut w, &c);
    // A widget read from the fragment has the same pin and draws the same fan.
    let mut back = Widget::new("en", None).unwrap();
    assert!(back.restore(&w.fragment("", "tc"), "tc").is_empty());
    assert!(back.pinned());
    assert_eq!(back.summary(), w.summary());
    assert!(fan_pixels(&mut back, &c) == pinned, "the same fan from the link");
    // A link without a pin sets the inputs and leaves the reader's pin alone.
    back.reset();
    let live_only = w.link().split(",pin.").next().unwrap_or_default().to_string();
    assert!(back.restore(&format!("#tc={live_only}"), "tc").is_empty());
    assert!(back.pinned() && back.get("surprise") == w.get("surprise") && back.link() == w.link());
    assert!(back.restore(&w.fragment("", "tc"), "tc").is_empty());
    // Another series: the pin is projected for it and still outlined.
    for widget in [&mut w, &mut back] {
        assert!(widget.set("asset", "btc").is_empty());
    }
    let btc_pinned = fan_pixels(&mut w, &c);
    back.unpin();
    assert!(!back.pinned() && !back.link().contains("pin."));
    assert!(fan_pixels(&mut back, &c) != btc_pinned, "the outline shows on the new series");
    let table = w.table().unwrap();
    let head = js_sys::Reflect::get(&table, &"head".into()).unwrap();
    assert_eq!(js_sys::Array::from(&head).pop().as_string().as_deref(), Some("Pinned 50%"));
    // The share card shows the pin as the widget does (the outline and the comparison).
    let card = |w: &mut Widget| {
        let c = canvas();
        assert!(w.card(c.clone(), true, "", "sans-serif").is_empty());
        let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        ctx.get_image_data(0.0, 0.0, 1200.0, 675.0).unwrap().data().to_vec()
    };
    let pinned_card = card(&mut w);
    w.unpin();
    assert!(card(&mut w) != pinned_card, "the card outlines the pin");
}

/// Percentiles by sorting (R type 7): what the selection must give, exactly.
fn sorted_percentiles(v: &[f64]) -> [f64; 5] {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    tapecast::model::LEVELS.map(|q| {
        let h = (s.len() - 1) as f64 * q;
        let k = h as usize;
        let hi = s[(k + 1).min(s.len() - 1)];
        s[k] + (hi - s[k]) * (h - k as f64)
    })
}

#[wasm_bindgen_test]
fn the_simd_loops_give_the_scalar_numbers() {
    // The browser build runs the percentile selection and the funding-stress lookups two or
    // eight values at a time (src/model/simd.rs), the rest path by path. Lengths around the
    // vector widths, ties, clumps, outliers and signed zeros; every value checked.
    let mut x = 9u64;
    let mut next = || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    for n in [1usize, 2, 3, 7, 8, 9, 15, 16, 17, 31, 100, 1999, 2000, 2001] {
        for shape in 0..5 {
            let v: Vec<f64> = (0..n)
                .map(|i| match shape {
                    0 => next() * 2.0 - 1.0,
                    1 => [0.0, -0.0, 1.5, -1.5][i % 4],
                    2 => if i % 3 == 0 { 10.0 } else { (next() * 8.0).exp() },
                    3 => if i == n / 2 { 1e12 } else { next() },
                    _ => -(i as f64) * 1e-300,
                })
                .collect();
            let got = tapecast::model::band(&v).values();
            let want = sorted_percentiles(&v);
            // Exactly equal (a zero's sign aside: the sort's interpolation turns −0 into +0).
            assert_eq!(got, want, "n={n} shape={shape}");
        }
    }
    let funding = tapecast::model::Engine::built_in().scenario().funding.clone();
    let plumbing = tapecast::model::Plumbing::new(&funding, 1000.0);
    let kind = tapecast::model::DayKind::MonthEnd;
    for n in [1usize, 2, 3, 401, 2000] {
        // Noise that reaches below zero, across the table and beyond its end, and non-numbers.
        let mut noise: Vec<f64> = (0..n).map(|_| (next() - 0.5) * 2500.0).collect();
        if n > 2 {
            noise[1] = f64::NAN;
            noise[2] = f64::INFINITY;
        }
        for base in [-200.0, 0.0, 150.0, 400.0, 900.0] {
            let mut out = vec![f64::NAN; n];
            plumbing.stress_each(base, &noise, 1e300, kind, &mut out);
            for (&e, &got) in noise.iter().zip(&out) {
                // One path alone goes through the scalar loop (the one native builds run).
                let mut want = [f64::NAN];
                plumbing.stress_each(base, &[e], 1e300, kind, &mut want);
                assert_eq!(got.to_bits(), want[0].to_bits(), "at {base} + {e}: {got} vs {}", want[0]);
            }
        }
    }
}
