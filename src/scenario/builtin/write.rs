//! Writes `builtin_data.rs` from `default.json` (natively, in the tests): a serde serializer that
//! lays the scenario's values out as [`super::Decode`] reads them back, and the tests that keep
//! the file current and show that what the reader's wasm reads is the story, valid.
#![cfg(test)]

use crate::scenario::{from_json, validate, Scenario, DEFAULT_SCENARIO_JSON};
use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// The three constants: every count (lengths, `Option` tags, booleans) and every number in field
/// order, every string joined.
#[derive(Default)]
struct Laid {
    counts: Vec<u16>,
    numbers: Vec<f64>,
    text: String,
}

#[derive(Debug)]
struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

type Done = Result<(), Unsupported>;

fn unsupported(what: &str) -> Done {
    Err(Unsupported(format!("the scenario structs have no {what}")))
}

impl Laid {
    fn count(&mut self, n: usize) -> Done {
        self.counts.push(u16::try_from(n).map_err(|_| Unsupported(format!("a count of {n}, past u16")))?);
        Ok(())
    }

    fn str(&mut self, s: &str) -> Done {
        self.count(s.len())?;
        self.text.push_str(s);
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Laid {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Self;
    type SerializeTuple = Impossible<(), Unsupported>;
    type SerializeTupleStruct = Impossible<(), Unsupported>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Done {
        self.count(usize::from(v))
    }
    fn serialize_i8(self, _: i8) -> Done {
        unsupported("i8")
    }
    fn serialize_i16(self, _: i16) -> Done {
        unsupported("i16")
    }
    fn serialize_i32(self, _: i32) -> Done {
        unsupported("i32")
    }
    fn serialize_i64(self, _: i64) -> Done {
        unsupported("i64")
    }
    fn serialize_u8(self, _: u8) -> Done {
        unsupported("u8")
    }
    fn serialize_u16(self, _: u16) -> Done {
        unsupported("u16")
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.numbers.push(f64::from(v));
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Done {
        unsupported("u64")
    }
    fn serialize_f32(self, _: f32) -> Done {
        unsupported("f32")
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.numbers.push(v);
        Ok(())
    }
    fn serialize_char(self, _: char) -> Done {
        unsupported("char")
    }
    fn serialize_str(self, v: &str) -> Done {
        self.str(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Done {
        self.count(0)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Done {
        self.count(1)?;
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        unsupported("unit")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        unsupported("unit struct")
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Done {
        unsupported("unit variant (word enums serialise as their word)")
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> Done {
        unsupported("newtype struct")
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Done {
        unsupported("newtype variant")
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, Unsupported> {
        self.count(len.ok_or_else(|| Unsupported("a sequence of unknown length".into()))?)?;
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported("the scenario structs have no tuple".into()))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported("the scenario structs have no tuple struct".into()))
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported("the scenario structs have no tuple variant".into()))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, Unsupported> {
        self.count(len.ok_or_else(|| Unsupported("a map of unknown length".into()))?)?;
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Unsupported> {
        Ok(self)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported("the scenario structs have no struct variant".into()))
    }
}

impl<'a> ser::SerializeSeq for &'a mut Laid {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl<'a> ser::SerializeMap for &'a mut Laid {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Done {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl<'a> ser::SerializeStruct for &'a mut Laid {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, _: &'static str, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn skip_field(&mut self, key: &'static str) -> Done {
        Err(Unsupported(format!("field `{key}` is skipped when serialised: Decode reads every field")))
    }
    fn end(self) -> Done {
        Ok(())
    }
}

/// `v` with every string-valued `source` below the top level emptied: the parameters'
/// citations are for authors; the story's credit line (the top-level `source`) stays.
fn without_citations(v: &mut serde_json::Value, top: bool) {
    match v {
        serde_json::Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "source" && !top && value.is_string() {
                    *value = serde_json::Value::from("");
                } else {
                    without_citations(value, false);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|x| without_citations(x, false)),
        _ => {}
    }
}

/// The story as the reader's wasm gets it.
fn story() -> Scenario {
    let mut v: serde_json::Value = serde_json::from_str(DEFAULT_SCENARIO_JSON).unwrap();
    without_citations(&mut v, true);
    serde_json::from_value(v).unwrap()
}

/// `builtin_data.rs` as it should read.
fn source() -> String {
    let mut laid = Laid::default();
    story().serialize(&mut laid).unwrap();
    let lines = |items: Vec<String>, per_line: usize| -> String {
        items.chunks(per_line).map(|chunk| format!("    {},\n", chunk.join(", "))).collect()
    };
    format!(
        "//! Generated from src/scenario/default.json by `TAPECAST_BLESS=1 cargo test --lib builtin` (see\n\
         //! builtin.rs); do not edit. Its counts (lengths, `Option` tags, booleans), its numbers and\n\
         //! its strings, in the scenario structs' field order.\n\n\
         pub(super) static COUNTS: [u16; {}] = [\n{}];\n\n\
         pub(super) static NUMBERS: [f64; {}] = [\n{}];\n\n\
         pub(super) static TEXT: &str = {:?};\n",
        laid.counts.len(),
        lines(laid.counts.iter().map(u16::to_string).collect(), 20),
        laid.numbers.len(),
        lines(laid.numbers.iter().map(|x| format!("{x:?}")).collect(), 12),
        laid.text
    )
}

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/scenario/builtin_data.rs");

#[test]
fn builtin_data_is_written_from_the_story() {
    let expected = source();
    if std::env::var_os("TAPECAST_BLESS").is_some() {
        std::fs::write(PATH, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(actual == expected, "src/scenario/builtin_data.rs is stale: run TAPECAST_BLESS=1 cargo test --lib builtin");
}

#[test]
fn the_built_in_story_is_the_file_without_citations_and_valid() {
    let read = super::scenario();
    assert_eq!(read, story());
    assert!(validate(&read).is_empty(), "Engine::built_in skips the check because of this");
    let full = from_json(DEFAULT_SCENARIO_JSON).unwrap();
    assert_eq!((&read.source, &read.title, read.assets.len()), (&full.source, &full.title, full.assets.len()), "the credit line stays");
    assert!(read.assets.iter().all(|a| a.source.is_empty()) && full.assets.iter().any(|a| !a.source.is_empty()));
}

#[test]
fn reading_stops_at_the_end_of_both_constants() {
    let mut r = super::Stream { counts: &super::data::COUNTS, numbers: &super::data::NUMBERS, text: super::data::TEXT, counted: 0, at: 0, pos: 0 };
    let _ = <Scenario as super::Decode>::decode(&mut r);
    assert_eq!((r.counted, r.at, r.pos), (super::data::COUNTS.len(), super::data::NUMBERS.len(), super::data::TEXT.len()));
}
