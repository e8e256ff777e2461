//! The built-in story as the reader's wasm gets it: no JSON to read, no fields to check.
//!
//! `default.json` (with the parameters' `source` citations, which no reader sees, emptied) is
//! written once, natively, as three constants in `builtin_data.rs`: every count (a string's
//! length, a list's, an `Option`'s tag, a boolean) as a `u16` and every number as an `f64`, each
//! in the order the scenario structs declare their fields, and every string joined into one text
//! (counts kept apart from the numbers: 2 bytes each instead of 8, 277 B less gzip).
//! [`scenario`] reads them back in the same order with [`Decode`], which `scenario_structs!` and
//! `word_enums!` implement beside the field reader: a few bytes of code a field, no error path. So the reader's wasm for the built-in story carries neither the
//! JSON reader nor the field reader nor `validate` (~45 KB); only a page with an author's own
//! file loads them (the `author` feature).
//!
//! The tests write `builtin_data.rs` (`TAPECAST_BLESS=1 cargo test --lib builtin`), fail when it
//! is stale, and check that [`scenario`] is the parsed file and passes `validate` — which is why
//! `Engine::built_in` may skip the check.

use super::Scenario;

#[path = "builtin_data.rs"]
mod data;

/// The built-in story (with the parameters' citations empty).
pub fn scenario() -> Scenario {
    Scenario::decode(&mut Stream { counts: &data::COUNTS, numbers: &data::NUMBERS, text: data::TEXT, counted: 0, at: 0, pos: 0 })
}

/// Where [`Decode`] reads: the next count, the next number and the rest of the joined text.
pub struct Stream {
    counts: &'static [u16],
    numbers: &'static [f64],
    text: &'static str,
    counted: usize,
    at: usize,
    pos: usize,
}

impl Stream {
    /// The next number (0 past the end, which the tests show is never reached).
    pub(crate) fn number(&mut self) -> f64 {
        let x = self.numbers.get(self.at).copied().unwrap_or(0.0);
        self.at += 1;
        x
    }

    /// The next count, length, `Option` tag or boolean (0 past the end, never reached either).
    pub(crate) fn count(&mut self) -> usize {
        let n = self.counts.get(self.counted).copied().unwrap_or(0);
        self.counted += 1;
        usize::from(n)
    }

    /// The next string: its length in bytes, then that much of the text.
    pub(crate) fn str(&mut self) -> &'static str {
        let end = self.pos + self.count();
        let s = self.text.get(self.pos..end).unwrap_or_default();
        self.pos = end;
        s
    }
}

/// A value read back from a [`Stream`], in the order its fields are declared.
pub trait Decode {
    /// The next value of this type.
    fn decode(r: &mut Stream) -> Self;
}

impl Decode for f64 {
    #[inline(never)]
    fn decode(r: &mut Stream) -> Self {
        r.number()
    }
}

impl Decode for u32 {
    #[inline(never)]
    fn decode(r: &mut Stream) -> Self {
        r.number() as u32
    }
}

impl Decode for bool {
    fn decode(r: &mut Stream) -> Self {
        r.count() != 0
    }
}

impl Decode for String {
    #[inline(never)]
    fn decode(r: &mut Stream) -> Self {
        r.str().into()
    }
}

impl Decode for crate::text::Text {
    #[inline(never)]
    fn decode(r: &mut Stream) -> Self {
        crate::text::Text { en: Decode::decode(r), zh: Decode::decode(r) }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Stream) -> Self {
        (r.count() != 0).then(|| T::decode(r))
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Stream) -> Self {
        (0..r.count()).map(|_| T::decode(r)).collect()
    }
}

impl Decode for super::Directions {
    fn decode(r: &mut Stream) -> Self {
        let mut map = Self::default();
        for _ in 0..r.count() {
            map.insert(String::decode(r), super::Direction::decode(r));
        }
        map
    }
}

// The file's writer and its tests (`#![cfg(test)]`).
mod write;
