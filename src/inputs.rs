//! The reader's inputs: raw text (attributes, URL fragments, presets) validated into plain typed
//! values, with every problem reported as field, value and what was expected.
//!
//! Low then high: nothing reaches the model until it is a finite number inside the scenario's
//! declared range. A bad value is clamped or ignored (never fatal), and said so.

use crate::scenario::{validate::quoted, InputSpec, Scenario};
use crate::text::{fill, num, tr, Key, Lang};
use serde::{Deserialize, Serialize};

/// Version of the model's equations; permalinks carry it.
pub const MODEL_VERSION: u32 = 1;

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
    /// The value found, as text.
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
            NotNumber => (Key::ProblemNotNumber, String::new()),
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

/// The names of the fields, as used in attributes, fragments and messages.
pub const FIELDS: [&str; 5] = ["surprise", "cut-odds", "shortfall", "rmp-start", "rmp-pace"];

impl Inputs {
    /// The author's case: every input at its as-of value.
    pub fn as_of(s: &Scenario) -> Inputs {
        let i = &s.inputs;
        Inputs {
            surprise: i.surprise.as_of,
            cut_odds: i.cut_odds.as_of,
            shortfall: i.shortfall.as_of,
            rmp_start: i.rmp_start.as_of as usize,
            rmp_pace: i.rmp_pace.as_of,
        }
    }

    /// A preset's inputs, or `None` for an unknown preset id.
    pub fn preset(s: &Scenario, id: &str) -> Option<Inputs> {
        let p = s.presets.iter().find(|p| p.id == id)?;
        let mut out = Inputs::as_of(s);
        out.surprise = p.surprise;
        out.cut_odds = p.cut_odds;
        out.shortfall = p.shortfall;
        out.rmp_pace = p.rmp_pace;
        out.rmp_start = s.inputs.rmp_start.options.iter().position(|o| o.id == p.rmp_start)?;
        Some(out)
    }

    /// Sets a numeric field from a number, clamping into range. Unknown fields and non-finite
    /// values change nothing. Returns the problem, if any.
    pub fn set_number(&mut self, s: &Scenario, field: &str, x: f64) -> Option<InputProblem> {
        let (slot, spec) = match field {
            "surprise" => (&mut self.surprise, &s.inputs.surprise),
            "cut-odds" => (&mut self.cut_odds, &s.inputs.cut_odds),
            "shortfall" => (&mut self.shortfall, &s.inputs.shortfall),
            "rmp-pace" => (&mut self.rmp_pace, &s.inputs.rmp_pace),
            "rmp-start" => {
                let n = s.inputs.rmp_start.options.len();
                if x.is_finite() && x >= 0.0 && x.fract() == 0.0 && (x as usize) < n {
                    self.rmp_start = x as usize;
                    return None;
                }
                return Some(problem(field, num::plain(x), ProblemKind::NotOptionIndex(n - 1)));
            }
            _ => return Some(unknown(field)),
        };
        let (value, problem) = clamp(field, x, spec, *slot);
        *slot = value;
        problem
    }

    /// Sets a field from text (an attribute or a fragment part).
    pub fn set_text(&mut self, s: &Scenario, field: &str, text: &str) -> Option<InputProblem> {
        let text = text.trim();
        if field == "rmp-start" {
            return match s.inputs.rmp_start.options.iter().position(|o| o.id == text) {
                Some(i) => {
                    self.rmp_start = i;
                    None
                }
                None => {
                    let ids: Vec<&str> = s.inputs.rmp_start.options.iter().map(|o| o.id.as_str()).collect();
                    Some(problem(field, quoted(text), ProblemKind::NotOption(ids.join(", "))))
                }
            };
        }
        if !FIELDS.contains(&field) {
            return Some(unknown(field));
        }
        match parse_number(text) {
            Some(x) => self.set_number(s, field, x),
            None => Some(problem(field, quoted(text), ProblemKind::NotNumber)),
        }
    }

    /// The value of a field as text, as written in fragments and attributes.
    pub fn get_text(&self, s: &Scenario, field: &str) -> String {
        match field {
            "surprise" => num::plain(self.surprise),
            "cut-odds" => num::plain(self.cut_odds),
            "shortfall" => num::plain(self.shortfall),
            "rmp-pace" => num::plain(self.rmp_pace),
            "rmp-start" => s.inputs.rmp_start.options[self.rmp_start].id.clone(),
            _ => String::new(),
        }
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
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

fn problem(field: &str, value: String, kind: ProblemKind) -> InputProblem {
    InputProblem { field: field.into(), value, kind }
}

fn unknown(field: &str) -> InputProblem {
    problem("input", quoted(field), ProblemKind::NotInput(FIELDS.join(", ")))
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

/// What a permalink fragment held, after validation.
#[derive(Debug, Clone, PartialEq)]
pub struct FromLink {
    /// The inputs to use.
    pub inputs: Inputs,
    /// Problems and notes for the reader (bad parts, other versions); a version note comes first.
    pub problems: Vec<InputProblem>,
    /// Whether the link was made for this scenario and model version.
    pub version: LinkVersion,
}

/// How a permalink's scenario and model version compare with the page's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkVersion {
    /// Same scenario, same versions.
    Same,
    /// Same scenario, another scenario or model version: inputs used, numbers recomputed.
    Other,
    /// Another scenario: nothing used.
    OtherScenario,
}

/// The permalink payload for a widget: scenario id and version, model version, every input.
pub fn to_link(s: &Scenario, i: &Inputs) -> String {
    let mut out = format!("{}.s{}.m{}", s.id, s.version, MODEL_VERSION);
    for f in FIELDS {
        out.push(',');
        out.push_str(f);
        out.push(':');
        out.push_str(&i.get_text(s, f));
    }
    out
}

/// Reads a permalink payload written by [`to_link`]; starts from `base` and applies what is valid.
pub fn from_link(s: &Scenario, base: Inputs, payload: &str) -> FromLink {
    let mut inputs = base;
    let mut problems = Vec::new();
    let payload: String = payload.chars().take(400).collect();
    let mut parts = payload.split(',');
    let head = parts.next().unwrap_or_default();
    let want = format!("{}.s{}.m{}", s.id, s.version, MODEL_VERSION);
    let mut head_bits = head.split('.');
    if head_bits.next() != Some(s.id.as_str()) {
        problems.push(problem("link", quoted(head), ProblemKind::OtherScenario(s.id.clone())));
        return FromLink { inputs, problems, version: LinkVersion::OtherScenario };
    }
    let version = if head == want { LinkVersion::Same } else { LinkVersion::Other };
    if head != want {
        problems.push(problem("link", quoted(head), ProblemKind::OtherVersion(want.clone())));
    }
    for part in parts {
        let Some((field, value)) = part.split_once(':') else {
            problems.push(problem("link", quoted(part), ProblemKind::NotFieldValue));
            continue;
        };
        if let Some(p) = inputs.set_text(s, field, value) {
            problems.push(p);
        }
    }
    FromLink { inputs, problems, version }
}

/// The payload stored under `key` in a fragment such as `#a=…&b=…`, URL-decoded.
pub fn fragment_part(fragment: &str, key: &str) -> Option<String> {
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    body.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (percent_decode(k) == key).then(|| percent_decode(v))
    })
}

/// The fragment with `key`'s payload replaced (or added), other widgets' parts kept in order.
pub fn with_fragment_part(fragment: &str, key: &str, payload: &str) -> String {
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    let mine = format!("{}={}", percent_encode(key), percent_encode(payload));
    let mut parts: Vec<String> = Vec::new();
    let mut placed = false;
    for kv in body.split('&').filter(|kv| !kv.is_empty()) {
        let k = kv.split_once('=').map_or(kv, |(k, _)| k);
        if percent_decode(k) == key {
            if !placed {
                parts.push(mine.clone());
                placed = true;
            }
        } else {
            parts.push(kv.to_string());
        }
    }
    if !placed {
        parts.push(mine);
    }
    format!("#{}", parts.join("&"))
}

fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
        assert_eq!(p.sentence(Lang::Zh), "surprise：\"{detail}\" 不是数字（保留原值）");
        let read = from_link(&s, Inputs::as_of(&s), "nov-2025.s1.m0,surprise,cut-odds:-5");
        let zh: Vec<String> = read.problems.iter().map(|p| p.sentence(Lang::Zh)).collect();
        assert_eq!(zh.len(), 3, "{zh:?}");
        assert!(zh[0].starts_with("链接：\"nov-2025.s1.m0\" 由其他版本生成"), "{}", zh[0]);
        assert_eq!(zh[1], "链接：\"surprise\" 不符合“字段:值”的格式");
        assert_eq!(zh[2], "cut-odds：-5 低于最小值 0（已按 0 计算）");
        // Every kind has a sentence in both languages with no placeholder left over.
        for p in &read.problems {
            for lang in [Lang::En, Lang::Zh] {
                assert!(!p.sentence(lang).contains('{'), "{}", p.sentence(lang));
            }
        }
    }

    #[test]
    fn links_round_trip_and_flag_other_versions() {
        let s = default_scenario();
        let mut i = Inputs::preset(&s, "2019-replay").unwrap();
        i.surprise = -3.5;
        let link = to_link(&s, &i);
        assert_eq!(link, "nov-2025.s1.m1,surprise:-3.5,cut-odds:40,shortfall:350,rmp-start:none,rmp-pace:0");
        let back = from_link(&s, Inputs::as_of(&s), &link);
        assert_eq!(back.inputs, i);
        assert!(back.problems.is_empty());
        let old = from_link(&s, Inputs::as_of(&s), &link.replace(".m1", ".m0"));
        assert_eq!(old.inputs, i);
        assert_eq!(old.problems.len(), 1);
        let other = from_link(&s, Inputs::as_of(&s), "other.s1.m1,surprise:5");
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
