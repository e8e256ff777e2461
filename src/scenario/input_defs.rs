//! The reader's inputs, defined once. Each row of [`INPUTS`] holds every fact the rest of the
//! crate derives about one input: its name (the attribute, the permalink key, the field in
//! messages, the CSV and event key), the scenario field it reads, its kind, how its value is
//! written, the range an author may give it and the headline number its sensitivity cue reports.
//!
//! Validation, the permalink codec, the Δ chips and cues, the caption, the boundary's `layout()`
//! and the shell's controls all iterate over this table. The functions below it are the only
//! code that matches on an input; their matches are exhaustive, so a new input (a row, an
//! [`InputId`] variant and the model's use of it) makes the compiler list every place that must
//! decide something about it. Nothing matches on input names as strings.

use super::{ChoiceSpec, InputSpec, InputSpecs, Preset};

/// One of the reader's inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputId {
    /// The earnings surprise.
    Surprise,
    /// The priced odds of a cut at the meeting.
    CutOdds,
    /// The reserve shortfall.
    Shortfall,
    /// When reserve purchases start.
    RmpStart,
    /// The pace of reserve purchases.
    RmpPace,
}

/// What kind of value an input takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A number in a range (a slider and a number box).
    Number,
    /// One of the scenario's labelled options (a select).
    Choice,
}

/// How an input's value is written in words (captions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Percent: `+5.0%`.
    Percent,
    /// Billions of dollars: `$150 bn`, `150 十亿美元`.
    Bn,
    /// Billions of dollars a month: `$45 bn/mo`.
    BnPerMonth,
    /// An option's label.
    Option,
}

/// The headline number an input's sensitivity cue reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// The lead series' median at the horizon (inputs that move markets).
    LeadMedian,
    /// The peak median of SOFR − IORB (inputs that act on the funding plumbing).
    PeakSpread,
}

/// Everything about one input that is not in the scenario file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InputDef {
    /// The input.
    pub id: InputId,
    /// Its name in attributes, permalinks, messages, CSV headers and events (`cut-odds`).
    pub name: &'static str,
    /// Its field in the scenario file, under `inputs` and in each preset (`cut_odds`).
    pub field: &'static str,
    /// Number or choice.
    pub kind: Kind,
    /// Decimals shown beside the control, in chips and captions.
    pub decimals: u32,
    /// Whether a value is shown with its sign (`+5.0`).
    pub signed: bool,
    /// How the value is written in captions.
    pub unit: Unit,
    /// The range an author's `min` and `max` must lie within (numbers only).
    pub limits: (f64, f64),
    /// What the sensitivity cue reports.
    pub metric: Metric,
}

/// The reader's inputs, in the order the widget shows them.
pub const INPUTS: [InputDef; 5] = [
    InputDef {
        id: InputId::Surprise,
        name: "surprise",
        field: "surprise",
        kind: Kind::Number,
        decimals: 1,
        signed: true,
        unit: Unit::Percent,
        limits: (-100.0, 100.0),
        metric: Metric::LeadMedian,
    },
    InputDef {
        id: InputId::CutOdds,
        name: "cut-odds",
        field: "cut_odds",
        kind: Kind::Number,
        decimals: 0,
        signed: false,
        unit: Unit::Percent,
        limits: (0.0, 100.0),
        metric: Metric::LeadMedian,
    },
    InputDef {
        id: InputId::Shortfall,
        name: "shortfall",
        field: "shortfall",
        kind: Kind::Number,
        decimals: 0,
        signed: false,
        unit: Unit::Bn,
        limits: (-2000.0, 5000.0),
        metric: Metric::LeadMedian,
    },
    InputDef {
        id: InputId::RmpStart,
        name: "rmp-start",
        field: "rmp_start",
        kind: Kind::Choice,
        decimals: 0,
        signed: false,
        unit: Unit::Option,
        limits: (0.0, 0.0),
        metric: Metric::PeakSpread,
    },
    InputDef {
        id: InputId::RmpPace,
        name: "rmp-pace",
        field: "rmp_pace",
        kind: Kind::Number,
        decimals: 0,
        signed: false,
        unit: Unit::BnPerMonth,
        limits: (0.0, 1000.0),
        metric: Metric::PeakSpread,
    },
];

impl InputId {
    /// This input's row of [`INPUTS`].
    pub fn def(self) -> &'static InputDef {
        // The table lists the inputs in the enum's order (checked by a test below).
        &INPUTS[self as usize]
    }

    /// The input with this name (`cut-odds`), if any.
    pub fn from_name(name: &str) -> Option<InputId> {
        INPUTS.iter().find(|d| d.name == name).map(|d| d.id)
    }

    /// Every input's name, in order, joined by `, ` (for messages).
    pub fn names() -> String {
        INPUTS.iter().map(|d| d.name).collect::<Vec<_>>().join(", ")
    }
}

/// An input's description in the scenario file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Spec<'a> {
    /// A number's range, step, as-of value and marks.
    Number(&'a InputSpec),
    /// A choice's options and as-of option.
    Choice(&'a ChoiceSpec),
}

/// An input's value in a preset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PresetValue<'a> {
    /// A number.
    Number(f64),
    /// An option id.
    Choice(&'a str),
}

impl InputSpecs {
    /// The scenario's description of input `id`.
    pub fn get(&self, id: InputId) -> Spec<'_> {
        match id {
            InputId::Surprise => Spec::Number(&self.surprise),
            InputId::CutOdds => Spec::Number(&self.cut_odds),
            InputId::Shortfall => Spec::Number(&self.shortfall),
            InputId::RmpStart => Spec::Choice(&self.rmp_start),
            InputId::RmpPace => Spec::Number(&self.rmp_pace),
        }
    }
}

impl Preset {
    /// The preset's value of input `id`.
    pub fn value(&self, id: InputId) -> PresetValue<'_> {
        match id {
            InputId::Surprise => PresetValue::Number(self.surprise),
            InputId::CutOdds => PresetValue::Number(self.cut_odds),
            InputId::Shortfall => PresetValue::Number(self.shortfall),
            InputId::RmpStart => PresetValue::Choice(&self.rmp_start),
            InputId::RmpPace => PresetValue::Number(self.rmp_pace),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::default_scenario;

    #[test]
    fn the_table_is_in_enum_order_with_unique_names_and_kinds_that_match_the_file() {
        let s = default_scenario();
        for (i, d) in INPUTS.iter().enumerate() {
            assert_eq!(d.id as usize, i, "{} is out of order", d.name);
            assert_eq!(InputId::from_name(d.name), Some(d.id));
            assert_eq!(INPUTS.iter().filter(|e| e.name == d.name || e.field == d.field).count(), 1, "{}", d.name);
            let kind = match s.inputs.get(d.id) {
                Spec::Number(_) => Kind::Number,
                Spec::Choice(_) => Kind::Choice,
            };
            assert_eq!(kind, d.kind, "{}", d.name);
            let preset_kind = match s.presets[0].value(d.id) {
                PresetValue::Number(_) => Kind::Number,
                PresetValue::Choice(_) => Kind::Choice,
            };
            assert_eq!(preset_kind, d.kind, "{}", d.name);
            assert_eq!(d.unit == Unit::Option, d.kind == Kind::Choice, "{}", d.name);
        }
        assert_eq!(InputId::from_name("bogus"), None);
        assert_eq!(InputId::names(), "surprise, cut-odds, shortfall, rmp-start, rmp-pace");
    }

    #[test]
    fn every_field_the_table_names_is_a_field_of_the_scenario_file() {
        // The names in `field` are what validation messages print (`inputs.cut_odds.max`): they
        // must be the file's own keys, under `inputs` and in every preset.
        let json: serde_json::Value = serde_json::from_str(crate::scenario::DEFAULT_SCENARIO_JSON).unwrap();
        for d in &INPUTS {
            assert!(json["inputs"].get(d.field).is_some(), "inputs.{}", d.field);
            assert!(json["presets"][0].get(d.field).is_some(), "presets[0].{}", d.field);
        }
        assert_eq!(json["inputs"].as_object().unwrap().len(), INPUTS.len(), "an input in the file but not in the table");
    }
}
