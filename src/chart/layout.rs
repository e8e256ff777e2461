//! Text and margin layout shared by every chart panel: the one glyph-width estimate, wrapping,
//! ellipsis, label styles, titles and the day axis's side margins. Charts never measure text
//! (see the crate's architecture notes), so everything here works from estimated widths.

use super::Style;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Whether `c` is drawn a full em wide: CJK and full-width forms, U+2E80 and above.
fn wide(c: char) -> bool {
    (c as u32) >= 0x2E80
}

/// Estimated width of `text` in CSS pixels at `size` CSS pixels: 1 em for each CJK or
/// full-width character (U+2E80 and above), 0.6 em for every other character.
///
/// This is the one text-width estimate of the crate: the charts (canvas and SVG) and the static
/// snapshots (`tapecast-snapshots`) all lay out text with it, never with font metrics.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if wide(c) { size } else { size * 0.6 }).sum()
}

/// Splits `text` into lines no wider than `max` CSS pixels at `size`, by [`text_width`]: breaks
/// after spaces and between CJK characters; a single long word stays whole. Empty text gives one
/// empty line.
pub fn wrap(text: &str, max: f64, size: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut last_break: Option<usize> = None;
    for c in text.chars() {
        let cjk = wide(c);
        if cjk {
            last_break = Some(line.len()); // a line may break before a CJK character
        }
        line.push(c);
        if text_width(&line, size) > max {
            if let Some(at) = last_break.filter(|&at| at > 0 && at < line.len()) {
                let rest = line.split_off(at);
                lines.push(line.trim_end().to_string());
                line = rest.trim_start().to_string();
                last_break = None;
            }
        }
        if c == ' ' || cjk {
            last_break = Some(line.len()); // … and after a space or a CJK character
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// `text`, cut with an ellipsis to fit `room` CSS pixels at `size`.
pub(super) fn fit(text: &str, room: f64, size: f64) -> String {
    if text_width(text, size) <= room {
        return text.to_string();
    }
    let mut out: String = text.chars().collect();
    while !out.is_empty() && text_width(&out, size) + text_width("…", size) > room {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

/// A label's text style: the chart font at `size` CSS pixels.
pub(super) fn label_style(style: &Style, size: f64, color: RGBColor, pos: Pos) -> TextStyle<'_> {
    let font = (style.font.as_str(), style.font_px(size)).into_font();
    TextStyle { font, color: color.to_backend_color(), pos }
}

/// Draws a wrapped title at the top left; returns its height in CSS pixels.
pub(super) fn title<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, size: f64, style: &Style) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let width = area.dim_in_pixel().0 as f64 / style.scale - 4.0;
    let lines = wrap(text, width, size);
    let step = size * 1.3;
    for (i, line) in lines.iter().enumerate() {
        let pos = (style.px(2.0), style.px(2.0 + step * i as f64));
        area.draw(&Text::new(line.clone(), pos, label_style(style, size, style.palette.text, Pos::new(HPos::Left, VPos::Top))))?;
    }
    Ok(step * lines.len() as f64)
}

/// Left and right margins of a day axis, in backing pixels, for a chart `width` pixels wide:
/// shared by every chart with days across so that their days line up.
pub(super) fn side_margins(width: i32, style: &Style) -> (i32, i32) {
    if (width as f64 / style.scale) < 480.0 {
        (style.px(46.0), style.px(44.0))
    } else {
        (style.px(58.0), style.px(64.0))
    }
}

#[cfg(test)]
mod tests {
    use super::{fit, text_width, wrap};

    #[test]
    fn titles_wrap_at_spaces_and_between_cjk_characters() {
        let lines = wrap("Standing Repo Facility use, $bn (bar: median; tick: 95th percentile)", 200.0, 12.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 12.0) <= 200.0), "{lines:?}");
        assert_eq!(lines.join(" "), "Standing Repo Facility use, $bn (bar: median; tick: 95th percentile)");
        let zh = wrap("常设回购便利使用量，十亿美元（柱：中位数；短线：95分位）", 120.0, 12.0);
        assert!(zh.len() >= 3 && zh.concat() == "常设回购便利使用量，十亿美元（柱：中位数；短线：95分位）", "{zh:?}");
        assert_eq!(wrap("short", 500.0, 12.0), vec!["short"]);
        assert_eq!(wrap("", 500.0, 12.0), vec![""]);
    }

    #[test]
    fn header_lines_wrap_latin_words_and_cjk_characters() {
        let l = wrap("one two three four five six seven", 60.0, 10.0);
        assert!(l.len() > 1 && l.iter().all(|x| x.chars().count() <= 11), "{l:?}");
        let z = wrap("资金管道吃紧之际英伟达能否撑起市场", 50.0, 10.0);
        assert!(z.len() > 1 && z.iter().all(|x| x.chars().count() <= 5), "{z:?}");
    }

    #[test]
    fn width_counts_cjk_as_one_em_and_the_rest_as_six_tenths() {
        assert_eq!(text_width("abcde", 10.0), 30.0);
        assert_eq!(text_width("资金", 10.0), 20.0);
        assert_eq!(text_width("\u{2E80}\u{2E7F}", 10.0), 16.0);
        assert_eq!(text_width("", 10.0), 0.0);
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_only_when_needed() {
        assert_eq!(fit("Semiconductors", 200.0, 10.0), "Semiconductors");
        let cut = fit("Semiconductors", 50.0, 10.0);
        assert!(cut.ends_with('…') && text_width(&cut, 10.0) <= 50.0, "{cut}");
    }
}
