//! Words and numbers for readers, in English and Chinese: one table of strings, date and number
//! formats, and the summary sentence.

pub mod num;
mod strings;

pub use strings::{fill, tr, Key};

use crate::scenario::{Date, Text};

/// The reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// `zh`, `zh-CN`, `zh-Hans`… → Chinese; anything else → English.
    pub fn parse(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}

impl Text {
    /// The text in `lang` (English when the other is empty).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh if !self.zh.is_empty() => &self.zh,
            _ => &self.en,
        }
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A short date: `20 Nov` or `11月20日`.
pub fn short_date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {}", d.day, MONTHS[(d.month as usize).clamp(1, 12) - 1]),
        Lang::Zh => format!("{}月{}日", d.month, d.day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_languages() {
        let d = Date::parse("2025-12-31").unwrap();
        assert_eq!(short_date(d, Lang::En), "31 Dec");
        assert_eq!(short_date(d, Lang::Zh), "12月31日");
        assert_eq!(Lang::parse("zh-Hans"), Lang::Zh);
        assert_eq!(Lang::parse("<script>"), Lang::En);
    }
}
