//! Text and margin layout shared by every chart panel: the one glyph-width estimate, wrapping, label
//! styles, titles and the day axis's side margins. Charts never measure text
//! (see the crate's architecture notes), so everything here works from estimated widths.

use super::{DashedLine, Dashes, Style};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

/// Whether `c` is drawn a full em wide: CJK and full-width forms, U+2E80 and above.
fn wide(c: char) -> bool {
    (c as u32) >= 0x2E80
}

/// Estimated advance of one character, in ems: an upper bound of DejaVu Sans (the sans-serif
/// of Linux browsers, and wider than Helvetica, Arial and the system UI fonts), so that layout
/// reserves at least the room text takes.
fn advance(c: char) -> f64 {
    match c {
        _ if wide(c) => 1.0,
        'i' | 'j' | 'l' | '\'' | '|' | '!' | '.' | ',' | ':' | ';' | ' ' | '\u{a0}' | '/' | '\\' => 0.34,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '{' | '}' | '"' => 0.42,
        '0'..='9' | '$' | '#' | '_' | '*' | '?' | '^' => 0.64,
        'm' | 'w' | 'M' | 'W' | '%' | '@' | '…' => 1.0,
        'a'..='z' => 0.64,
        'A'..='Z' | '&' => 0.8,
        '+' | '−' | '=' | '<' | '>' | '~' | '±' | '×' | '–' | '—' => 0.84,
        _ => 0.8,
    }
}

/// Estimated width of `text` in CSS pixels at `size` CSS pixels: each character's advance in
/// ems, at most what DejaVu Sans takes (1 em for CJK and full-width forms, U+2E80 and above).
///
/// This is the one text-width estimate of the crate: the charts (canvas and SVG) and the static
/// snapshots (`tapecast-snapshots`) all lay out text with it, never with font metrics. A browser
/// test checks it is never smaller than what Chromium renders.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| advance(c) * size).sum()
}

/// Splits `text` into lines no wider than `max` CSS pixels at `size`, by [`text_width`]: breaks
/// after spaces and between CJK characters (not before closing punctuation, not after an opening
/// bracket, not between a number and the unit or month after it, not before `=`); a single long
/// word stays whole. Empty text gives one empty line.
pub fn wrap(text: &str, max: f64, size: f64) -> Vec<String> {
    wrap_at(text, max, size, true)
}

/// `text` wrapped as a headline is: in as few lines as fit `max`, each about as long as the
/// others (the narrowest width that keeps their number), so that no word is left alone on the
/// last line ("2025)", "5 Jan"), as CSS `text-wrap: balance` does; at its phrases (spaces, and
/// after Chinese punctuation: 资金管道吃紧之际， / 英伟达…) when they fit in as few lines, else
/// between any two Chinese characters too.
pub fn balanced(text: &str, max: f64, size: f64) -> Vec<String> {
    let greedy = wrap(text, max, size);
    if greedy.len() < 2 {
        return greedy;
    }
    for between_cjk in [false, true] {
        let fits = |w: f64| {
            let lines = wrap_at(text, w, size, between_cjk);
            lines.len() <= greedy.len() && lines.iter().all(|l| text_width(l, size) <= w)
        };
        if fits(max) {
            let (mut lo, mut hi) = (0.0, max);
            while hi - lo > 1.0 {
                let mid = (lo + hi) / 2.0;
                if fits(mid) { hi = mid } else { lo = mid }
            }
            return wrap_at(text, hi, size, between_cjk);
        }
    }
    greedy
}

fn wrap_at(text: &str, max: f64, size: f64, between_cjk: bool) -> Vec<String> {
    // Chinese line-breaking rules: closing punctuation (and `=`) never starts a line, an opening
    // bracket never ends one.
    let closing = |c: char| matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！' | '）' | '》' | '」' | '』' | '=');
    let opening = |c: char| matches!(c, '（' | '《' | '「' | '『');
    let mut lines = Vec::new();
    let mut line = String::new();
    // The last two places the line may break (the earlier one stands in when the later is taken back).
    let (mut last_break, mut before): (Option<usize>, Option<usize>) = (None, None);
    for c in text.chars() {
        let cjk = wide(c);
        if closing(c) {
            if last_break == Some(line.len()) {
                last_break = before; // not before closing punctuation (after Latin text either)
            }
        } else if (cjk || c.is_ascii_alphabetic()) && after_number(&line) {
            if last_break == Some(line.len()) {
                last_break = before; // a number and its unit share a line (+32 个基点, 5 Jan), even across a space
            }
        } else if cjk && (between_cjk || opening(c)) && !line.chars().next_back().is_some_and(opening) {
            (before, last_break) = (last_break, Some(line.len())); // a line may break before a CJK character
        }
        line.push(c);
        if text_width(&line, size) > max {
            if let Some(at) = last_break.filter(|&at| at > 0 && at < line.len()) {
                let rest = line.split_off(at);
                lines.push(line.trim_end().to_string());
                line = rest.trim_start().to_string();
                (before, last_break) = (None, None);
            }
        }
        if c == ' ' || (cjk && !opening(c) && (between_cjk || closing(c))) {
            (before, last_break) = (last_break, Some(line.len())); // … and after a space or a CJK character
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Whether `line` ends with a number (a digit or `%`), or a number and one space: what a unit
/// written after it may not be parted from.
fn after_number(line: &str) -> bool {
    let mut back = line.chars().rev();
    let last = match back.next() {
        Some(' ') => back.next(),
        c => c,
    };
    last.is_some_and(|c| c.is_ascii_digit() || c == '%')
}

/// A label's text style: the chart font at `size` CSS pixels.
pub(super) fn label_style(style: &Style, size: f64, color: RGBColor, pos: Pos) -> TextStyle<'_> {
    // `FontFamily::Name` as is: `From<&str>` lower-cases the name first, which links Unicode's
    // case tables into the wasm (kilobytes) only to recognise the generic families, which
    // canvas and SVG fonts treat alike either way.
    let font = FontDesc::new(FontFamily::Name(&style.font), style.font_px(size), FontStyle::Normal);
    TextStyle { font, color: color.to_backend_color(), pos }
}

/// Draws a title at the top left, its lines balanced; returns its height in CSS pixels.
pub(super) fn title<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, size: f64, style: &Style) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let width = area.dim_in_pixel().0 as f64 / style.scale - 4.0;
    let lines = balanced(text, width, size);
    let step = size * 1.3;
    for (i, line) in lines.iter().enumerate() {
        let pos = (style.px(2.0), style.px(2.0 + step * i as f64));
        area.draw(&Text::new(line.clone(), pos, label_style(style, size, style.palette.text, Pos::new(HPos::Left, VPos::Top))))?;
    }
    Ok(step * lines.len() as f64)
}

/// What a legend entry shows beside its words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    /// A patch of translucent fills laid over each other (a band and what lies under it).
    Fill(RGBAColor, Option<RGBAColor>),
    /// A solid line of the given width in CSS pixels.
    Line(RGBColor, f64),
    /// A dashed line.
    Dashed(RGBColor),
}

/// Legend text size, CSS pixels.
const KEY_SIZE: f64 = 11.0;
/// Width of a swatch and the gap after it, CSS pixels.
const SWATCH: f64 = 14.0;
const SWATCH_GAP: f64 = 4.0;
/// Gap between legend entries, CSS pixels.
const ENTRY_GAP: f64 = 12.0;

/// Lays legend entries out left to right from `(x0, y0)` (backing pixels), wrapping within
/// `width` CSS pixels; returns the height used in CSS pixels. An entry never breaks across lines.
pub(super) fn legend<DB: Dashes>(area: &DrawingArea<DB, Shift>, entries: &[(Swatch, String)], (x0, y0): (i32, i32), width: f64, style: &Style) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let line_h = KEY_SIZE * 1.35;
    let (mut x, mut row) = (0.0f64, 0.0f64);
    for (swatch, text) in entries {
        let w = SWATCH + SWATCH_GAP + text_width(text, KEY_SIZE);
        if x > 0.0 && x + w > width {
            x = 0.0;
            row += 1.0;
        }
        let (sx, cy) = (x0 + style.px(x), y0 + style.px(row * line_h + line_h / 2.0));
        let (sx1, half) = (sx + style.px(SWATCH), style.px(4.0));
        match *swatch {
            Swatch::Fill(a, b) => {
                area.draw(&Rectangle::new([(sx, cy - half), (sx1, cy + half)], a.filled()))?;
                if let Some(b) = b {
                    area.draw(&Rectangle::new([(sx, cy - half), (sx1, cy + half)], b.filled()))?;
                }
            }
            Swatch::Line(c, w) => area.draw(&PathElement::new(vec![(sx, cy), (sx1, cy)], c.stroke_width(style.px(w).max(1) as u32)))?,
            Swatch::Dashed(c) => area.draw(&DashedLine { ends: [(sx, cy), (sx1, cy)], dash: (style.px(3.0), style.px(5.0).max(2)), style: c.stroke_width(style.px(1.0).max(1) as u32) })?,
        }
        let pos = (sx1 + style.px(SWATCH_GAP), cy);
        area.draw(&Text::new(text.clone(), pos, label_style(style, KEY_SIZE, style.palette.text, Pos::new(HPos::Left, VPos::Center))))?;
        x += w + ENTRY_GAP;
    }
    Ok((row + 1.0) * line_h)
}

/// The labels that fit along an axis: candidates in order of priority, each centred on its
/// position (backing pixels) with its estimated width; a candidate is kept when it stays within
/// `lo..=hi` and is at least `gap` from every label kept before it. Kept labels come back in
/// axis order.
pub(super) fn fit_labels<T: Clone>(candidates: &[(i32, f64, T)], (lo, hi): (i32, i32), gap: i32) -> Vec<(i32, T)> {
    let mut kept: Vec<(i32, i32, i32, T)> = Vec::new();
    for (at, width, item) in candidates {
        let half = (*width / 2.0).ceil() as i32;
        let (l, r) = (at - half, at + half);
        let clear = kept.iter().all(|(kl, kr, _, _)| r + gap <= *kl || l >= kr + gap);
        if l >= lo && r <= hi && clear {
            kept.push((l, r, *at, item.clone()));
        }
    }
    sort_small(&mut kept, |a, b| a.2 < b.2);
    kept.into_iter().map(|(_, _, at, item)| (at, item)).collect()
}

/// Sorts a short slice (labels, rows: tens of items) by insertion, stable. The standard library's
/// sorts are faster on long slices but add kilobytes to the wasm for each type they sort.
pub(super) fn sort_small<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Left and right margins of a day axis, in backing pixels, for a chart `width` pixels wide:
/// shared by every chart with days across so that their days line up. The right margin holds the
/// horizon's value and its day: on phones, 6 px of gap and the widest short date at the fan's
/// tick size, 11 px ("12月31日", 50.6 px by [`text_width`]), with 2 px to spare.
pub(super) fn side_margins(width: i32, style: &Style) -> (i32, i32) {
    if (width as f64 / style.scale) < 480.0 {
        (style.px(46.0), style.px(59.0))
    } else {
        (style.px(58.0), style.px(64.0))
    }
}

#[cfg(test)]
mod tests {
    use super::{after_number, fit_labels, text_width, wide, wrap};

    #[test]
    fn the_phone_margin_holds_the_horizon_day_at_the_fan_tick_size() {
        let style = super::Style { palette: super::super::theme::Palette::LIGHT, scale: 1.0, font: String::new() };
        let (_, right) = super::side_margins(360, &style);
        let widest = ["12月31日", "Dec 31", "Nov 28"].iter().map(|d| text_width(d, super::super::fan::TICK)).fold(0.0, f64::max);
        assert!(6.0 + widest + 2.0 <= f64::from(right), "{widest} px of day in a {right} px margin");
    }

    #[test]
    fn short_slices_sort_stably() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::sort_small(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn axis_labels_keep_priority_and_never_overlap() {
        // (position, width, text): the first two are the must-haves.
        let c = [(0, 40.0, "a"), (100, 40.0, "b"), (30, 40.0, "c"), (60, 20.0, "d"), (200, 40.0, "e")];
        let kept: Vec<&str> = fit_labels(&c, (0, 180), 4).into_iter().map(|(_, t)| t).collect();
        assert_eq!(kept, vec!["c", "b"], "a leaves the axis at the left, d collides with c, e leaves at the right");
        let kept: Vec<&str> = fit_labels(&c, (-20, 220), 4).into_iter().map(|(_, t)| t).collect();
        assert_eq!(kept, vec!["a", "d", "b", "e"]);
    }

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
    fn chinese_punctuation_never_starts_a_line_and_an_opening_bracket_never_ends_one() {
        for text in ["资金管道吃紧之际，英伟达能否撑起市场？（截至2025年11月17日）", "tapecast 情景模型，基于2025年11月17日收盘。仅为情景工具，不构成预测或投资建议。", "美联储准备金管理购债：12月起 · 购债节奏 60 十亿美元/月"] {
            for width in (40..=700).step_by(3) {
                let lines = wrap(text, width as f64, 16.0);
                assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""), "{lines:?}");
                for (i, l) in lines.iter().enumerate() {
                    assert!(i == 0 || !l.starts_with(|c: char| "，。、；：？！）》」』".contains(c)), "at {width} px: {lines:?}");
                    assert!(!l.ends_with(|c: char| "（《「『".contains(c)), "at {width} px: {lines:?}");
                }
            }
        }
    }

    #[test]
    fn a_number_and_its_unit_or_month_share_a_line() {
        let en = "Memory: SNDK/WDC/STX (index, 17 Nov = 100), projected to 5 Jan";
        for width in (40..=400).step_by(3) {
            let lines = wrap(en, width as f64, 16.0);
            assert_eq!(lines.join(" "), en, "{lines:?}");
            for pair in lines.windows(2) {
                assert!(!(after_number(&pair[0]) && pair[1].starts_with(char::is_alphabetic)) && !pair[1].starts_with('='), "at {width} px: {lines:?}");
            }
        }
        let text = "回购压力12月31日达峰值+32 个基点，准备金缺口150十亿美元";
        let mut breaks = 0;
        for width in (40..=400).step_by(3) {
            let lines = wrap(text, width as f64, 16.0);
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""), "{lines:?}");
            breaks += lines.len() - 1;
            for pair in lines.windows(2) {
                assert!(!(after_number(&pair[0]) && pair[1].starts_with(wide)), "at {width} px: {lines:?}");
            }
        }
        assert!(breaks > 100, "the text was broken ({breaks} breaks)");
    }

    #[test]
    fn header_lines_wrap_latin_words_and_cjk_characters() {
        let l = wrap("one two three four five six seven", 60.0, 10.0);
        assert!(l.len() > 1 && l.iter().all(|x| x.chars().count() <= 11), "{l:?}");
        let z = wrap("资金管道吃紧之际英伟达能否撑起市场", 50.0, 10.0);
        assert!(z.len() > 1 && z.iter().all(|x| x.chars().count() <= 5), "{z:?}");
    }

    #[test]
    fn width_counts_cjk_as_one_em_and_latin_by_character_class() {
        assert!((text_width("abcde", 10.0) - 32.0).abs() < 1e-9);
        assert!((text_width("6,672", 10.0) - 29.0).abs() < 1e-9, "digits 0.64 em, comma 0.34");
        assert!(text_width("WWW", 10.0) > text_width("iii", 10.0) * 2.5);
        assert_eq!(text_width("资金", 10.0), 20.0);
        assert!((text_width("\u{2E80}\u{2E7F}", 10.0) - 18.0).abs() < 1e-9);
        assert_eq!(text_width("", 10.0), 0.0);
    }
}
