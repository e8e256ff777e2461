//! [`Directions`]: an asset's declared direction per input, keyed by the input's scenario field,
//! as a small map kept sorted by key (a handful of entries: no tree, whose code was 3 KB of the
//! reader's wasm). Read and written as a JSON object; a key given twice keeps its last value.

use super::Direction;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Directions by input field, sorted by field, each field once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Directions(Vec<(String, Direction)>);

impl Directions {
    /// The direction declared for `field`, if any.
    pub fn get(&self, field: &str) -> Option<Direction> {
        self.find(field).ok().map(|i| self.0[i].1)
    }

    /// Whether `field` has a declared direction.
    pub fn contains_key(&self, field: &str) -> bool {
        self.find(field).is_ok()
    }

    /// The fields, in sorted order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Declares `direction` for `field` (replacing an earlier one: a key given twice keeps its
    /// last value, as `JSON.parse` reads it).
    pub fn insert(&mut self, field: String, direction: Direction) {
        match self.find(&field) {
            Ok(i) => self.0[i].1 = direction,
            Err(i) => self.0.insert(i, (field, direction)),
        }
    }

    fn find(&self, field: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(field))
    }
}

impl Serialize for Directions {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Directions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Directions;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Directions, A::Error> {
                let mut out = Directions::default();
                while let Some((k, v)) = entries.next_entry::<String, Direction>()? {
                    out.insert(k, v);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Entries)
    }
}

#[cfg(test)]
mod tests {
    use super::{Direction, Directions};

    #[test]
    fn a_sorted_map_whose_last_value_wins() {
        let mut d = Directions::default();
        d.insert("surprise".into(), Direction::Up);
        d.insert("cut_odds".into(), Direction::Down);
        d.insert("surprise".into(), Direction::None);
        assert_eq!(d.keys().collect::<Vec<_>>(), ["cut_odds", "surprise"]);
        assert_eq!((d.get("surprise"), d.get("cut_odds"), d.get("x")), (Some(Direction::None), Some(Direction::Down), None));
        assert!(d.contains_key("cut_odds") && !d.contains_key("shortfall"));
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, r#"{"cut_odds":"down","surprise":"none"}"#);
        let back: Directions = serde_json::from_str(r#"{"surprise":"up","cut_odds":"down","surprise":"down"}"#).unwrap();
        assert_eq!(back.keys().collect::<Vec<_>>(), ["cut_odds", "surprise"]);
        assert_eq!(back.get("surprise"), Some(Direction::Down));
    }
}
