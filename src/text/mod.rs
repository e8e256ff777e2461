//! Words, numbers and dates for readers, in English and Chinese: the ground floor every other
//! layer stands on. One table of strings, number formats, dates, bilingual text and the way a
//! value found in bad input is quoted back. It imports nothing else of the crate.

mod date;
pub mod num;
mod strings;

pub use date::{short_date, trading_days, Date};
pub use strings::{fill, tr, Key};
use serde::{Deserialize, Serialize};

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

/// Text in the two languages the widget speaks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Text {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
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

/// Shows a string value found in input safely and briefly in a message: quoted, at most 40
/// characters, an ellipsis when cut. Straight quotes, as English notes set them; a Chinese
/// template writes `“{value}”` and [`fill`] drops these for its full-width marks.
pub fn quoted(s: &str) -> String {
    let short: String = s.chars().take(40).collect();
    let more = if s.chars().count() > 40 { "…" } else { "" };
    format!("\"{short}{more}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_quoting() {
        assert_eq!(Lang::parse("zh-Hans"), Lang::Zh);
        assert_eq!(quoted("abc"), "\"abc\"");
        assert_eq!(quoted(&"x".repeat(50)), format!("\"{}…\"", "x".repeat(40)));
        let t = Text { en: "Reset".into(), zh: String::new() };
        assert_eq!(t.get(Lang::Zh), "Reset", "English when the Chinese is missing");
        assert_eq!(Lang::parse("<script>"), Lang::En);
    }
}
