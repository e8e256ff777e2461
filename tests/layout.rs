//! Chart layout, checked on what the charts actually draw: every panel is drawn onto a recording
//! backend for the as-of state, every preset and the eight corners of the input box, at 320 to
//! 1280 px, in English and Chinese; every text box (estimated with the charts' own text-width rule)
//! must stay on the canvas, clear of every other text box and of every data mark (bars, lines,
//! dots; grid lines, the background and translucent bands excepted). The fan and the bars are also
//! laid out against a pinned state (outline, ticks, note and Δ column).
#![cfg(not(target_arch = "wasm32"))]

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use std::cell::RefCell;
use std::convert::Infallible;
use std::rc::Rc;
use tapecast::chart::{draw, panel_height, text_width, Chart, Dashes, Palette, Style, LANDSCAPE, PORTRAIT};
use tapecast::scenario::{default_scenario, InputId, Spec};
use tapecast::text::{num, short_date, Lang};
use tapecast::view::{self, ChartKind};
use tapecast::{Engine, Inputs};

/// An axis-aligned box in backing pixels: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Box2 {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Box2 {
    fn overlaps(&self, o: &Box2) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn shrink(&self, by: f64) -> Box2 {
        Box2 { x0: self.x0 + by, y0: self.y0 + by, x1: self.x1 - by, y1: self.y1 - by }
    }

    fn contains(&self, x: f64, y: f64) -> bool {
        x > self.x0 && x < self.x1 && y > self.y0 && y < self.y1
    }
}

/// What was drawn.
#[derive(Debug, Clone)]
enum Item {
    /// A label: its text and estimated box.
    Text(String, Box2),
    /// A stroked segment: ends, width and colour.
    Line((f64, f64), (f64, f64), f64, (u8, u8, u8)),
    /// A filled rectangle or dot: its box and colour.
    Solid(Box2, (u8, u8, u8)),
}

/// A backend that records text boxes and marks instead of drawing pixels.
struct Recorder {
    size: (u32, u32),
    items: Rc<RefCell<Vec<Item>>>,
}

impl Recorder {
    fn push(&mut self, item: Item) {
        self.items.borrow_mut().push(item);
    }
}

fn rgb(c: BackendColor) -> (u8, u8, u8) {
    c.rgb
}

/// Dashed lines as the charts' one-segment dashes (the default).
impl Dashes for Recorder {}

impl DrawingBackend for Recorder {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(&mut self, _: BackendCoord, _: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha > 0.0 {
            let f = |p: BackendCoord| (f64::from(p.0), f64::from(p.1));
            self.push(Item::Line(f(from), f(to), f64::from(style.stroke_width()), rgb(style.color())));
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        for pair in points.windows(2) {
            self.draw_line(pair[0], pair[1], style)?;
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        let bx = Box2 { x0: f64::from(a.0.min(b.0)), y0: f64::from(a.1.min(b.1)), x1: f64::from(a.0.max(b.0)), y1: f64::from(a.1.max(b.1)) };
        if fill && style.color().alpha > 0.0 {
            self.push(Item::Solid(bx, rgb(style.color())));
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, _fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        let (x, y, r) = (f64::from(c.0), f64::from(c.1), f64::from(r));
        self.push(Item::Solid(Box2 { x0: x - r, y0: y - r, x1: x + r, y1: y + r }, rgb(style.color())));
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, _: I, _: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        // Translucent bands: text may sit on them (their labels do).
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<Infallible>> {
        let size = style.size();
        // The estimate is in CSS pixels at a CSS size; at scale 1 both are backing pixels.
        let w = text_width(text, size);
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        let anchor = style.anchor();
        let x0 = match anchor.h_pos {
            HPos::Left => x,
            HPos::Center => x - w / 2.0,
            HPos::Right => x - w,
        };
        let y0 = match anchor.v_pos {
            VPos::Top => y,
            VPos::Center => y - size / 2.0,
            VPos::Bottom => y - size,
        };
        self.push(Item::Text(text.to_string(), Box2 { x0, y0, x1: x0 + w, y1: y0 + size }));
        Ok(())
    }
}

use plotters::style::text_anchor::{HPos, VPos};

/// Whether a stroked segment passes through a box (sampled every half pixel).
fn crosses(a: (f64, f64), b: (f64, f64), width: f64, bx: &Box2) -> bool {
    let grown = Box2 { x0: bx.x0 - width / 2.0, y0: bx.y0 - width / 2.0, x1: bx.x1 + width / 2.0, y1: bx.y1 + width / 2.0 };
    let steps = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) * 2.0).ceil().max(1.0) as usize;
    (0..=steps).any(|i| {
        let t = i as f64 / steps as f64;
        grown.contains(a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
    })
}

/// Every collision in one drawing, as sentences.
fn collisions(items: &[Item], size: (u32, u32), palette: &Palette) -> Vec<String> {
    let exempt = |c: (u8, u8, u8)| {
        let same = |p: RGBColor| (p.0, p.1, p.2) == c;
        same(palette.grid) || same(palette.background)
    };
    let texts: Vec<(&String, Box2)> = items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t, b) if !t.trim().is_empty() => Some((t, b.shrink(0.5))),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    let (w, h) = (f64::from(size.0), f64::from(size.1));
    for (i, (t, b)) in texts.iter().enumerate() {
        if b.x0 < -0.5 || b.y0 < -0.5 || b.x1 > w + 0.5 || b.y1 > h + 0.5 {
            out.push(format!("{t:?} leaves the canvas ({b:?} in {w}×{h})"));
        }
        for (u, c) in &texts[i + 1..] {
            if b.overlaps(c) {
                out.push(format!("{t:?} overlaps {u:?}"));
            }
        }
        for item in items {
            match item {
                Item::Line(p, q, width, colour) if !exempt(*colour) && crosses(*p, *q, *width, b) => {
                    out.push(format!("{t:?} is crossed by a line {p:?}–{q:?} in {colour:?}"));
                    break;
                }
                Item::Solid(s, colour) if !exempt(*colour) && s.overlaps(b) => {
                    out.push(format!("{t:?} sits on a mark {s:?} in {colour:?}"));
                    break;
                }
                _ => {}
            }
        }
    }
    out
}

/// The states to lay out: as-of, every preset and the eight corners of the three numeric story
/// inputs (surprise, cut odds, shortfall), with no reserve purchases at the stressed corners.
fn states(engine: &Engine) -> Vec<(String, Inputs)> {
    let s = engine.scenario();
    let mut out = vec![("as-of".to_string(), Inputs::as_of(s))];
    out.extend(s.presets.iter().filter_map(|p| Some((p.id.clone(), Inputs::preset(s, &p.id)?))));
    let range = |id: InputId| match s.inputs.get(id) {
        Spec::Number(n) => (n.min, n.max),
        Spec::Choice(c) => (0.0, c.options.len().saturating_sub(1) as f64),
    };
    for corner in 0..8 {
        let mut i = Inputs::as_of(s);
        for (bit, id) in [InputId::Surprise, InputId::CutOdds, InputId::Shortfall].into_iter().enumerate() {
            let (lo, hi) = range(id);
            i = i.with(id, if corner & (1 << bit) == 0 { lo } else { hi });
        }
        out.push((format!("corner-{corner}"), i));
    }
    out
}

/// Draws `chart` at `size` on the recording backend and lists its collisions.
fn lay_out(chart: &Chart, size: (u32, u32), palette: Palette) -> Vec<String> {
    let items = Rc::new(RefCell::new(Vec::new()));
    let area = Recorder { size, items: items.clone() }.into_drawing_area();
    draw(&area, chart, &Style { palette, scale: 1.0, font: "sans-serif".into() }).unwrap();
    let found = collisions(&items.borrow(), size, &palette);
    found
}

#[test]
fn no_label_collides_at_any_width_in_any_state_or_language() {
    let engine = Engine::new(default_scenario()).unwrap();
    let mut failures = Vec::new();
    let mut cases = 0;
    for (name, inputs) in states(&engine) {
        let p = engine.project(&inputs, &[0]);
        for lang in [Lang::En, Lang::Zh] {
            for kind in ChartKind::ALL {
                let chart = view::chart(&engine, &p, kind, 0, lang).unwrap();
                for width in [320.0, 360.0, 480.0, 720.0, 1000.0, 1280.0] {
                    let size = (width as u32, panel_height(&chart, width) as u32);
                    cases += 1;
                    for c in lay_out(&chart, size, Palette::LIGHT) {
                        failures.push(format!("{name} {lang:?} {} {width}px: {c}", kind.name()));
                    }
                }
            }
        }
    }
    assert!(cases >= 13 * 2 * 3 * 6, "{cases} layouts");
    let shown: Vec<&String> = failures.iter().take(400).collect();
    assert!(failures.is_empty(), "{} collisions in {cases} layouts, e.g.:\n{}", failures.len(), shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
}

#[test]
fn every_series_fan_keeps_its_labels_on_the_canvas_and_apart() {
    // The series picker shows any series' fan: Bitcoin's "120,000" once left a phone's margin.
    let engine = Engine::new(default_scenario()).unwrap();
    let s = engine.scenario();
    let all: Vec<usize> = (0..s.assets.len()).collect();
    let mut failures = Vec::new();
    let mut cases = 0;
    for (name, inputs) in states(&engine).into_iter().take(1 + s.presets.len()) {
        let p = engine.project(&inputs, &all);
        for lang in [Lang::En, Lang::Zh] {
            for &asset in &all {
                let chart = view::chart(&engine, &p, ChartKind::Fan, asset, lang).unwrap();
                for width in [320.0, 360.0, 480.0, 720.0] {
                    let size = (width as u32, panel_height(&chart, width) as u32);
                    cases += 1;
                    for c in lay_out(&chart, size, Palette::LIGHT) {
                        failures.push(format!("{name} {lang:?} {} {width}px: {c}", s.assets[asset].id));
                    }
                }
            }
        }
    }
    assert!(cases >= 6 * 2 * 14 * 4, "{cases} layouts");
    let shown: Vec<&String> = failures.iter().take(40).collect();
    assert!(failures.is_empty(), "{} problems in {cases} layouts, e.g.:\n{}", failures.len(), shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
}

#[test]
fn no_label_collides_against_a_pin_at_any_width_or_language() {
    // Every state against three pins (the as-of state and the two far corners of the box): the
    // fan's outline and key, the bars' ticks, note and Δ column.
    let engine = Engine::new(default_scenario()).unwrap();
    let all = states(&engine);
    let mut pins: Vec<&(String, Inputs)> = all.iter().filter(|(n, _)| n == "as-of" || n == "corner-0" || n == "corner-7").collect();
    pins.dedup_by(|a, b| a.0 == b.0); // the as-of state is also a preset
    assert_eq!(pins.len(), 3);
    let mut failures = Vec::new();
    let mut cases = 0;
    for (pin_name, pin) in pins {
        let q = engine.project(pin, &[0]);
        for (name, inputs) in &all {
            let p = engine.project(inputs, &[0]);
            for lang in [Lang::En, Lang::Zh] {
                for kind in [ChartKind::Fan, ChartKind::Bars] {
                    let chart = view::chart_against(&engine, &p, Some(&q), kind, 0, lang).unwrap();
                    let pinned = match &chart {
                        Chart::Fan(f) => f.pinned.is_some(),
                        Chart::Bars(b) => b.note.is_some() && b.sections.iter().flat_map(|s| &s.groups).flat_map(|g| &g.1).all(|r| r.pinned.is_some()),
                        _ => false,
                    };
                    assert!(pinned, "{name} against {pin_name}: the {} chart shows the pin", kind.name());
                    for width in [320.0, 360.0, 480.0, 720.0, 1000.0, 1280.0] {
                        let size = (width as u32, panel_height(&chart, width) as u32);
                        cases += 1;
                        for c in lay_out(&chart, size, Palette::LIGHT) {
                            failures.push(format!("{name} against {pin_name} {lang:?} {} {width}px: {c}", kind.name()));
                        }
                    }
                }
            }
        }
    }
    assert!(cases >= 3 * 13 * 2 * 2 * 6, "{cases} layouts");
    assert!(failures.is_empty(), "{} collisions in {cases} layouts, e.g.:\n{}", failures.len(), failures.iter().take(60).cloned().collect::<Vec<_>>().join("\n"));
}

/// The bars name every series whole at every width, alone and against a pin, in both languages:
/// no name is cut or ends in "…" ("Memory: SNDK/WDC/STX" was cut at 360 px and the 10-year yield
/// at 320 px when names had two fifths of the panel). A name too long for its column beside the
/// bar stands on its own line above it (phones), and only then.
#[test]
fn bars_name_every_series_whole_at_every_width() {
    let engine = Engine::new(default_scenario()).unwrap();
    let p = engine.project(&Inputs::as_of(engine.scenario()), &[0]);
    let corner = engine.project(&Inputs::preset(engine.scenario(), "nvda-misses").unwrap(), &[0]);
    for lang in [Lang::En, Lang::Zh] {
        for pin in [None, Some(&corner)] {
            let chart = view::chart_against(&engine, &p, pin, ChartKind::Bars, 0, lang).unwrap();
            for width in [320.0, 360.0, 400.0, 480.0, 720.0, 1280.0] {
                let items = Rc::new(RefCell::new(Vec::new()));
                let area = Recorder { size: (width as u32, panel_height(&chart, width) as u32), items: items.clone() }.into_drawing_area();
                draw(&area, &chart, &Style { palette: Palette::LIGHT, scale: 1.0, font: "sans-serif".into() }).unwrap();
                let texts: Vec<(String, Box2)> = items.borrow().iter().filter_map(|i| if let Item::Text(t, b) = i { Some((t.clone(), *b)) } else { None }).collect();
                let case = format!("{lang:?} {width}px pinned {}", pin.is_some());
                assert!(!texts.iter().any(|(t, _)| t.contains('…')), "{case}: a name is cut: {texts:?}");
                let longest = engine.scenario().assets.iter().map(|a| text_width(a.label.get(lang), 11.0)).fold(0.0, f64::max);
                let boxes: Vec<Box2> = engine.scenario().assets.iter().map(|a| {
                    let name = a.label.get(lang);
                    texts.iter().find(|(t, _)| t == name).unwrap_or_else(|| panic!("{case}: {name} is not drawn whole: {texts:?}")).1
                }).collect();
                // Side by side the names end at one column; stacked they all start at the left edge.
                let same = |f: fn(&Box2) -> f64| boxes.iter().all(|b| (f(b) - f(&boxes[0])).abs() < 0.5);
                let stacked = same(|b| b.x0) && !same(|b| b.x1);
                assert!(stacked || same(|b| b.x1), "{case}: names neither in a column nor stacked: {boxes:?}");
                assert_eq!(stacked, longest > width * 0.4, "{case}: {boxes:?}");
            }
        }
    }
}

/// The texts drawn on `chart` at `width`, with their boxes.
fn drawn_texts(chart: &Chart, width: f64) -> Vec<(String, Box2)> {
    let items = Rc::new(RefCell::new(Vec::new()));
    let area = Recorder { size: (width as u32, panel_height(chart, width) as u32), items: items.clone() }.into_drawing_area();
    draw(&area, chart, &Style { palette: Palette::LIGHT, scale: 1.0, font: "sans-serif".into() }).unwrap();
    let texts = items.borrow().iter().filter_map(|i| if let Item::Text(t, b) = i { Some((t.clone(), *b)) } else { None }).collect();
    texts
}

/// Whether `value` is drawn with `day` written right over or under it, starting where it starts.
fn labelled_with_its_day(texts: &[(String, Box2)], value: &str, day: &str) -> bool {
    texts.iter().filter(|(t, _)| t == value).any(|(_, v)| {
        texts.iter().any(|(t, d)| t == day && (d.x0 - v.x0).abs() < 0.5 && ((v.y0 - d.y1).abs() < 4.0 || (d.y0 - v.y1).abs() < 4.0))
    })
}

/// The fan's horizon value says which day it is (the fan runs on past it to the calendar's last
/// day, which the title names): the value in the right margin has its day over or under it, and
/// both are the summary's; on the plumbing chart the peak's value and day are the description's.
#[test]
fn the_horizon_value_names_its_day_as_the_summary_and_the_description_do() {
    let engine = Engine::new(default_scenario()).unwrap();
    let tl = engine.timeline();
    for (name, inputs) in states(&engine) {
        let p = engine.project(&inputs, &[0]);
        let h = engine.headline(&p);
        for lang in [Lang::En, Lang::Zh] {
            let colon = if lang == Lang::Zh { "：" } else { ": " };
            // The projected level to the step its band supports, as the summary and the table give it.
            let (day, value) = (short_date(tl.dates[tl.horizon], lang), num::to_step(h.lead.p50, view::step(&engine, 0, &h.lead)));
            let summary = view::summary(&engine, &p, lang);
            assert!(summary.contains(&format!("{day}{colon}{value}")), "{name} {lang:?}: {summary}");
            let peak_day = short_date(tl.dates[h.spread_peak_day], lang);
            let description = view::plumbing_description(&engine, &p, lang);
            let peak = num::fixed(h.spread_peak.p50, 0);
            assert!(description.contains(&peak_day) && description.contains(&num::signed(h.spread_peak.p50, 0)), "{name} {lang:?}: {description}");
            for width in [320.0, 360.0, 720.0, 1280.0] {
                let fan = drawn_texts(&view::chart(&engine, &p, ChartKind::Fan, 0, lang).unwrap(), width);
                assert!(labelled_with_its_day(&fan, &value, &day), "{name} {lang:?} {width}px: the fan's {value} is not labelled {day}: {fan:?}");
                let plumbing = drawn_texts(&view::chart(&engine, &p, ChartKind::Plumbing, 0, lang).unwrap(), width);
                assert!(labelled_with_its_day(&plumbing, &peak, &peak_day), "{name} {lang:?} {width}px: the peak {peak} is not labelled {peak_day}: {plumbing:?}");
            }
        }
    }
}

#[test]
fn the_checker_sees_collisions() {
    let palette = Palette::LIGHT;
    let text = |t: &str, x0: f64, y0: f64| Item::Text(t.into(), Box2 { x0, y0, x1: x0 + 30.0, y1: y0 + 10.0 });
    let ink = (palette.series.0, palette.series.1, palette.series.2);
    let grid = (palette.grid.0, palette.grid.1, palette.grid.2);
    assert_eq!(collisions(&[text("a", 0.0, 0.0), text("b", 20.0, 5.0)], (100, 100), &palette).len(), 1, "text on text");
    assert_eq!(collisions(&[text("a", 80.0, 0.0)], (100, 100), &palette).len(), 1, "off the canvas");
    assert_eq!(collisions(&[text("a", 0.0, 0.0), Item::Line((0.0, 5.0), (90.0, 5.0), 1.0, ink)], (100, 100), &palette).len(), 1, "a line through a label");
    assert!(collisions(&[text("a", 0.0, 0.0), Item::Line((0.0, 5.0), (90.0, 5.0), 1.0, grid)], (100, 100), &palette).is_empty(), "grid lines may pass behind");
    let bar = Item::Solid(Box2 { x0: 10.0, y0: 2.0, x1: 60.0, y1: 8.0 }, ink);
    assert_eq!(collisions(&[text("a", 0.0, 0.0), bar], (100, 100), &palette).len(), 1, "a label on a bar");
    assert!(collisions(&[text("a", 0.0, 0.0), text("b", 0.0, 20.0)], (100, 100), &palette).is_empty());
}

#[test]
fn any_canvas_size_draws_without_panicking() {
    let engine = Engine::new(default_scenario()).unwrap();
    for (_, inputs) in states(&engine) {
        let p = engine.project(&inputs, &[0]);
        for kind in ChartKind::ALL {
            let pinned = engine.project(&Inputs::as_of(engine.scenario()), &[0]);
            let charts = [view::chart(&engine, &p, kind, 0, Lang::Zh).unwrap(), view::chart_against(&engine, &p, Some(&pinned), kind, 0, Lang::Zh).unwrap()];
            for (chart, size) in charts.iter().flat_map(|c| [(1, 1), (20, 10), (60, 40), (120, 30), (200, 2000), (4096, 60)].map(|s| (c, s))) {
                let items = Rc::new(RefCell::new(Vec::new()));
                let area = Recorder { size, items }.into_drawing_area();
                let style = Style { palette: Palette::DARK, scale: 3.0, font: "serif".into() };
                draw(&area, chart, &style).unwrap();
            }
        }
    }
}

#[test]
fn share_cards_have_no_collisions_in_either_shape_or_language() {
    // Every state alone and against a pin (the as-of state): the pinned card's outline, its key
    // and the longer summary must fit too.
    let engine = Engine::new(default_scenario()).unwrap();
    let pin = Inputs::as_of(engine.scenario());
    let q = engine.project(&pin, &[0]);
    let mut failures = Vec::new();
    let mut cases = 0;
    for (name, inputs) in states(&engine) {
        let p = engine.project(&inputs, &[0]);
        for pinned in [None, Some((&q, &pin))] {
            for lang in [Lang::En, Lang::Zh] {
                let link = "https://example.com/2025/11/nvidia-and-the-plumbing#tc=nov-2025.s1.m1,surprise:-9.5,cut-odds:40,shortfall:150,rmp-start:january,rmp-pace:45";
                let spec = view::card_spec(&engine, &p, &inputs, pinned, 0, lang, link).unwrap();
                assert_eq!(spec.fan.pinned.is_some(), pinned.is_some(), "{name}: the card's fan outlines the pin");
                let card = Chart::Card(spec);
                for size in [LANDSCAPE, PORTRAIT] {
                    cases += 1;
                    for c in lay_out(&card, size, Palette::LIGHT) {
                        failures.push(format!("{name} {lang:?} card {size:?} pinned {}: {c}", pinned.is_some()));
                    }
                }
            }
        }
    }
    assert!(cases >= 13 * 4 * 2, "{cases} cards");
    assert!(failures.is_empty(), "{} collisions in {cases} cards:\n{}", failures.len(), failures.iter().take(40).cloned().collect::<Vec<_>>().join("\n"));
}

/// A pin at the as-of state keeps a median that barely leaves the 17 Nov close: the pinned median
/// is drawn over the as-of line, so the reader sees it there, not an orange line hiding it.
#[test]
fn a_pinned_median_is_drawn_over_the_as_of_line() {
    let engine = Engine::new(default_scenario()).unwrap();
    let s = engine.scenario();
    let q = engine.project(&Inputs::as_of(s), &[0]);
    let p = engine.project(&Inputs::preset(s, "nvda-misses").unwrap(), &[0]);
    for palette in [Palette::LIGHT, Palette::DARK] {
        let chart = view::chart_against(&engine, &p, Some(&q), ChartKind::Fan, 0, Lang::En).unwrap();
        let items = Rc::new(RefCell::new(Vec::new()));
        let area = Recorder { size: (720, panel_height(&chart, 720.0) as u32), items: items.clone() }.into_drawing_area();
        draw(&area, &chart, &Style { palette, scale: 1.0, font: "sans-serif".into() }).unwrap();
        let items = items.borrow();
        let at = |colour: RGBColor, width: fn(f64) -> bool| -> Vec<usize> {
            let c = (colour.0, colour.1, colour.2);
            items.iter().enumerate().filter(|(_, i)| matches!(i, Item::Line(a, b, w, k) if *k == c && width(*w) && a.0 < b.0)).map(|(n, _)| n).collect()
        };
        let as_of = at(palette.reference, |w| w <= 1.0);
        let pinned = at(palette.text, |w| w > 1.0);
        assert!(as_of.len() > 20 && pinned.len() > 20, "the as-of line ({}) and the pinned median ({}) as dashes", as_of.len(), pinned.len());
        assert!(as_of.iter().max() < pinned.iter().min(), "the as-of line is drawn before (under) the pinned median");
    }
}
