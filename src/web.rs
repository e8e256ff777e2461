//! The wasm-bindgen boundary: the only file that knows JavaScript exists.
//!
//! It converts between `JsValue` and the crate's plain types (serde-wasm-bindgen out; scenario
//! files in as JSON text, read by `scenario::json`), keeps one
//! widget's state, and draws onto a canvas through plotters-canvas. Every export returns a
//! `Result` or a plain value; nothing here panics on any input.

use crate::chart::{self, hex, parse_color, HostColors, Palette, Style};
use crate::inputs::{self, display_number, InputProblem, Inputs, ProblemKind};
use crate::model::{Engine, Projection, Kept};
use crate::scenario::{InputId, Scenario, Spec, INPUTS};
#[cfg(feature = "author")]
use crate::scenario::{json, problem_list, FromValue, MAX_SCENARIO_CHARS, READ_STEP_BYTES};
use crate::text::{fill, num, quoted, tr, Key, Lang};
use crate::view::{self, ChartKind};
use plotters::prelude::IntoDrawingArea;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

mod canvas;
use canvas::Canvas;

// One error convention: an export that can find a problem returns the problems as an array of
// sentences in the widget's language, empty when all was well; the constructor, which cannot
// return one, throws that array.

/// Notes for the reader: problems as sentences, empty when all was well.
type Notes = Vec<String>;

/// A labelled value on an input's track.
#[derive(Serialize)]
struct MarkOut<'a> {
    value: f64,
    label: &'a str,
    /// The value as the control shows it.
    text: String,
}

/// One option of a choice.
#[derive(Serialize)]
struct OptionOut<'a> {
    id: &'a str,
    label: &'a str,
}

/// One input as the shell needs it to build a control; derived from the input's row.
#[derive(Serialize)]
struct Control<'a> {
    id: &'static str,
    /// `number` (a slider and a number box) or `choice` (a select).
    kind: &'static str,
    label: &'a str,
    unit: &'a str,
    help: &'a str,
    min: f64,
    max: f64,
    step: f64,
    as_of: f64,
    /// The as-of value as the control shows it.
    as_of_text: String,
    marks: Vec<MarkOut<'a>>,
    options: Vec<OptionOut<'a>>,
}

/// A preset button.
#[derive(Serialize)]
struct PresetOut<'a> {
    id: &'a str,
    label: &'a str,
    description: &'a str,
}

/// A series the fan can show.
#[derive(Serialize)]
struct AssetOut<'a> {
    id: &'a str,
    label: &'a str,
}

/// A chart the shell lays out.
#[derive(Serialize)]
struct ChartOut {
    kind: &'static str,
    name: &'static str,
    /// The main chart stays in compact mode.
    main: bool,
    /// Its height follows its rows (`bars_height`) instead of an aspect ratio.
    rows: bool,
}

/// What the shell needs to lay out a widget.
#[derive(Serialize)]
struct Layout<'a> {
    title: &'a str,
    source: &'a str,
    lang: &'static str,
    inputs: Vec<Control<'a>>,
    presets: Vec<PresetOut<'a>>,
    assets: Vec<AssetOut<'a>>,
    charts: Vec<ChartOut>,
    /// The attributes that set the widget's state, in the order to apply them.
    attributes: Vec<&'static str>,
    /// Interface strings, keyed by name.
    text: Texts,
    /// What a number box the browser cannot read (`validity.badInput`: `12abc`) is set to.
    unreadable: &'static str,
}

/// The interface strings the shell shows, keyed by name, in a language (serialised as a map).
struct Texts(Lang);

impl Serialize for Texts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        const KEYS: [(&str, Key); 18] = [
            ("reset", Key::Reset), ("copyLink", Key::CopyLink), ("linkCopied", Key::LinkCopied),
            ("pin", Key::Pin), ("unpin", Key::Unpin), ("pinned", Key::PinnedNow), ("pinCleared", Key::PinCleared),
            ("showTable", Key::ShowTable), ("hideTable", Key::HideTable), ("downloadPng", Key::DownloadPng),
            ("downloadCsv", Key::DownloadCsv), ("presets", Key::Presets), ("series", Key::Series),
            ("builtIn", Key::BuiltIn), ("more", Key::More), ("less", Key::Less), ("about", Key::About),
            ("backToStory", Key::BackToStory),
        ];
        s.collect_map(KEYS.iter().map(|&(name, key)| (name, tr(key, self.0))))
    }
}

/// The attribute that applies a preset, before any single input.
const PRESET: &str = "preset";
/// The attribute that chooses the fan's series, after the inputs.
const ASSET: &str = "asset";

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Notes as a thrown value: a JS array of sentences (an author's file's problems).
#[cfg(feature = "author")]
fn thrown(notes: Notes) -> JsValue {
    notes.iter().map(|n| JsValue::from_str(n)).collect::<js_sys::Array>().into()
}

/// The inputs as the element's `value` and `scenariochange` show them: each input's name with its
/// number (or a choice's option id), in the table's order.
struct Values<'a>(&'a Scenario, &'a Inputs);

impl Serialize for Values<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(INPUTS.len()))?;
        for d in &INPUTS {
            match self.0.inputs.get(d.id) {
                Spec::Number(_) => map.serialize_entry(d.name, &self.1.get(d.id))?,
                Spec::Choice(_) => map.serialize_entry(d.name, &self.1.text(self.0, d.id))?,
            }
        }
        map.end()
    }
}

/// One `<tape-cast>` widget's state.
#[wasm_bindgen]
pub struct Widget {
    engine: Engine,
    inputs: Inputs,
    lang: Lang,
    asset: usize,
    palette: Palette,
    projection: Option<Projection>,
    pin: Option<Pin>,
    /// What the live state's projection keeps for the next one (funding stress per path, the
    /// surprise-free percentiles), read back while a drag moves one input.
    kept: Kept,
}

/// A pinned state: its inputs and, once drawn, its projection (for the drawn series), kept until
/// the series changes, so that a redraw while dragging projects only the live state.
struct Pin {
    inputs: Inputs,
    projection: Option<Projection>,
}

impl Pin {
    fn new(inputs: Inputs) -> Pin {
        Pin { inputs, projection: None }
    }
}

/// An author's scenario from its JSON text (the studio's): the size limit, the parse, the
/// fields' types. A problem comes with the path of the field it is about (empty for the file).
#[cfg(feature = "studio")]
fn authored_text(text: &str, lang: Lang) -> Result<Scenario, (String, String)> {
    let whole = |message: String| (String::new(), format!("scenario file: {message}"));
    if let Some(message) = crate::scenario::too_large(text.encode_utf16().count(), lang) {
        return Err(whole(message));
    }
    let tree = json::parse(text).map_err(|e| whole(format!("not valid JSON ({e})")))?;
    Scenario::from_value(tree).map_err(|e| (e.path().to_string(), format!("scenario file: {e}")))
}

/// An author's scenario file read over several tasks, so that a page never blocks for a large
/// one: its text handed over in pieces (`push`), read [`READ_STEP_BYTES`] at a time (`read`,
/// until it says it is done), then checked (`check`, the notes a widget lists). A file with no
/// problem becomes a widget (`new Widget(options, file)`); otherwise `free()` it (in a task of
/// its own).
#[cfg(feature = "author")]
#[wasm_bindgen]
pub struct AuthorFile {
    reader: Option<json::Reader>,
    /// UTF-16 units handed over.
    units: usize,
    /// The file read into the scenario structs, or what stopped it (`scenario file: …`).
    scenario: Option<Result<Scenario, String>>,
}

#[cfg(feature = "author")]
#[wasm_bindgen]
impl AuthorFile {
    /// An empty file.
    #[wasm_bindgen(constructor)]
    pub fn new() -> AuthorFile {
        AuthorFile { reader: Some(json::Reader::new(String::new())), units: 0, scenario: None }
    }

    /// Appends a piece of the file's text (`units` long in UTF-16, as JavaScript counts it); a
    /// file past [`MAX_SCENARIO_CHARS`] is refused unread.
    pub fn push(&mut self, piece: &str, units: usize) {
        self.units += units;
        if let Some(message) = crate::scenario::too_large(self.units, Lang::En) {
            self.reader = None;
            self.scenario = Some(Err(format!("scenario file: {message}")));
        } else if let Some(r) = &mut self.reader {
            r.push(piece);
        }
    }

    /// Reads on: about [`READ_STEP_BYTES`] of the text, or, once it is all read, the scenario's
    /// fields. True when done (the scenario read, or what stopped it found).
    pub fn read(&mut self) -> bool {
        if self.scenario.is_some() {
            return true;
        }
        match &mut self.reader {
            None => true,
            Some(r) if !r.done() => {
                r.step(READ_STEP_BYTES);
                false
            }
            // All read: the fields, in a call of their own.
            Some(_) => {
                if let Some(r) = self.reader.take() {
                    let read = r.finish().map_err(|e| format!("not valid JSON ({e})")).and_then(|tree| Scenario::from_value(tree).map_err(|e| e.to_string()));
                    self.scenario = Some(read.map_err(|e| format!("scenario file: {e}")));
                }
                true
            }
        }
    }

    /// The file's notes in `lang`, as a widget lists them (its first problems and "… and N
    /// more"); empty when it can be projected.
    pub fn check(&mut self, lang: &str) -> Notes {
        while !self.read() {}
        match &self.scenario {
            Some(Ok(s)) => problem_list(s, Lang::parse(lang)),
            Some(Err(e)) => vec![e.clone()],
            None => Notes::new(),
        }
    }
}

#[cfg(feature = "author")]
impl Default for AuthorFile {
    fn default() -> Self {
        AuthorFile::new()
    }
}


#[wasm_bindgen]
impl Widget {
    /// A widget of the built-in story in language `lang` (`en`, `zh`…), or of an author's `file`
    /// read and checked over several tasks ([`AuthorFile`]; throws its notes if it has problems).
    #[cfg(feature = "author")]
    #[wasm_bindgen(constructor)]
    pub fn new(lang: &str, file: Option<AuthorFile>) -> Result<Widget, JsValue> {
        let lang = Lang::parse(lang);
        let Some(mut f) = file else { return Ok(Widget::with(Engine::built_in(), lang)) };
        let scenario = match f.check(lang.tag()) {
            notes if !notes.is_empty() => Err(notes),
            _ => f.scenario.take().unwrap_or_else(|| Err(String::new())).map_err(|e| vec![e]),
        };
        // Checked already: Engine::new finds nothing more.
        let engine = Engine::new(scenario.map_err(thrown)?).map_err(|problems| thrown(vec![format!("scenario file: {} problems", problems.len())]))?;
        Ok(Widget::with(engine, lang))
    }

    /// A widget of the built-in story in language `lang` (`en`, `zh`…): the reader's wasm for
    /// the built-in story reads no author's file.
    #[cfg(not(feature = "author"))]
    #[wasm_bindgen(constructor)]
    pub fn new(lang: &str) -> Widget {
        Widget::with(Engine::built_in(), Lang::parse(lang))
    }

    fn with(engine: Engine, lang: Lang) -> Widget {
        let inputs = Inputs::as_of(engine.scenario());
        Widget { engine, inputs, lang, asset: 0, palette: Palette::LIGHT, projection: None, pin: None, kept: Kept::default() }
    }

    /// The layout: title, controls, presets, series, charts, state attributes and interface
    /// strings, in the widget's language.
    pub fn layout(&self) -> Result<JsValue, JsValue> {
        let s = self.engine.scenario();
        let l = self.lang;
        let control = |id: InputId| {
            let name = id.def().name;
            match s.inputs.get(id) {
                Spec::Number(n) => Control {
                    id: name,
                    kind: "number",
                    label: n.label.get(l),
                    unit: n.unit.get(l),
                    help: n.help.get(l),
                    min: n.min,
                    max: n.max,
                    step: n.step,
                    as_of: n.as_of,
                    as_of_text: display_number(id, n.as_of),
                    marks: n.marks.iter().map(|m| MarkOut { value: m.value, label: m.label.get(l), text: display_number(id, m.value) }).collect(),
                    options: Vec::new(),
                },
                Spec::Choice(c) => Control {
                    id: name,
                    kind: "choice",
                    label: c.label.get(l),
                    unit: "",
                    help: c.help.get(l),
                    min: 0.0,
                    max: c.options.len().saturating_sub(1) as f64,
                    step: 1.0,
                    as_of: f64::from(c.as_of),
                    as_of_text: c.options.get(c.as_of as usize).map_or_else(String::new, |o| o.label.get(l).to_string()),
                    marks: Vec::new(),
                    options: c.options.iter().map(|o| OptionOut { id: &o.id, label: o.label.get(l) }).collect(),
                },
            }
        };
        let attributes = attribute_names();
        let layout = Layout {
            title: s.title.get(l),
            source: s.source.get(l),
            lang: l.tag(),
            inputs: INPUTS.iter().map(|d| control(d.id)).collect(),
            presets: s.presets.iter().map(|p| PresetOut { id: &p.id, label: p.label.get(l), description: p.description.get(l) }).collect(),
            assets: s.assets.iter().map(|a| AssetOut { id: &a.id, label: a.label.get(l) }).collect(),
            charts: ChartKind::ALL.iter().map(|&k| ChartOut { kind: k.name(), name: k.accessible_name(l), main: k.main(), rows: k == ChartKind::Bars }).collect(),
            attributes,
            text: Texts(l),
            unreadable: inputs::UNREADABLE,
        };
        to_js(&layout)
    }

    /// Sets a state attribute from text: an input (a number, or a choice's option id), `preset`
    /// (a preset's id) or `asset` (the fan's series id). Returns the notes: empty when the value
    /// was used as given; otherwise what was wrong and what was used instead.
    pub fn set(&mut self, name: &str, text: &str) -> Notes {
        let s = self.engine.scenario();
        let note = match name {
            PRESET => match Inputs::preset(s, text.trim()) {
                Some(i) => {
                    self.inputs = i;
                    None
                }
                None => Some(self.attribute_note(Key::ProblemNotPreset, name, text)),
            },
            ASSET => match s.asset_index(text.trim()) {
                Some(a) => {
                    self.asset = a;
                    // The pinned projection holds the daily path of the series drawn before.
                    if let Some(pin) = &mut self.pin {
                        pin.projection = None;
                    }
                    None
                }
                None => Some(self.attribute_note(Key::ProblemNotSeries, name, text)),
            },
            _ => {
                let previous = self.inputs;
                self.inputs.set_text(s, name, text).map(|p| {
                    // The author's sentence (attribute name, value, limit) to the console; the
                    // reader's, in the input's own words, inside the widget.
                    gloo::console::warn!(format!("<tape-cast>: {}", p.sentence(self.lang)));
                    self.reader_note(&p, &previous)
                })
            }
        };
        self.projection = None;
        note.into_iter().collect()
    }

    /// A problem with an input as its reader would say it ("December cut odds can't exceed 100%
    /// — using 100%"); problems a reader cannot cause keep the author's sentence.
    fn reader_note(&self, p: &InputProblem, previous: &Inputs) -> String {
        let (s, l) = (self.engine.scenario(), self.lang);
        let Some(id) = InputId::from_name(&p.field) else { return p.sentence(l) };
        let (label, unit) = match s.inputs.get(id) {
            Spec::Number(n) => (n.label.get(l), n.unit.get(l)),
            Spec::Choice(c) => (c.label.get(l), ""),
        };
        let percent = if unit.starts_with('%') { "%" } else { "" };
        let (key, limit) = match &p.kind {
            ProblemKind::Above(max) => (Key::ReaderAbove, format!("{}{percent}", num::plain(*max))),
            ProblemKind::Below(min) => (Key::ReaderBelow, format!("{}{percent}", num::plain(*min))),
            // Kept as its number box shows it (`0`, not the caption's `+0.0`): the note and the box agree.
            ProblemKind::NotNumber | ProblemKind::NotFinite | ProblemKind::Empty | ProblemKind::Unreadable => {
                let key = match p.kind {
                    ProblemKind::Empty => Key::ReaderEmpty,
                    ProblemKind::Unreadable => Key::ReaderUnreadable,
                    _ => Key::ReaderNotNumber,
                };
                (key, format!("{}{percent}", previous.text(s, id)))
            }
            ProblemKind::NotOption(_) | ProblemKind::NotOptionIndex(_) => (Key::ReaderNotOption, previous.display(s, id, l)),
            _ => return p.sentence(l),
        };
        fill(tr(key, l), &[("label", label), ("limit", &limit), ("kept", &limit), ("value", &p.value)])
    }

    fn attribute_note(&self, key: Key, name: &str, value: &str) -> String {
        let colon = if self.lang == Lang::Zh { "：" } else { ": " };
        format!("{name}{colon}{}", fill(tr(key, self.lang), &[("value", &quoted(value))]))
    }

    /// The inputs: each input's name with its number (a choice gives its option id).
    pub fn values(&self) -> Result<JsValue, JsValue> {
        to_js(&Values(self.engine.scenario(), &self.inputs))
    }

    /// An input's value as text for its form control (a choice gives its option id); empty for
    /// an unknown name.
    pub fn get(&self, name: &str) -> String {
        InputId::from_name(name).map_or_else(String::new, |id| self.inputs.text(self.engine.scenario(), id))
    }

    /// An input's value as shown beside its control (`−7.5`, `150`, an option's label).
    pub fn display(&self, name: &str) -> String {
        InputId::from_name(name).map_or_else(String::new, |id| self.inputs.display(self.engine.scenario(), id, self.lang))
    }

    /// The id of the preset whose inputs are the current ones (the as-of state is one), else
    /// empty: its button shows pressed however the state came (a click, a link, an attribute).
    pub fn preset_id(&self) -> String {
        let s = self.engine.scenario();
        s.presets.iter().find(|p| Inputs::preset(s, &p.id) == Some(self.inputs)).map_or_else(String::new, |p| p.id.clone())
    }

    /// The id of the series whose fan is drawn.
    pub fn asset_id(&self) -> String {
        self.engine.scenario().assets[self.asset].id.clone()
    }

    /// Back to the author's case.
    pub fn reset(&mut self) {
        self.inputs = Inputs::as_of(self.engine.scenario());
        self.projection = None;
    }

    /// The widget's language tag (`en`, `zh-CN`).
    pub fn lang_tag(&self) -> String {
        self.lang.tag().into()
    }

    /// Sets the language (`en`, `zh`…).
    pub fn set_lang(&mut self, tag: &str) {
        self.lang = Lang::parse(tag);
    }

    /// The permalink payload for the current inputs and the pinned ones, if any.
    pub fn link(&self) -> String {
        inputs::to_link(self.engine.scenario(), &self.inputs, self.pin.as_ref().map(|p| &p.inputs))
    }

    /// Pins the current inputs: the charts, the summary and the table then compare against them
    /// until [`Widget::unpin`]. Pinning again replaces the pin.
    pub fn pin(&mut self) {
        self.pin = Some(Pin { inputs: self.inputs, projection: self.projection.clone() });
    }

    /// Clears the pin.
    pub fn unpin(&mut self) {
        self.pin = None;
    }

    /// Whether a state is pinned.
    pub fn pinned(&self) -> bool {
        self.pin.is_some()
    }

    /// Reads this widget's part of a URL fragment (`#key=payload&…`): the inputs, and the pin when
    /// the link holds one (a link without keeps the current pin). Returns the notes in the reader's
    /// words (empty when the link applied cleanly or held nothing for `key`).
    pub fn restore(&mut self, fragment: &str, key: &str) -> Notes {
        let Some(payload) = inputs::fragment_part(fragment, key) else { return Notes::new() };
        let previous = self.inputs;
        let read = inputs::from_link(self.engine.scenario(), self.inputs, &payload);
        self.inputs = read.inputs;
        // A link with a pin sets it; one without (an older link, a link in the article's prose)
        // leaves the reader's pin alone, so that they can compare against it.
        if let Some(pin) = read.pin {
            self.pin = Some(Pin::new(pin));
        }
        self.projection = None;
        // As for an attribute: the author's sentence to the console, the reader's in the widget
        // (the link was followed by a reader: "December cut odds can't exceed 100% — using 100%").
        read.problems
            .iter()
            .map(|p| {
                gloo::console::warn!(format!("<tape-cast>: {}", p.sentence(self.lang)));
                self.reader_note(p, &previous)
            })
            .collect()
    }

    /// `fragment` with this widget's part set to the current inputs.
    pub fn fragment(&self, fragment: &str, key: &str) -> String {
        inputs::with_fragment_part(fragment, key, &self.link())
    }

    fn projection(&mut self) -> &Projection {
        let (engine, inputs, asset, kept) = (&self.engine, &self.inputs, self.asset, &mut self.kept);
        self.projection.get_or_insert_with(|| engine.project_keeping(inputs, &[asset], kept))
    }

    /// Projects what is missing: the live state, and the pinned one once per pin and series.
    fn project_both(&mut self) {
        self.projection();
        let (engine, asset) = (&self.engine, self.asset);
        if let Some(pin) = &mut self.pin {
            pin.projection.get_or_insert_with(|| engine.project(&pin.inputs, &[asset]));
        }
    }

    /// The live projection and the pinned one, as [`Widget::project_both`] left them.
    fn projections(&self) -> Result<(&Projection, Option<&Projection>), &'static str> {
        let live = self.projection.as_ref().ok_or("no projection")?;
        Ok((live, self.pin.as_ref().and_then(|p| p.projection.as_ref())))
    }

    /// Sets the colours to draw with: the light or dark palette, with the host page's colours
    /// (`{ background, text, border, accent, warning }`, CSS colour strings as the browser
    /// computed them from `--tc-…` custom properties) in place of the defaults. Missing or
    /// unreadable colours keep the palette's own.
    pub fn set_theme(&mut self, dark: bool, colors: JsValue) {
        let read = |key: &str| {
            if !colors.is_object() {
                return None;
            }
            js_sys::Reflect::get(&colors, &JsValue::from_str(key)).ok()?.as_string().and_then(|s| parse_color(&s))
        };
        let host = HostColors { background: read("background"), text: read("text"), border: read("border"), accent: read("accent"), warning: read("warning") };
        self.palette = Palette::themed(dark, &host);
    }

    /// The colours in use, as `#rrggbb` (`{ background, text, muted, border, accent, warning }`):
    /// for what the shell paints itself (the PNG export).
    pub fn theme(&self) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct ThemeOut {
            background: String,
            text: String,
            muted: String,
            border: String,
            accent: String,
            on_accent: String,
            warning: String,
        }
        let p = &self.palette;
        to_js(&ThemeOut {
            background: hex(p.background),
            text: hex(p.text),
            muted: hex(p.muted),
            border: hex(p.border),
            accent: hex(p.series),
            on_accent: hex(p.on_accent),
            warning: hex(p.reference),
        })
    }

    /// Draws chart `kind` (one of `layout().charts`) onto `canvas` at `css_width × css_height`
    /// CSS pixels and `dpr` backing pixels per CSS pixel, in the theme set last, with the host's
    /// `font` family. Sizes out of range are clamped. Returns the notes (an unknown kind, a
    /// drawing error).
    pub fn draw(&mut self, kind: &str, canvas: HtmlCanvasElement, css_width: f64, css_height: f64, dpr: f64, font: &str) -> Notes {
        match self.try_draw(kind, canvas, css_width, css_height, dpr, font) {
            Ok(()) => Notes::new(),
            Err(e) => vec![format!("chart: {e}")],
        }
    }

    fn try_draw(&mut self, kind: &str, canvas: HtmlCanvasElement, css_width: f64, css_height: f64, dpr: f64, font: &str) -> Result<(), String> {
        let kind = ChartKind::from_name(kind).ok_or_else(|| format!("{} is not a chart (expected one of {})", quoted(kind), ChartKind::names()))?;
        let ok = |x: f64, lo: f64, hi: f64| if x.is_finite() { num::clamp(x, lo, hi) } else { lo };
        let (w, h, dpr) = (ok(css_width, 1.0, 4096.0), ok(css_height, 1.0, 4096.0), ok(dpr, 1.0, 4.0));
        // Sized only when the size changed: setting it, even to the same, reallocates the canvas
        // and resets its state. The chart paints its whole area (an opaque background) first.
        let (bw, bh) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
        if canvas.width() != bw {
            canvas.set_width(bw);
        }
        if canvas.height() != bh {
            canvas.set_height(bh);
        }
        let (lang, asset) = (self.lang, self.asset);
        self.project_both();
        let (projection, pinned) = self.projections()?;
        let chart = view::chart_against(&self.engine, projection, pinned, kind, asset, lang).ok_or("no fan for the series")?;
        let style = Style { palette: self.palette, scale: dpr, font: font_family(font) };
        let backend = Canvas::new(canvas).ok_or("no 2d context")?;
        let area = backend.into_drawing_area();
        chart::draw(&area, &chart, &style).map_err(|e| e.to_string())?;
        area.present().map_err(|e| e.to_string())
    }

    /// Draws the share card onto `canvas` at its own pixel size (1200 × 675 when `landscape`,
    /// else 1080 × 1350): the title, the inputs, the fan, the summary, the source and `link`.
    /// Returns the notes (a drawing error).
    pub fn card(&mut self, canvas: HtmlCanvasElement, landscape: bool, link: &str, font: &str) -> Notes {
        let (w, h) = if landscape { chart::LANDSCAPE } else { chart::PORTRAIT };
        canvas.set_width(w);
        canvas.set_height(h);
        let (lang, asset) = (self.lang, self.asset);
        self.project_both();
        let Ok((p, q)) = self.projections() else { return vec!["chart: no projection".into()] };
        let pinned = q.zip(self.pin.as_ref().map(|pin| &pin.inputs));
        let Some(spec) = view::card_spec(&self.engine, p, &self.inputs, pinned, asset, lang, link) else {
            return vec!["chart: no fan for the series".into()];
        };
        let style = Style { palette: self.palette, scale: 1.0, font: font_family(font) };
        let Some(backend) = Canvas::new(canvas) else { return vec!["chart: no 2d context".into()] };
        let area = backend.into_drawing_area();
        match chart::draw(&area, &chart::Chart::Card(spec), &style).and_then(|()| area.present()) {
            Ok(()) => Notes::new(),
            Err(e) => vec![format!("chart: {e}")],
        }
    }

    /// The CSS height, in pixels, the cross-asset chart needs for its rows at `css_width`.
    pub fn bars_height(&mut self, css_width: f64) -> f64 {
        let width = if css_width.is_finite() { num::clamp(css_width, 100.0, 4096.0) } else { 600.0 };
        self.project_both();
        let spec = match self.projections() {
            Ok((p, Some(q))) => view::bars_against(&self.engine, p, q, self.lang),
            Ok((p, None)) => view::bars_spec(&self.engine, p, self.lang),
            Err(_) => return 300.0,
        };
        chart::bars_height(&spec, width)
    }

    /// The horizon percentiles of every series as a table (`{caption, head, rows}`), with the
    /// pinned state's medians as a last column while a state is pinned.
    pub fn table(&mut self) -> Result<JsValue, JsValue> {
        self.project_both();
        let (p, q) = self.projections().map_err(JsValue::from_str)?;
        to_js(&view::table_against(&self.engine, p, q, self.lang))
    }

    /// Every daily percentile of every series as CSV, inputs in the header rows; while a state
    /// is pinned, its rows too (a first `state` column, `live` or `pinned`).
    pub fn csv(&self) -> String {
        let p = self.engine.project_all(&self.inputs);
        let pinned = self.pin.as_ref().map(|pin| (self.engine.project_all(&pin.inputs), &pin.inputs));
        view::csv(&self.engine, &p, &self.inputs, pinned.as_ref().map(|(q, i)| (q, *i)))
    }

    /// Caption lines for an exported image (`today` as `YYYY-MM-DD`).
    pub fn caption(&self, today: &str) -> Result<JsValue, JsValue> {
        to_js(&view::caption(&self.engine, &self.inputs, self.lang, today))
    }

    /// A sentence saying how far input `name` alone can move its headline number (empty for an
    /// unknown name). Two or more projections: the shell calls it one input per idle period.
    pub fn sensitivity(&self, name: &str) -> String {
        InputId::from_name(name).map_or_else(String::new, |id| view::sensitivity(&self.engine, &self.inputs, id, self.lang))
    }

    /// The chip text for an input moved away from the author's case (empty when it is not).
    pub fn delta(&self, name: &str) -> String {
        InputId::from_name(name).map_or_else(String::new, |id| view::delta(&self.engine, &self.inputs, id, self.lang))
    }

    /// The summary sentence for the current inputs; while a state is pinned, what differs from it.
    pub fn summary(&mut self) -> String {
        self.project_both();
        match self.projections() {
            Ok((p, q)) => view::summary_against(&self.engine, p, &self.inputs, q.zip(self.pin.as_ref().map(|pin| &pin.inputs)), self.lang),
            Err(_) => String::new(),
        }
    }

    /// A chart's short data description for screen readers (`kind` as in `layout().charts`): the
    /// summary for the fan, the biggest movers for the bars, the peaks for the plumbing.
    pub fn describe(&mut self, kind: &str) -> String {
        if ChartKind::from_name(kind) == Some(ChartKind::Fan) {
            return self.summary(); // with what differs from the pin, as the summary says it
        }
        self.projection();
        let (Some(p), Some(kind)) = (&self.projection, ChartKind::from_name(kind)) else { return String::new() };
        match kind {
            ChartKind::Fan => String::new(), // answered above
            ChartKind::Bars => view::bars_description(&view::bars_spec(&self.engine, p, self.lang), self.lang),
            ChartKind::Plumbing => view::plumbing_description(&self.engine, p, self.lang),
        }
    }

    /// One line when the projection goes beyond what the model was calibrated on; empty within.
    pub fn extrapolation(&mut self) -> String {
        self.projection();
        match &self.projection {
            Some(p) => view::extrapolation(&self.engine, p, self.lang).unwrap_or_default(),
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
            inputs: Values<'a>,
            headline: &'a crate::model::Headline,
            lead: String,
            mover: String,
            /// The trading days, `YYYY-MM-DD`, as-of first (the headline's day indices point here).
            dates: Vec<String>,
            /// The pinned state's inputs; `null` when nothing is pinned.
            pinned: Option<Values<'a>>,
            /// The lead's year-end 5th, 50th and 95th percentiles as the widget writes them,
            /// rounded to what their spread supports (`6,660`, as the summary, the fan and the
            /// table give it).
            lead_p5: String,
            lead_p50: String,
            lead_p95: String,
        }
        let s = self.engine.scenario();
        let out = Out {
            dates: self.engine.timeline().dates.iter().map(|d| d.to_string()).collect(),
            inputs: Values(s, &self.inputs),
            pinned: self.pin.as_ref().map(|p| Values(s, &p.inputs)),
            headline: &h,
            lead: s.assets[0].id.clone(),
            mover: s.assets[h.mover].id.clone(),
            lead_p5: view::projected(&self.engine, 0, &h.lead, h.lead.p5),
            lead_p50: view::projected(&self.engine, 0, &h.lead, h.lead.p50),
            lead_p95: view::projected(&self.engine, 0, &h.lead, h.lead.p95),
        };
        to_js(&out)
    }
}

/// The host's font family list for drawing: at most 200 characters, `sans-serif` when empty.
fn font_family(font: &str) -> String {
    if font.trim().is_empty() {
        "sans-serif".into()
    } else {
        font.chars().take(200).collect()
    }
}

/// The attributes that set a widget's state, in the order to apply them: a preset, then each
/// input, then the fan's series.
fn attribute_names() -> Vec<&'static str> {
    let mut names = vec![PRESET];
    names.extend(INPUTS.iter().map(|d| d.name));
    names.push(ASSET);
    names
}

/// The state attributes every widget reads (`layout().attributes` without a widget): for pages
/// that pass attributes through, such as the iframe page.
#[wasm_bindgen]
pub fn state_attributes() -> Vec<String> {
    attribute_names().into_iter().map(String::from).collect()
}

/// The charts a widget's `panels` attribute shows (`{ charts: ["fan", "bars"], notes: [...] }`):
/// see [`view::panels`].
#[wasm_bindgen]
pub fn panels(value: &str) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Out {
        charts: Vec<&'static str>,
        notes: Notes,
    }
    let (charts, notes) = view::panels(value);
    let out = Out { charts: charts.into_iter().map(ChartKind::name).collect(), notes };
    to_js(&out)
}

/// The palette's colours as CSS custom-property defaults (`--tc-d-background` …) for the frame in
/// light and dark: the shell's CSS falls back to these where the host sets no `--tc-…` colour.
#[wasm_bindgen]
pub fn palette_css() -> String {
    format!(".frame{{{}}}.frame.dark{{{}}}", Palette::LIGHT.css_vars(), Palette::DARK.css_vars())
}

/// Logs a warning to the console (used by the shell for readable input problems).
#[wasm_bindgen]
pub fn warn(message: &str) {
    gloo::console::warn!(message);
}

/// The largest author scenario file read, in characters; the shell refuses a larger one unread.
#[cfg(feature = "author")]
#[wasm_bindgen]
pub fn max_scenario_chars() -> usize {
    MAX_SCENARIO_CHARS
}

/// The one message for a scenario file of `chars` characters over the limit, or `undefined`.
#[cfg(feature = "author")]
#[wasm_bindgen]
pub fn too_large(chars: usize, lang: &str) -> Option<String> {
    crate::scenario::too_large(chars, Lang::parse(lang))
}

/// "… and N more" in the language `lang`: the line after the notes a widget lists.
#[wasm_bindgen]
pub fn more_problems(n: usize, lang: &str) -> String {
    crate::scenario::more_problems(n, Lang::parse(lang))
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

// ---------------------------------------------------------------------------------------------
// The scenario studio (www/studio/): compiled only with the `studio` feature into a second wasm
// that only the studio page loads; a reader's wasm has none of this.
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "studio")]
mod studio {
    use super::{authored_text, quoted, to_js, Engine, JsValue, Lang};
    use crate::scenario::{validate_first, DEFAULT_SCENARIO_JSON, MAX_PROBLEMS_SHOWN};
    use crate::snapshot;
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    /// One problem as the studio shows it beside its field.
    #[derive(Serialize)]
    struct FieldProblem {
        /// The field's path (`calendar.events[2].date`); empty for a problem of the whole file.
        field: String,
        /// The sentence the widget would show (`calendar.events[2].date: "…" is not a trading day …`).
        message: String,
        /// The file could not be read as a scenario (its size, its syntax, a missing field or one
        /// of the wrong type): nothing else was checked.
        fatal: bool,
    }

    /// What [`studio_check`] finds.
    #[derive(Serialize)]
    struct Checked {
        problems: Vec<FieldProblem>,
        /// How many more problems there are beyond those listed.
        more: usize,
    }

    /// Checks an author's scenario (JSON text) exactly as a widget would: the size limit, the
    /// parse, the fields' types, then `validate()`. Returns `{ problems: [{ field, message,
    /// fatal }], more }`, the problems capped as a widget lists them.
    #[wasm_bindgen]
    pub fn studio_check(text: &str) -> Result<JsValue, JsValue> {
        let checked = match authored_text(text, Lang::En) {
            Err((field, message)) => Checked { problems: vec![FieldProblem { field, message, fatal: true }], more: 0 },
            Ok(scenario) => {
                let (first, all) = validate_first(&scenario, MAX_PROBLEMS_SHOWN);
                let more = all - first.len();
                let problems = first.iter().map(|p| FieldProblem { field: p.field.clone(), message: p.to_string(), fatal: false }).collect();
                Checked { problems, more }
            }
        };
        to_js(&checked)
    }

    /// A state's static snapshot, drawn by the same code as `tapecast-snapshots`.
    #[derive(Serialize)]
    struct Snapshot {
        /// The SVG document, byte for byte what the snapshot binary writes for this state.
        svg: String,
        /// Its height in pixels.
        height: u32,
        /// The no-JavaScript `<figure>` (linked image, caption, headline table), its image at
        /// `image` (relative to the folder).
        html: String,
    }

    /// The snapshot of `state` (`as-of` or a preset's id) of an author's scenario (JSON text) in
    /// `lang`, `width` pixels wide (240 to 2000), its figure's image at `image`. Throws a
    /// sentence if the scenario does not validate or has no such state.
    #[wasm_bindgen]
    pub fn studio_snapshot(text: &str, state: &str, lang: &str, width: u32, image: &str) -> Result<JsValue, JsValue> {
        let lang = Lang::parse(lang);
        let scenario = authored_text(text, lang).map_err(|(_, e)| JsValue::from_str(&e))?;
        let engine = Engine::new(scenario).map_err(|p| JsValue::from_str(&format!("the scenario has {} problems", p.len())))?;
        let states = snapshot::states(engine.scenario(), lang);
        let found = states.iter().find(|s| s.id == state).ok_or_else(|| JsValue::from_str(&format!("{}: not a state of this scenario", quoted(state))))?;
        let width = width.clamp(240, 2000);
        let (svg, height) = snapshot::combined(&engine, found, lang, width).ok_or_else(|| JsValue::from_str("the lead series has no daily path"))?;
        let html = snapshot::figure(&engine, found, lang, snapshot::Image { path: image, size: (width, height) }, None);
        to_js(&Snapshot { svg, height, html })
    }

    /// The words each word-valued field takes, from the scenario's own enums: `{ kind, group,
    /// quote, directions }` (an event's kind, an asset's group and quote, the values of an
    /// asset's `directions`), for the studio's choices; and `panels`, the charts the `panels`
    /// attribute may leave out (every chart but the fan, which always shows).
    #[wasm_bindgen]
    pub fn studio_words() -> Result<JsValue, JsValue> {
        use crate::scenario::{Direction, EventKind, Group, Quote};
        use crate::view::ChartKind;
        let optional: Vec<&str> = ChartKind::ALL.into_iter().filter(|k| *k != ChartKind::Fan).map(ChartKind::name).collect();
        let words: std::collections::BTreeMap<&str, &[&str]> =
            [("kind", EventKind::WORDS), ("group", Group::WORDS), ("quote", Quote::WORDS), ("directions", Direction::WORDS), ("panels", &optional)].into_iter().collect();
        to_js(&words)
    }

    /// The built-in story's file, for the studio's "start from the built-in story".
    #[wasm_bindgen]
    pub fn studio_builtin_json() -> String {
        DEFAULT_SCENARIO_JSON.to_string()
    }
}

