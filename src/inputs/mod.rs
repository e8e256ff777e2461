//! The reader's inputs: raw text (attributes, URL fragments, presets) validated into plain typed
//! values, with every problem reported as field, value and what was expected.
//!
//! Low then high: nothing reaches the model until it is a finite number inside the scenario's
//! declared range. A bad value is clamped or ignored (never fatal), and said so. Which inputs
//! there are, and what kind each is, comes from the one table in `scenario::INPUTS`; this file
//! maps each input to its slot in [`Inputs`] (one exhaustive match) and does the rest by row.

mod link;

pub use link::{fragment_part, from_link, to_link, with_fragment_part, FromLink, LinkVersion};

use crate::scenario::{InputId, InputSpec, PresetValue, Scenario, Spec, INPUTS};
use crate::text::{fill, num, quoted, tr, Key, Lang};
use serde::{Deserialize, Serialize};

/// What the shell sets a number input to when its box holds text that the browser will not give
/// (`validity.badInput`: `12abc`, `1e`, `--`): U+FFFD, the replacement character, for text not known.
pub const UNREADABLE: &str = "\u{FFFD}";

/// Validated inputs: always finite and inside the scenario's ranges.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Inputs {
    /// Earnings surprise against what is priced, percent.
    pub surprise: f64,
    /// Priced cut probability, percent.
    pub cut_odds: f64,
    /// Reserve shortfall, $bn.
    pub shortfall: f64,
    /// Index into the scenario's reserve-purchase start options.
    pub rmp_start: usize,
    /// Reserve-purchase pace, $bn a month.
    pub rmp_pace: f64,
}

/// A problem with an input (an attribute, a fragment part, a form value): the field, the value
/// found (quoted when it was text) and what was wrong, with what the widget did instead. It reads
/// as one sentence in the widget's language ([`InputProblem::sentence`]; `Display` is English).
#[derive(Debug, Clone, PartialEq)]
pub struct InputProblem {
    /// The field: an input's name, or `input` / `link`.
    pub field: String,
    /// The value found, as text (for [`ProblemKind::Unread`], where none was found: the value kept).
    pub value: String,
    /// What was wrong.
    pub kind: ProblemKind,
}

/// What was wrong with an input, and what was used instead.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// Not one of the input names (listed).
    NotInput(String),
    /// Not a number; the previous value was kept.
    NotNumber,
    /// Not a finite number; the previous value was kept.
    NotFinite,
    /// An empty value for a number; the previous value was kept. A reader's note says so in
    /// the input's words (`Widget::reader_note`), quoting nothing.
    Empty,
    /// A number box the browser could not read ([`UNREADABLE`]: `12abc`, `1e`); the previous
    /// value was kept. Said as [`ProblemKind::Empty`] is.
    Unreadable,
    /// Below the minimum, which was used.
    Below(f64),
    /// Above the maximum, which was used.
    Above(f64),
    /// Not one of the options (listed).
    NotOption(String),
    /// Not an option index; the highest index.
    NotOptionIndex(usize),
    /// A fragment part without `field:value`.
    NotFieldValue,
    /// A link from another scenario or model version: the current version.
    OtherVersion(String),
    /// A link for another scenario (the current one): nothing used.
    OtherScenario(String),
}

impl InputProblem {
    /// The problem as a sentence in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let (key, detail) = match &self.kind {
            NotInput(list) => (Key::ProblemNotInput, list.clone()),
            NotNumber | Empty | Unreadable => (Key::ProblemNotNumber, String::new()),
            NotFinite => (Key::ProblemNotFinite, String::new()),
            Below(min) => (Key::ProblemBelow, num::plain(*min)),
            Above(max) => (Key::ProblemAbove, num::plain(*max)),
            NotOption(list) => (Key::ProblemNotOption, list.clone()),
            NotOptionIndex(last) => (Key::ProblemNotOptionIndex, last.to_string()),
            NotFieldValue => (Key::ProblemNotFieldValue, String::new()),
            OtherVersion(now) => (Key::LinkOtherVersion, now.clone()),
            OtherScenario(now) => (Key::LinkOtherScenario, now.clone()),
        };
        let field = match (self.field.as_str(), lang) {
            ("link", Lang::Zh) => "链接",
            ("input", Lang::Zh) => "输入",
            (f, _) => f,
        };
        // The value found last, so that nothing in it is taken for a placeholder.
        fill(tr(key, lang), &[("field", field), ("detail", &detail), ("value", &self.value)])
    }
}

impl core::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.sentence(Lang::En))
    }
}

/// Where an input's value lives in [`Inputs`].
enum Slot<'a> {
    Number(&'a mut f64),
    Choice(&'a mut usize),
}

impl Inputs {
    /// The slot of input `id`: the one place that maps inputs to fields of this struct.
    fn slot(&mut self, id: InputId) -> Slot<'_> {
        match id {
            InputId::Surprise => Slot::Number(&mut self.surprise),
            InputId::CutOdds => Slot::Number(&mut self.cut_odds),
            InputId::Shortfall => Slot::Number(&mut self.shortfall),
            InputId::RmpStart => Slot::Choice(&mut self.rmp_start),
            InputId::RmpPace => Slot::Number(&mut self.rmp_pace),
        }
    }

    /// The value of input `id`: the number, or a choice's option index.
    pub fn get(&self, id: InputId) -> f64 {
        let mut copy = *self;
        match copy.slot(id) {
            Slot::Number(x) => *x,
            Slot::Choice(i) => *i as f64,
        }
    }

    /// A copy with input `id` set to `x` as given (a number, or an option index), unchecked:
    /// for values taken from the scenario's own ranges and options.
    pub fn with(mut self, id: InputId, x: f64) -> Inputs {
        match self.slot(id) {
            Slot::Number(v) => *v = x,
            Slot::Choice(i) => *i = x as usize,
        }
        self
    }

    /// The author's case: every input at its as-of value.
    pub fn as_of(s: &Scenario) -> Inputs {
        let mut out = Inputs { surprise: 0.0, cut_odds: 0.0, shortfall: 0.0, rmp_start: 0, rmp_pace: 0.0 };
        for d in &INPUTS {
            out = match s.inputs.get(d.id) {
                Spec::Number(n) => out.with(d.id, n.as_of),
                Spec::Choice(c) => out.with(d.id, f64::from(c.as_of)),
            };
        }
        out
    }

    /// A preset's inputs, or `None` for an unknown preset id.
    pub fn preset(s: &Scenario, id: &str) -> Option<Inputs> {
        let p = s.presets.iter().find(|p| p.id == id)?;
        let mut out = Inputs::as_of(s);
        for d in &INPUTS {
            out = match (p.value(d.id), s.inputs.get(d.id)) {
                (PresetValue::Number(x), _) => out.with(d.id, x),
                (PresetValue::Choice(o), Spec::Choice(c)) => out.with(d.id, c.options.iter().position(|opt| opt.id == o)? as f64),
                (PresetValue::Choice(_), Spec::Number(_)) => return None,
            };
        }
        Some(out)
    }

    /// Sets input `name` from a number, clamping into range (a choice takes an option index).
    /// Unknown names and non-finite values change nothing. Returns the problem, if any.
    pub fn set_number(&mut self, s: &Scenario, name: &str, x: f64) -> Option<InputProblem> {
        let Some(id) = InputId::from_name(name) else { return Some(unknown(name)) };
        self.set_number_of(s, id, x)
    }

    fn set_number_of(&mut self, s: &Scenario, id: InputId, x: f64) -> Option<InputProblem> {
        let name = id.def().name;
        match (self.slot(id), s.inputs.get(id)) {
            (Slot::Number(slot), Spec::Number(spec)) => {
                let (value, problem) = clamp(name, x, spec, *slot);
                *slot = value;
                problem
            }
            (Slot::Choice(slot), Spec::Choice(c)) => {
                let n = c.options.len();
                if x.is_finite() && x >= 0.0 && x.fract() == 0.0 && (x as usize) < n {
                    *slot = x as usize;
                    return None;
                }
                Some(problem(name, num::plain(x), ProblemKind::NotOptionIndex(n.saturating_sub(1))))
            }
            _ => Some(unknown(name)),
        }
    }

    /// Sets input `name` from text (an attribute, a form value or a fragment part): a number,
    /// or a choice's option id.
    pub fn set_text(&mut self, s: &Scenario, name: &str, text: &str) -> Option<InputProblem> {
        let Some(id) = InputId::from_name(name) else { return Some(unknown(name)) };
        let text = text.trim();
        match s.inputs.get(id) {
            Spec::Choice(c) => match c.options.iter().position(|o| o.id == text) {
                Some(i) => self.set_number_of(s, id, i as f64),
                None => {
                    let ids: Vec<&str> = c.options.iter().map(|o| o.id.as_str()).collect();
                    Some(problem(name, quoted(text), ProblemKind::NotOption(ids.join(", "))))
                }
            },
            Spec::Number(_) => match parse_number(text) {
                Some(x) => self.set_number_of(s, id, x),
                // Quoting nothing (`""`) reads like a bug: an empty or unreadable box says so.
                None if text.is_empty() => Some(problem(name, quoted(text), ProblemKind::Empty)),
                None if text == UNREADABLE => Some(problem(name, quoted(text), ProblemKind::Unreadable)),
                None => Some(problem(name, quoted(text), ProblemKind::NotNumber)),
            },
        }
    }

    /// The value of input `id` as text, as written in fragments and attributes (a choice gives
    /// its option id).
    pub fn text(&self, s: &Scenario, id: InputId) -> String {
        match s.inputs.get(id) {
            Spec::Number(_) => num::plain(self.get(id)),
            Spec::Choice(c) => c.options.get(self.get(id) as usize).map_or_else(String::new, |o| o.id.clone()),
        }
    }

    /// The value of input `id` as the reader sees it beside its control (`+7.5`, `150`, or the
    /// option's label).
    pub fn display(&self, s: &Scenario, id: InputId, lang: Lang) -> String {
        match s.inputs.get(id) {
            Spec::Number(_) => display_number(id, self.get(id)),
            Spec::Choice(c) => c.options.get(self.get(id) as usize).map_or_else(String::new, |o| o.label.get(lang).to_string()),
        }
    }
}

/// A number of input `id` as its control shows it, with the row's decimals and sign.
pub fn display_number(id: InputId, x: f64) -> String {
    let d = id.def();
    if d.signed {
        num::signed(x, d.decimals)
    } else {
        num::fixed(x, d.decimals)
    }
}

/// Parses a plain decimal number; rejects NaN, infinities and anything long or odd.
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let ok = !t.is_empty()
        && t.len() <= 32
        && t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
    if !ok {
        return None;
    }
    num::parse(t).filter(|x| x.is_finite())
}

fn problem(field: &str, value: String, kind: ProblemKind) -> InputProblem {
    InputProblem { field: field.into(), value, kind }
}

fn unknown(field: &str) -> InputProblem {
    problem("input", quoted(field), ProblemKind::NotInput(InputId::names()))
}

/// Clamps `x` into the spec's range; a non-finite `x` keeps `previous`.
fn clamp(field: &str, x: f64, spec: &InputSpec, previous: f64) -> (f64, Option<InputProblem>) {
    if !x.is_finite() {
        return (previous, Some(problem(field, num::plain(x), ProblemKind::NotFinite)));
    }
    if x < spec.min {
        return (spec.min, Some(problem(field, num::plain(x), ProblemKind::Below(spec.min))));
    }
    if x > spec.max {
        return (spec.max, Some(problem(field, num::plain(x), ProblemKind::Above(spec.max))));
    }
    (x, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::default_scenario;

    #[test]
    fn out_of_range_is_clamped_with_a_message() {
        let s = default_scenario();
        let mut i = Inputs::as_of(&s);
        let p = i.set_text(&s, "cut-odds", "140").unwrap();
        assert_eq!(i.cut_odds, 100.0);
        assert_eq!(p.to_string(), "cut-odds: 140 is above the maximum 100 (used 100)");
        let p = i.set_text(&s, "surprise", "NaN").unwrap();
        assert_eq!(i.surprise, 0.0, "kept");
        assert!(p.to_string().contains("is not a number"), "{p}");
        let p = i.set_text(&s, "shortfall", "<img src=x onerror=alert(1)>").unwrap();
        assert_eq!(i.shortfall, 150.0);
        assert!(p.value.starts_with('"'));
        assert!(i.set_text(&s, "rmp-start", "march").unwrap().to_string().contains("none, december, january"));
        assert!(i.set_number(&s, "shortfall", f64::INFINITY).is_some());
        assert_eq!(i.shortfall, 150.0);
        assert!(i.set_text(&s, "bogus", "1").unwrap().to_string().starts_with("input: \"bogus\""));
        assert_eq!(parse_number("1e400"), None);
        assert_eq!(parse_number(" 7.5 "), Some(7.5));
    }

    #[test]
    fn problems_read_in_the_widgets_language_and_keep_the_value_literal() {
        let s = default_scenario();
        let mut i = Inputs::as_of(&s);
        let p = i.set_text(&s, "cut-odds", "140").unwrap();
        assert_eq!(p.sentence(Lang::Zh), "cut-odds：140 高于最大值 100（已按 100 计算）");
        let p = i.set_text(&s, "surprise", "{detail}").unwrap();
        assert_eq!(p.sentence(Lang::En), "surprise: \"{detail}\" is not a number (kept the previous value)");
        assert_eq!(p.sentence(Lang::Zh), "surprise：“{detail}”不是数字（保留原值）");
        let read = from_link(&s, Inputs::as_of(&s), "nov-2025.s1.m0,surprise,cut-odds:-5");
        let zh: Vec<String> = read.problems.iter().map(|p| p.sentence(Lang::Zh)).collect();
        assert_eq!(zh.len(), 3, "{zh:?}");
        assert!(zh[0].starts_with("链接：“nov-2025.s1.m0”由其他版本生成"), "{}", zh[0]);
        assert_eq!(zh[1], "链接：“surprise”不符合“字段:值”的格式");
        assert_eq!(zh[2], "cut-odds：-5 低于最小值 0（已按 0 计算）");
        // Every kind has a sentence in both languages with no placeholder left over.
        for p in &read.problems {
            for lang in [Lang::En, Lang::Zh] {
                assert!(!p.sentence(lang).contains('{'), "{}", p.sentence(lang));
            }
        }
    }

    #[test]
    fn an_empty_or_unreadable_box_says_so_and_quotes_nothing() {
        let s = default_scenario();
        let mut i = Inputs::as_of(&s);
        let p = i.set_text(&s, "shortfall", " ").unwrap();
        assert_eq!((p.kind, i.shortfall), (ProblemKind::Empty, 150.0), "kept");
        let p = i.set_text(&s, "surprise", UNREADABLE).unwrap();
        assert_eq!((p.kind, i.surprise), (ProblemKind::Unreadable, 0.0), "kept");
        // The reader's words (the input's label, the value kept) are the widget's: tests/web.rs.
        // Text that is there is still shown back.
        assert_eq!(i.set_text(&s, "surprise", "12abc").unwrap().kind, ProblemKind::NotNumber);
    }

    #[test]
    fn links_round_trip_and_flag_other_versions() {
        let s = default_scenario();
        let mut i = Inputs::preset(&s, "2019-replay").unwrap();
        i.surprise = -3.5;
        let link = to_link(&s, &i, None);
        assert_eq!(link, "nov-2025.s1.m3,surprise:-3.5,cut-odds:40,shortfall:350,rmp-start:none,rmp-pace:0");
        let back = from_link(&s, Inputs::as_of(&s), &link);
        assert_eq!(back.inputs, i);
        assert!(back.problems.is_empty());
        let old = from_link(&s, Inputs::as_of(&s), &link.replace(".m3", ".m2"));
        assert_eq!(old.inputs, i);
        assert_eq!(old.problems.len(), 1);
        let other = from_link(&s, Inputs::as_of(&s), "other.s1.m3,surprise:5");
        assert_eq!(other.inputs, Inputs::as_of(&s));
        assert_eq!(other.problems[0].field, "link");
    }

    #[test]
    fn fragments_keep_each_widgets_part() {
        let f = with_fragment_part("", "a", "x.s1.m1,surprise:1");
        let f = with_fragment_part(&f, "b", "y");
        let f = with_fragment_part(&f, "a", "z");
        assert_eq!(f, "#a=z&b=y");
        assert_eq!(fragment_part(&f, "b").as_deref(), Some("y"));
        assert_eq!(fragment_part("#a=%3Cb%3E", "a").as_deref(), Some("<b>"));
        assert_eq!(fragment_part("#a=%", "a").as_deref(), Some("%"));
        assert_eq!(fragment_part("#nothing", "a"), None);
    }
}
