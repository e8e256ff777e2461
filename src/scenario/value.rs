//! A scenario file as a plain tree, and how the scenario structs are read from it in the browser.
//!
//! [`super::json`] reads a file's text into a [`Value`], and [`FromValue`] reads the scenario
//! structs from that tree: one call per field, with no serde derive code in the wasm (read
//! through serde, directly or via a tree, the structs' derived deserialisers took 60-90 KB of
//! wasm). The reading follows serde's rules and messages: present fields in declared order, then
//! the first missing one; integers only from whole numbers; `null` or absence for `None`; unit
//! enum variants by their serde names; a key given twice counts once, with its last value (as
//! `JSON.parse` reads it). Each problem also says where it is (`assets[3].vol: invalid type:
//! string "fast", expected f64`). Natively, files are read by serde_json and the derives; tests
//! check both readings agree.

use serde::de;
use std::fmt;

/// A JSON value, as [`super::json::parse`] reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Seq(Vec<Value>),
    /// An object, its keys in their order.
    Map(Vec<(String, Value)>),
}

/// A problem reading a [`Value`] into a scenario struct: where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueError {
    path: String,
    message: String,
}

impl ValueError {
    /// Where the problem is (`assets[3].vol`); empty for the whole file.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The same problem, one level further out (`.vol` or `[3]` before the path).
    #[cold]
    #[inline(never)]
    fn at_index(self, i: usize) -> Self {
        self.at(&format!("[{i}]"))
    }

    #[cold]
    #[inline(never)]
    fn at(mut self, step: &str) -> Self {
        self.path = if self.path.is_empty() || self.path.starts_with('[') { format!("{step}{}", self.path) } else { format!("{step}.{}", self.path) };
        self
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ValueError {}

impl de::Error for ValueError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ValueError { path: String::new(), message: msg.to_string() }
    }
}

impl Value {
    /// The value as serde's `Unexpected` names it (`string "fast"`, `floating point `1.5``),
    /// written here without `Unexpected`'s formatting, whose float and `str` Debug printing would
    /// link core's float printing and Unicode tables into the reader's wasm (~10 KB gzip). A
    /// number is printed to six decimals (serde: every digit); a string is escaped as `str`'s
    /// Debug escapes quotes, backslashes and control characters.
    fn unexpected(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Num(x) => {
                let mut n = crate::text::num::plain(*x);
                if !n.contains(['.', 'e', 'N', 'I']) {
                    n.push_str(".0"); // serde writes a float with its decimal point
                }
                format!("floating point `{n}`")
            }
            Value::Str(s) => format!("string {}", quoted_debug(s)),
            Value::Seq(_) => "sequence".into(),
            Value::Map(_) => "map".into(),
        }
    }

    /// serde's "invalid type: …, expected …" for this value.
    #[cold]
    #[inline(never)]
    pub(crate) fn invalid(&self, expected: &'static str) -> ValueError {
        ValueError { path: String::new(), message: format!("invalid type: {}, expected {expected}", self.unexpected()) }
    }
}

/// `s` in double quotes with `"`, `\` and control characters escaped, as `{:?}` writes a `str`
/// (other characters as they are).
fn quoted_debug(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A type read from a [`Value`] as serde-wasm-bindgen reads it from JavaScript.
pub trait FromValue: Sized {
    /// The value, or the first problem with it.
    fn from_value(v: Value) -> Result<Self, ValueError>;

    /// The value of a struct field the file leaves out: an error but for `Option` (`None`) and
    /// maps (empty; the one map field is `#[serde(default)]`).
    #[cold]
    #[inline(never)]
    fn missing(field: &'static str) -> Result<Self, ValueError> {
        Err(ValueError { path: String::new(), message: format!("missing field `{field}`") })
    }

    /// Stands in for a field with a problem while the rest of its struct is read (the struct
    /// is then dropped whole: one drop instead of one per field and early return).
    fn placeholder() -> Self;
}

impl FromValue for f64 {
    fn from_value(v: Value) -> Result<Self, ValueError> {
        match v {
            Value::Num(x) => Ok(x),
            _ => Err(v.invalid("f64")),
        }
    }
    fn placeholder() -> Self {
        0.0
    }
}

impl FromValue for u32 {
    /// A whole number JavaScript holds exactly (`Number.isSafeInteger`) within `u32`.
    fn from_value(v: Value) -> Result<Self, ValueError> {
        match v {
            Value::Num(x) if x.fract() == 0.0 && (0.0..=9_007_199_254_740_991.0).contains(&x) => {
                u32::try_from(x as u64).map_err(|_| ValueError { path: String::new(), message: format!("invalid value: integer `{}`, expected u32", x as u64) })
            }
            _ => Err(v.invalid("u32")),
        }
    }
    fn placeholder() -> Self {
        0
    }
}

impl FromValue for bool {
    fn from_value(v: Value) -> Result<Self, ValueError> {
        match v {
            Value::Bool(b) => Ok(b),
            _ => Err(v.invalid("a boolean")),
        }
    }
    fn placeholder() -> Self {
        false
    }
}

impl FromValue for String {
    fn from_value(v: Value) -> Result<Self, ValueError> {
        match v {
            Value::Str(s) => Ok(s),
            _ => Err(v.invalid("a string")),
        }
    }
    fn placeholder() -> Self {
        String::new()
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> Result<Self, ValueError> {
        match v {
            Value::Null => Ok(None),
            _ => T::from_value(v).map(Some),
        }
    }
    fn missing(_: &'static str) -> Result<Self, ValueError> {
        Ok(None)
    }
    fn placeholder() -> Self {
        None
    }
}

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(v: Value) -> Result<Self, ValueError> {
        match v {
            Value::Seq(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, x) in items.into_iter().enumerate() {
                    out.push(T::from_value(x).map_err(|e| e.at_index(i))?);
                }
                Ok(out)
            }
            _ => Err(v.invalid("a sequence")),
        }
    }
    fn placeholder() -> Self {
        Vec::new()
    }
}

impl FromValue for super::Directions {
    fn from_value(v: Value) -> Result<Self, ValueError> {
        match v {
            Value::Map(entries) => {
                let mut out = Self::default();
                for (k, x) in entries {
                    let d = super::Direction::from_value(x).map_err(|e| e.at(&k))?;
                    out.insert(k, d);
                }
                Ok(out)
            }
            _ => Err(v.invalid("a map")),
        }
    }
    fn missing(_: &'static str) -> Result<Self, ValueError> {
        Ok(Self::default())
    }
    fn placeholder() -> Self {
        Self::default()
    }
}

/// A struct's fields as serde's derived code takes them: each present field in declared order
/// (its problem prefixed with its name), then the missing ones; the first problem is the one
/// reported. An array is an object without the fields (as in JavaScript); anything else is the
/// wrong type.
pub(crate) struct Fields {
    entries: Vec<(String, Value)>,
    problem: Option<ValueError>,
    missing: Option<ValueError>,
}

impl Fields {
    /// The fields of `v`, a struct named in `expected` (`struct Asset`).
    pub(crate) fn of(v: Value, expected: &'static str) -> Result<Fields, ValueError> {
        let entries = match v {
            Value::Map(entries) => entries,
            Value::Seq(_) => Vec::new(),
            _ => return Err(v.invalid(expected)),
        };
        Ok(Fields { entries, problem: None, missing: None })
    }

    /// Field `name`, or a placeholder while its problem is kept.
    #[inline(never)]
    pub(crate) fn field<T: FromValue>(&mut self, name: &'static str) -> T {
        let (read, present) = match self.find(name) {
            Some(v) => (T::from_value(v), true),
            None => (T::missing(name), false),
        };
        match read {
            Ok(t) => t,
            Err(e) => {
                self.keep(e, name, present);
                T::placeholder()
            }
        }
    }

    /// Takes the value of key `name` out of the object (its last, if the file gives it twice).
    #[inline(never)]
    fn find(&mut self, name: &str) -> Option<Value> {
        let i = self.entries.iter().rposition(|(k, _)| k == name)?;
        Some(self.entries.swap_remove(i).1)
    }

    /// Keeps the first problem with a present field (prefixed with its name) and the first
    /// missing field.
    #[cold]
    #[inline(never)]
    fn keep(&mut self, e: ValueError, name: &'static str, present: bool) {
        if present {
            self.problem.get_or_insert(e.at(name));
        } else {
            self.missing.get_or_insert(e);
        }
    }

    /// The first problem, if any (the fields are dropped here, once for every struct).
    #[inline(never)]
    pub(crate) fn done(self) -> Result<(), ValueError> {
        match self.problem.or(self.missing) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl FromValue for crate::text::Text {
    fn from_value(v: Value) -> Result<Self, ValueError> {
        let mut f = Fields::of(v, "struct Text")?;
        let text = crate::text::Text { en: f.field("en"), zh: f.field("zh") };
        f.done().map(|()| text)
    }
    fn placeholder() -> Self {
        crate::text::Text::default()
    }
}

/// Defines plain scenario structs and reads each from a [`Value`] field by field (the names
/// are the fields' own, as serde's are).
macro_rules! scenario_structs {
    ($( $(#[$sm:meta])* pub struct $name:ident { $( $(#[$fm:meta])* pub $field:ident : $ty:ty ),* $(,)? } )*) => {
        $(
            $(#[$sm])*
            pub struct $name { $( $(#[$fm])* pub $field: $ty, )* }

            impl $crate::scenario::value::FromValue for $name {
                fn from_value(v: $crate::scenario::Value) -> Result<Self, $crate::scenario::ValueError> {
                    let mut f = $crate::scenario::value::Fields::of(v, concat!("struct ", stringify!($name)))?;
                    let value = $name { $( $field: f.field::<$ty>(stringify!($field)), )* };
                    f.done().map(|()| value)
                }
                fn placeholder() -> Self {
                    $name { $( $field: <$ty as $crate::scenario::value::FromValue>::placeholder(), )* }
                }
            }

            impl $crate::scenario::builtin::Decode for $name {
                fn decode(r: &mut $crate::scenario::builtin::Stream) -> Self {
                    $name { $( $field: <$ty as $crate::scenario::builtin::Decode>::decode(r), )* }
                }
            }
        )*
    };
}
pub(crate) use scenario_structs;

/// Defines unit enums whose values are words in a scenario file, each word written once beside
/// its variant: `WORDS` lists them (the studio builds its choices from these lists), serde reads
/// and writes them (natively), and [`FromValue`] reads them (in the browser).
macro_rules! word_enums {
    ($( $(#[$m:meta])* pub enum $name:ident { $( $(#[$vm:meta])* $variant:ident = $word:literal ),* $(,)? } )*) => {
        $(
            $(#[$m])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub enum $name { $( $(#[$vm])* $variant, )* }

            impl $name {
                /// Every variant, in the order of [`Self::WORDS`].
                pub const ALL: &'static [$name] = &[$($name::$variant),*];
                /// The word for each variant in a scenario file.
                pub const WORDS: &'static [&'static str] = &[$($word),*];

                /// This variant's word.
                pub fn word(self) -> &'static str {
                    Self::WORDS[self as usize]
                }

                /// The variant for `word`, or serde's "unknown variant" error.
                fn from_word<E: serde::de::Error>(word: &str) -> Result<Self, E> {
                    match Self::WORDS.iter().position(|w| *w == word) {
                        Some(i) => Ok(Self::ALL[i]),
                        None => Err(E::unknown_variant(word, Self::WORDS)),
                    }
                }
            }

            impl serde::Serialize for $name {
                fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    s.serialize_str(self.word())
                }
            }

            impl<'de> serde::Deserialize<'de> for $name {
                fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    let word = String::deserialize(d)?;
                    Self::from_word(&word)
                }
            }

            impl $crate::scenario::value::FromValue for $name {
                fn from_value(v: $crate::scenario::Value) -> Result<Self, $crate::scenario::ValueError> {
                    match v {
                        $crate::scenario::Value::Str(s) => Self::from_word(&s),
                        _ => Err(v.invalid(concat!("enum ", stringify!($name)))),
                    }
                }
                fn placeholder() -> Self {
                    Self::ALL[0]
                }
            }

            impl $crate::scenario::builtin::Decode for $name {
                fn decode(r: &mut $crate::scenario::builtin::Stream) -> Self {
                    let word = r.str();
                    Self::WORDS.iter().position(|w| *w == word).map_or(Self::ALL[0], |i| Self::ALL[i])
                }
            }
        )*
    };
}
pub(crate) use word_enums;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Scenario, DEFAULT_SCENARIO_JSON};

    fn read(json: &str) -> Result<Scenario, String> {
        let v = crate::scenario::json::parse(json).map_err(|e| e.to_string())?;
        Scenario::from_value(v).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_the_built_in_story_as_serde_json_does() {
        assert_eq!(read(DEFAULT_SCENARIO_JSON), crate::scenario::from_json(DEFAULT_SCENARIO_JSON));
    }

    #[test]
    fn values_are_named_as_serde_names_them() {
        use serde::de::Unexpected;
        let cases = [
            (Value::Null, "null".to_string()),
            (Value::Bool(true), Unexpected::Bool(true).to_string()),
            (Value::Num(1.5), Unexpected::Float(1.5).to_string()),
            (Value::Num(2000.0), Unexpected::Float(2000.0).to_string()),
            (Value::Num(-0.25), Unexpected::Float(-0.25).to_string()),
            (Value::Str("fast".into()), Unexpected::Str("fast").to_string()),
            (Value::Str("a \"b\" \\ c\nd\te\u{1}f 准备金".into()), Unexpected::Str("a \"b\" \\ c\nd\te\u{1}f 准备金").to_string()),
            (Value::Seq(Vec::new()), Unexpected::Seq.to_string()),
            (Value::Map(Vec::new()), Unexpected::Map.to_string()),
        ];
        for (v, serde) in cases {
            assert_eq!(v.unexpected(), serde, "{v:?}");
        }
        // Beyond six decimals the number is rounded (serde prints every digit).
        assert_eq!(Value::Num(0.123456789).unexpected(), "floating point `0.123457`");
        assert_eq!(u32::from_value(Value::Num(5e9)).unwrap_err().to_string(), "invalid value: integer `5000000000`, expected u32");
    }

    #[test]
    fn problems_say_where() {
        let mut v: serde_json::Value = serde_json::from_str(DEFAULT_SCENARIO_JSON).unwrap_or_default();
        v["assets"][3]["vol"] = serde_json::json!("fast");
        assert_eq!(read(&v.to_string()).unwrap_err(), "assets[3].vol: invalid type: string \"fast\", expected f64");
        v["assets"][3]["vol"] = serde_json::json!(0.2);
        v["simulation"]["paths"] = serde_json::json!(2000.5);
        assert_eq!(read(&v.to_string()).unwrap_err(), "simulation.paths: invalid type: floating point `2000.5`, expected u32");
        v["simulation"]["paths"] = serde_json::json!(2000);
        v["assets"][1]["group"] = serde_json::json!("tech");
        assert!(read(&v.to_string()).unwrap_err().starts_with("assets[1].group: unknown variant `tech`, expected one of"));
        v["assets"][1]["group"] = serde_json::json!("ai");
        v["assets"][0]["directions"]["surprise"] = serde_json::json!("sideways");
        assert!(read(&v.to_string()).unwrap_err().starts_with("assets[0].directions.surprise: unknown variant `sideways`"));
        v["assets"][0]["directions"]["surprise"] = serde_json::json!("up");
        v["funding"].as_object_mut().map(|o| o.remove("iorb"));
        assert_eq!(read(&v.to_string()).unwrap_err(), "funding: missing field `iorb`");
        assert_eq!(read("\"not an object\"").unwrap_err(), "invalid type: string \"not an object\", expected struct Scenario");
        assert_eq!(read("[]").unwrap_err(), "missing field `id`");
    }

    /// Every leaf of the built-in story replaced by each kind of wrong value, and every key
    /// removed: read from the tree, a file is accepted exactly when serde (the derives) accepts
    /// it, into the same scenario, and a refusal names the place.
    #[test]
    fn accepts_and_refuses_what_serde_does() {
        fn places(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| places(x, format!("{at}/{k}"), out)),
                serde_json::Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| places(x, format!("{at}/{i}"), out)),
                _ => {}
            }
            out.push(at);
        }
        let doc: serde_json::Value = serde_json::from_str(DEFAULT_SCENARIO_JSON).unwrap_or_default();
        let mut all = Vec::new();
        places(&doc, String::new(), &mut all);
        let kinds = [serde_json::json!("x"), serde_json::json!(1.5), serde_json::json!(-1), serde_json::json!(7), serde_json::Value::Null, serde_json::json!([]), serde_json::json!({}), serde_json::json!(true)];
        let mut checked = 0;
        for place in all.iter().filter(|p| !p.is_empty()) {
            let mut edits: Vec<serde_json::Value> = Vec::new();
            for k in &kinds {
                let mut d = doc.clone();
                if let Some(slot) = d.pointer_mut(place) {
                    *slot = k.clone();
                }
                edits.push(d);
            }
            let (parent, key) = place.rsplit_once('/').unwrap_or_default();
            let mut d = doc.clone();
            if let Some(serde_json::Value::Object(m)) = d.pointer_mut(parent) {
                m.remove(key);
                edits.push(d);
            }
            for d in edits {
                let ours = Scenario::from_value(crate::scenario::json::parse(&d.to_string()).unwrap_or(Value::Null));
                let serde = serde_json::from_value::<Scenario>(d);
                match (&ours, &serde) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{place}"),
                    (Err(e), Err(_)) => assert!(!e.path.is_empty() || e.message.starts_with("missing field"), "{place}: {e}"),
                    _ => panic!("{place}: ours {:?}, serde {:?}", ours.map(|_| ()), serde.map(|_| ())),
                }
                checked += 1;
            }
        }
        assert!(checked > 5000, "{checked}");
    }

    /// Each enum's words are its variants' own: serde writes and reads them, and so does the
    /// browser's reading; an unknown word is refused with serde's message.
    #[test]
    fn enum_words_are_the_variants_own() {
        use crate::scenario::{Direction, EventKind, Group, Quote};
        fn check<T: FromValue + serde::Serialize + for<'de> serde::Deserialize<'de> + PartialEq + std::fmt::Debug + Copy>(all: &[T], words: &[&str]) {
            assert_eq!(all.len(), words.len());
            for (v, w) in all.iter().zip(words) {
                assert_eq!(serde_json::to_string(v).ok(), Some(format!("\"{w}\"")));
                assert_eq!(serde_json::from_str::<T>(&format!("\"{w}\"")).ok(), Some(*v));
                assert_eq!(T::from_value(Value::Str((*w).to_string())), Ok(*v));
            }
            let e = T::from_value(Value::Str("sideways".into())).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(e.starts_with("unknown variant `sideways`, expected "), "{e}");
        }
        check(EventKind::ALL, EventKind::WORDS);
        check(Group::ALL, Group::WORDS);
        check(Quote::ALL, Quote::WORDS);
        check(Direction::ALL, Direction::WORDS);
        assert_eq!(Group::WORDS, ["ai", "broad", "defensive", "alternatives", "rates_credit"]);
    }

    #[test]
    fn optional_fields_take_null_or_absence_as_none() {
        let mut v: serde_json::Value = serde_json::from_str(DEFAULT_SCENARIO_JSON).unwrap_or_default();
        v["calibration"] = serde_json::Value::Null;
        assert_eq!(read(&v.to_string()).map(|s| s.calibration), Ok(None));
        v.as_object_mut().map(|o| o.remove("calibration"));
        assert_eq!(read(&v.to_string()).map(|s| s.calibration), Ok(None));
    }
}
