//! The wasm-bindgen boundary: the only file that knows JavaScript exists.
//!
//! It converts between `JsValue` and the crate's plain types (serde-wasm-bindgen), keeps one
//! widget's state, and draws onto a canvas through plotters-canvas. Every export returns a
//! `Result` or a plain value; nothing here panics on any input.

use crate::chart::{self, Chart, Palette, Style};
use crate::inputs::{self, Inputs, FIELDS};
use crate::model::{Engine, Projection};
use crate::scenario::{Problem, Scenario, DEFAULT_SCENARIO_JSON};
use crate::text::{num, Lang};
use crate::view;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// One input as the shell needs it to build a control.
#[derive(Serialize)]
struct Control {
    id: &'static str,
    label: String,
    unit: String,
    help: String,
    min: f64,
    max: f64,
    step: f64,
    as_of: f64,
    marks: Vec<(f64, String)>,
    /// For choices: option ids and labels.
    options: Vec<(String, String)>,
}

/// What the shell needs to lay out a widget.
#[derive(Serialize)]
struct Layout {
    title: String,
    source: String,
    lang: &'static str,
    controls: Vec<Control>,
    presets: Vec<(String, String, String)>,
    assets: Vec<(String, String)>,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from_str(&e.to_string()))
}

fn problems_to_js(problems: &[Problem]) -> JsValue {
    to_js(&problems.iter().map(|p| p.to_string()).collect::<Vec<_>>()).unwrap_or(JsValue::NULL)
}

/// One `<tape-cast>` widget's state.
#[wasm_bindgen]
pub struct Widget {
    engine: Engine,
    inputs: Inputs,
    lang: Lang,
    asset: usize,
    projection: Option<Projection>,
}

fn default_scenario() -> Result<Scenario, String> {
    let value = js_sys::JSON::parse(DEFAULT_SCENARIO_JSON).map_err(|_| "the built-in scenario is not JSON".to_string())?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

#[wasm_bindgen]
impl Widget {
    /// A widget for `options` (`{ scenario?: object, lang?: string }`). Fails with a readable
    /// list of problems (one per line) if an author's scenario does not validate.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Widget, JsValue> {
        let get = |key: &str| {
            if options.is_object() {
                js_sys::Reflect::get(&options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
            } else {
                JsValue::UNDEFINED
            }
        };
        let lang = get("lang").as_string().unwrap_or_default();
        let authored = get("scenario");
        let scenario = if authored.is_undefined() || authored.is_null() {
            default_scenario().map_err(|e| JsValue::from_str(&e))?
        } else {
            serde_wasm_bindgen::from_value::<Scenario>(authored)
                .map_err(|e| JsValue::from_str(&format!("scenario file: {e}")))?
        };
        let engine = Engine::new(scenario).map_err(|problems| {
            JsValue::from_str(&problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))
        })?;
        let inputs = Inputs::as_of(engine.scenario());
        Ok(Widget { engine, inputs, lang: Lang::parse(&lang), asset: 0, projection: None })
    }

    /// The layout: title, controls, presets and assets, in the widget's language.
    pub fn layout(&self) -> Result<JsValue, JsValue> {
        let s = self.engine.scenario();
        let l = self.lang;
        let i = &s.inputs;
        let numeric = |id: &'static str, spec: &crate::scenario::InputSpec| Control {
            id,
            label: spec.label.get(l).into(),
            unit: spec.unit.get(l).into(),
            help: spec.help.get(l).into(),
            min: spec.min,
            max: spec.max,
            step: spec.step,
            as_of: spec.as_of,
            marks: spec.marks.iter().map(|m| (m.value, m.label.get(l).to_string())).collect(),
            options: Vec::new(),
        };
        let start = &i.rmp_start;
        let choice = Control {
            id: "rmp-start",
            label: start.label.get(l).into(),
            unit: String::new(),
            help: start.help.get(l).into(),
            min: 0.0,
            max: start.options.len().saturating_sub(1) as f64,
            step: 1.0,
            as_of: f64::from(start.as_of),
            marks: Vec::new(),
            options: start.options.iter().map(|o| (o.id.clone(), o.label.get(l).to_string())).collect(),
        };
        let layout = Layout {
            title: s.title.get(l).into(),
            source: s.source.get(l).into(),
            lang: l.tag(),
            controls: vec![
                numeric(FIELDS[0], &i.surprise),
                numeric(FIELDS[1], &i.cut_odds),
                numeric(FIELDS[2], &i.shortfall),
                choice,
                numeric(FIELDS[4], &i.rmp_pace),
            ],
            presets: s
                .presets
                .iter()
                .map(|p| (p.id.clone(), p.label.get(l).to_string(), p.description.get(l).to_string()))
                .collect(),
            assets: s.assets.iter().map(|a| (a.id.clone(), a.label.get(l).to_string())).collect(),
        };
        to_js(&layout)
    }

    /// Sets an input from text (attribute or form value). Returns the problem as a sentence, or
    /// `undefined` when the value was used as given.
    pub fn set(&mut self, field: &str, text: &str) -> Option<String> {
        let problem = self.inputs.set_text(self.engine.scenario(), field, text);
        self.projection = None;
        problem.map(|p| p.sentence(self.lang))
    }

    /// The current value of an input as text (`rmp-start` gives its option id).
    pub fn get(&self, field: &str) -> String {
        self.inputs.get_text(self.engine.scenario(), field)
    }

    /// A value formatted for display next to its control (`−7.5`, `150`).
    pub fn display(&self, field: &str) -> String {
        let i = &self.inputs;
        match field {
            "surprise" => self.display_value(field, i.surprise),
            "cut-odds" => self.display_value(field, i.cut_odds),
            "shortfall" => self.display_value(field, i.shortfall),
            "rmp-pace" => self.display_value(field, i.rmp_pace),
            _ => self.get(field),
        }
    }

    /// Formats `value` as the control for `field` shows it (for track marks).
    pub fn display_value(&self, field: &str, value: f64) -> String {
        match field {
            "surprise" => num::signed(value, 1),
            _ => num::fixed(value, 0),
        }
    }

    /// The id of the series whose fan is drawn.
    pub fn asset_id(&self) -> String {
        self.engine.scenario().assets[self.asset].id.clone()
    }

    /// Applies a preset; `false` for an unknown id (nothing changes).
    pub fn preset(&mut self, id: &str) -> bool {
        match Inputs::preset(self.engine.scenario(), id) {
            Some(i) => {
                self.inputs = i;
                self.projection = None;
                true
            }
            None => false,
        }
    }

    /// Back to the author's case.
    pub fn reset(&mut self) {
        self.inputs = Inputs::as_of(self.engine.scenario());
        self.projection = None;
    }

    /// Chooses the asset whose fan is drawn, by id; `false` for an unknown id.
    pub fn select_asset(&mut self, id: &str) -> bool {
        match self.engine.scenario().asset_index(id) {
            Some(a) => {
                self.asset = a;
                self.projection = None;
                true
            }
            None => false,
        }
    }

    /// The widget's language tag (`en`, `zh-CN`).
    pub fn lang_tag(&self) -> String {
        self.lang.tag().into()
    }

    /// Sets the language (`en`, `zh`…).
    pub fn set_lang(&mut self, tag: &str) {
        self.lang = Lang::parse(tag);
    }

    /// The permalink payload for the current inputs.
    pub fn link(&self) -> String {
        inputs::to_link(self.engine.scenario(), &self.inputs)
    }

    /// Reads this widget's part of a URL fragment (`#key=payload&…`); returns the problems as
    /// sentences in the widget's language (empty when the link applied cleanly or held nothing
    /// for `key`).
    pub fn restore(&mut self, fragment: &str, key: &str) -> JsValue {
        let Some(payload) = inputs::fragment_part(fragment, key) else { return problems_to_js(&[]) };
        let read = inputs::from_link(self.engine.scenario(), self.inputs, &payload);
        self.inputs = read.inputs;
        self.projection = None;
        let notes: Vec<String> = read.problems.iter().map(|p| p.sentence(self.lang)).collect();
        to_js(&notes).unwrap_or(JsValue::NULL)
    }

    /// `fragment` with this widget's part set to the current inputs.
    pub fn fragment(&self, fragment: &str, key: &str) -> String {
        inputs::with_fragment_part(fragment, key, &self.link())
    }

    fn projection(&mut self) -> &Projection {
        let (engine, inputs, asset) = (&self.engine, &self.inputs, self.asset);
        self.projection.get_or_insert_with(|| engine.project(inputs, &[asset]))
    }

    /// Draws chart `kind` (`fan`, `bars`, `plumbing`) onto `canvas` at `css_width × css_height`
    /// CSS pixels and `dpr` backing pixels per CSS pixel, in the light or dark palette, with the
    /// host's `font` family. Sizes out of range are clamped; an unknown kind is an error.
    #[allow(clippy::too_many_arguments)]
    pub fn draw(&mut self, kind: &str, canvas: HtmlCanvasElement, css_width: f64, css_height: f64, dpr: f64, dark: bool, font: &str) -> Result<(), JsValue> {
        let slot = match kind {
            "fan" => 0,
            "bars" => 1,
            "plumbing" => 2,
            _ => return Err(JsValue::from_str("chart kind: expected fan, bars or plumbing")),
        };
        let ok = |x: f64, lo: f64, hi: f64| if x.is_finite() { x.clamp(lo, hi) } else { lo };
        let (w, h, dpr) = (ok(css_width, 1.0, 4096.0), ok(css_height, 1.0, 4096.0), ok(dpr, 1.0, 4.0));
        canvas.set_width((w * dpr).round() as u32);
        canvas.set_height((h * dpr).round() as u32);
        let (lang, asset) = (self.lang, self.asset);
        self.projection();
        let projection = self.projection.as_ref().ok_or_else(|| JsValue::from_str("no projection"))?;
        let chart = match slot {
            0 => Chart::Fan(view::fan_spec(&self.engine, projection, asset, lang).ok_or_else(|| JsValue::from_str("no fan for the series"))?),
            1 => Chart::Bars(view::bars_spec(&self.engine, projection, lang)),
            _ => Chart::Plumbing(view::plumbing_spec(&self.engine, projection, lang)),
        };
        let style = Style {
            palette: if dark { Palette::DARK } else { Palette::LIGHT },
            scale: dpr,
            font: if font.trim().is_empty() { "sans-serif".into() } else { font.chars().take(200).collect() },
        };
        let backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsValue::from_str("no 2d context"))?;
        let area = backend.into_drawing_area();
        chart::draw(&area, &chart, &style).map_err(|e| JsValue::from_str(&e.to_string()))?;
        area.present().map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// The CSS height, in pixels, the cross-asset chart needs for its rows at `css_width`.
    pub fn bars_height(&mut self, css_width: f64) -> f64 {
        let width = if css_width.is_finite() { css_width.clamp(100.0, 4096.0) } else { 600.0 };
        self.projection();
        match &self.projection {
            Some(p) => chart::bars_height(&view::bars_spec(&self.engine, p, self.lang), width),
            None => 300.0,
        }
    }

    /// Interface strings in the widget's language, keyed by name.
    pub fn strings(&self) -> Result<JsValue, JsValue> {
        use crate::text::{tr, Key::*};
        let l = self.lang;
        let pairs: Vec<(&str, &str)> = vec![
            ("reset", tr(Reset, l)), ("copyLink", tr(CopyLink, l)), ("linkCopied", tr(LinkCopied, l)),
            ("showTable", tr(ShowTable, l)), ("hideTable", tr(HideTable, l)), ("downloadPng", tr(DownloadPng, l)),
            ("downloadCsv", tr(DownloadCsv, l)), ("presets", tr(Presets, l)), ("series", tr(Series, l)),
            ("fanName", tr(FanName, l)), ("barsName", tr(BarsName, l)), ("plumbingName", tr(PlumbingName, l)),
        ];
        let map: std::collections::BTreeMap<&str, &str> = pairs.into_iter().collect();
        to_js(&map)
    }

    /// The horizon percentiles of every series as a table (`{caption, head, rows}`).
    pub fn table(&mut self) -> Result<JsValue, JsValue> {
        self.projection();
        let p = self.projection.as_ref().ok_or_else(|| JsValue::from_str("no projection"))?;
        to_js(&view::table(&self.engine, p, self.lang))
    }

    /// Every daily percentile of every series as CSV, inputs in the header rows.
    pub fn csv(&self) -> String {
        let p = self.engine.project_all(&self.inputs);
        view::csv(&self.engine, &p, &self.inputs)
    }

    /// Caption lines for an exported image (`today` as `YYYY-MM-DD`).
    pub fn caption(&self, today: &str) -> Result<JsValue, JsValue> {
        to_js(&view::caption(&self.engine, &self.inputs, self.lang, today))
    }

    /// A sentence saying how far input `field` alone can move the lead series (empty for an
    /// unknown field). Two or three projections: the shell calls it one input per idle period.
    pub fn sensitivity(&self, field: &str) -> String {
        view::sensitivity(&self.engine, &self.inputs, field, self.lang).unwrap_or_default()
    }

    /// The chip text for an input moved away from the author's case (empty when it is not).
    pub fn delta(&self, field: &str) -> String {
        view::delta(&self.engine, &self.inputs, field, self.lang)
    }

    /// The summary sentence for the current inputs.
    pub fn summary(&mut self) -> String {
        self.projection();
        match &self.projection {
            Some(p) => view::summary(&self.engine, p, self.lang),
            None => String::new(),
        }
    }

    /// Headline numbers and inputs, for `scenariochange` events and bound prose.
    pub fn headline(&mut self) -> Result<JsValue, JsValue> {
        self.projection();
        let p = self.projection.as_ref().ok_or_else(|| JsValue::from_str("no projection"))?;
        let h = self.engine.headline(p);
        #[derive(Serialize)]
        struct Out<'a> {
            inputs: InputsOut,
            headline: &'a crate::model::Headline,
            lead: String,
            mover: String,
            /// The trading days, `YYYY-MM-DD`, as-of first (the headline's day indices point here).
            dates: Vec<String>,
        }
        let s = self.engine.scenario();
        let out = Out {
            dates: self.engine.timeline().dates.iter().map(|d| d.to_string()).collect(),
            inputs: InputsOut {
                surprise: self.inputs.surprise,
                cut_odds: self.inputs.cut_odds,
                shortfall: self.inputs.shortfall,
                rmp_start: self.inputs.get_text(s, "rmp-start"),
                rmp_pace: self.inputs.rmp_pace,
            },
            headline: &h,
            lead: s.assets[0].id.clone(),
            mover: s.assets[h.mover].id.clone(),
        };
        to_js(&out)
    }
}

/// The inputs as the `scenariochange` event and the element's `value` show them.
#[derive(Serialize)]
struct InputsOut {
    surprise: f64,
    #[serde(rename = "cut-odds")]
    cut_odds: f64,
    shortfall: f64,
    #[serde(rename = "rmp-start")]
    rmp_start: String,
    #[serde(rename = "rmp-pace")]
    rmp_pace: f64,
}

/// Logs a warning to the console (used by the shell for readable input problems).
#[wasm_bindgen]
pub fn warn(message: &str) {
    gloo::console::warn!(message);
}

/// The model version (permalinks carry it).
#[wasm_bindgen]
pub fn model_version() -> u32 {
    crate::inputs::MODEL_VERSION
}

// Benchmark hooks (scripts/bench): the model timed apart from drawing, and its numbers for the
// plain-JavaScript twin's check.
#[wasm_bindgen]
impl Widget {
    /// Recomputes the projection for the current inputs: the model alone, no drawing.
    pub fn bench_project(&mut self) {
        self.projection = None;
        self.projection();
    }

    /// The current projection's numbers: each asset's horizon band (5 values, scenario order),
    /// then the drawn asset's daily bands (5 values a day, as-of day first).
    pub fn bench_numbers(&mut self) -> Vec<f64> {
        let asset = self.asset;
        let p = self.projection();
        let mut out: Vec<f64> = p.assets.iter().flat_map(|a| a.horizon.values()).collect();
        if let Some(days) = &p.assets[asset].daily {
            out.extend(days.iter().flat_map(|b| b.values()));
        }
        out
    }
}
