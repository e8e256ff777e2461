//! The share card: one image a reader can post or a platform can preview — the scenario's title
//! and the reader's inputs on top, the fan and the summary in the middle, the source and the link
//! back at the bottom, with padding all round. Drawn by the same code as the widget's charts, in
//! two shapes: landscape (1200 × 675, link previews) and portrait (1080 × 1350, feeds).

use super::fan::{fan, FanSpec};
use super::layout::{balanced, label_style, text_width, wrap};
use super::{background, Dashes, DrawResult, Style};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Everything a card shows, already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct CardSpec {
    /// The scenario's title.
    pub title: String,
    /// The reader's inputs in words.
    pub inputs: String,
    /// The fan.
    pub fan: FanSpec,
    /// The summary sentence.
    pub summary: String,
    /// The credit line.
    pub source: String,
    /// Where the interactive version is (a permalink), or empty.
    pub link: String,
}

/// The card's two shapes, in pixels.
pub const LANDSCAPE: (u32, u32) = (1200, 675);
/// See [`LANDSCAPE`].
pub const PORTRAIT: (u32, u32) = (1080, 1350);

/// Sizes for one shape, in the card's pixels.
struct Scale {
    pad: f64,
    title: f64,
    body: f64,
    small: f64,
    /// The fan's own scale (its labels are sized in CSS pixels).
    fan: f64,
}

fn scale(width: f64, height: f64) -> Scale {
    if height > width {
        Scale { pad: 56.0, title: 46.0, body: 27.0, small: 20.0, fan: 2.0 }
    } else {
        Scale { pad: 40.0, title: 34.0, body: 21.0, small: 16.0, fan: 1.55 }
    }
}

/// `text` wrapped to `width` at `size`. A word longer than a line (a link) is broken after the
/// last `,` `&` `/` `#` or `?` in the line's second half, as typesetters break a URL (a
/// permalink's `shortfall:150` stays whole), else where it must.
fn wrap_all(text: &str, width: f64, size: f64) -> Vec<String> {
    let mut out = Vec::new();
    for line in wrap(text, width, size) {
        // The line being filled: up to its last separator, and the part after it.
        let (mut head, mut tail) = (String::new(), String::new());
        for c in line.chars() {
            tail.push(c);
            if text_width(&head, size) + text_width(&tail, size) > width {
                tail.pop();
                if head.len() <= tail.len() {
                    head.push_str(&tail); // no separator in the line's second half: break here
                    tail.clear();
                }
                if !head.is_empty() {
                    out.push(std::mem::take(&mut head));
                }
                tail.push(c);
            }
            if matches!(c, ',' | '&' | '/' | '#' | '?') {
                head.push_str(&tail);
                tail.clear();
            }
        }
        head.push_str(&tail);
        if !head.is_empty() {
            out.push(head);
        }
    }
    out
}

/// Draws `lines` from `y` (card pixels) at `x` and returns the `y` after them.
fn lines<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, lines: Vec<String>, (x, y): (f64, f64), size: f64, color: RGBColor, style: &Style) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let unit = Style { scale: 1.0, ..style.clone() };
    let step = size * 1.3;
    let mut y = y;
    for line in lines {
        area.draw(&Text::new(line, (x.round() as i32, y.round() as i32), label_style(&unit, size, color, Pos::new(HPos::Left, VPos::Top))))?;
        y += step;
    }
    Ok(y)
}

/// Draws a card onto `area` (its whole extent; the area's pixels are the card's pixels).
pub fn card<DB: Dashes>(area: &DrawingArea<DB, Shift>, spec: &CardSpec, style: &Style) -> DrawResult<DB> {
    background(area, style)?;
    let p = &style.palette;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let k = scale(w, h);
    let inner = (w - 2.0 * k.pad).max(1.0);
    let mut y = k.pad;
    y = lines(area, balanced(&spec.title, inner, k.title), (k.pad, y), k.title, p.text, style)?;
    y = lines(area, wrap_all(&spec.inputs, inner, k.small), (k.pad, y + k.small * 0.4), k.small, p.muted, style)? + k.small * 0.8;
    // The bottom, measured first so that the fan takes what is left.
    let footer: Vec<&str> = [spec.source.as_str(), spec.link.as_str()].into_iter().filter(|t| !t.is_empty()).collect();
    let footer_h: f64 = footer.iter().map(|t| wrap_all(t, inner, k.small).len() as f64 * k.small * 1.3).sum();
    let summary_h = wrap_all(&spec.summary, inner, k.body).len() as f64 * k.body * 1.3;
    let fan_bottom = (h - k.pad - footer_h - k.small - summary_h - k.body * 0.8).max(y + 1.0);
    let (x0, x1) = (k.pad.round() as i32, (w - k.pad).round() as i32);
    let fan_area = area.clone().shrink((x0, y.round() as i32), ((x1 - x0).max(1) as u32, (fan_bottom - y).round().max(1.0) as u32));
    fan(&fan_area, &spec.fan, &Style { scale: k.fan, ..style.clone() })?;
    let y = lines(area, wrap_all(&spec.summary, inner, k.body), (k.pad, fan_bottom + k.body * 0.8), k.body, p.text, style)?;
    let mut y = y.max(h - k.pad - footer_h);
    for text in footer {
        y = lines(area, wrap_all(text, inner, k.small), (k.pad, y), k.small, p.muted, style)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_breaks_after_a_separator_and_loses_nothing() {
        let link = "http://127.0.0.1:40513/embed-example.html#tc=nov-2025.s1.m3,surprise:0,cut-odds:85,shortfall:150,rmp-start:december,rmp-pace:60";
        let text = format!("tapecast scenario model. {link}");
        let (width, size) = (650.0, 20.0);
        let lines = wrap_all(&text, width, size);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, size) <= width), "{lines:?}");
        // The link's lines, joined, are the link; each but the last ends at a separator.
        let parts = &lines[1..];
        assert_eq!(parts.concat(), link, "{lines:?}");
        for l in &parts[..parts.len() - 1] {
            assert!(l.ends_with([',', '&', '/', '#', '?']), "{l:?} of {lines:?}");
        }
        // A word without a separator is still broken where it must be.
        let long = "x".repeat(200);
        let lines = wrap_all(&long, width, size);
        assert!(lines.len() > 1 && lines.concat() == long && lines.iter().all(|l| text_width(l, size) <= width), "{lines:?}");
    }

    #[test]
    fn a_title_takes_as_many_lines_as_it_must_each_about_as_long() {
        let title = "Can Nvidia carry the market while the funding pipes wheeze? (as of 17 Nov 2025)";
        let (width, size) = (968.0, 46.0); // the portrait card's title
        let greedy = wrap_all(title, width, size);
        let even = balanced(title, width, size);
        assert_eq!(even.len(), greedy.len(), "{even:?}");
        assert_eq!(even.join(" "), title);
        let widths: Vec<f64> = even.iter().map(|l| text_width(l, size)).collect();
        assert!(widths.iter().all(|&w| w <= width), "{even:?}");
        let (short, long) = (widths.iter().copied().fold(f64::MAX, f64::min), widths.iter().copied().fold(0.0, f64::max));
        assert!(short >= 0.6 * long, "{even:?}: {widths:?}");
        // The greedy lines leave the last word alone; the balanced ones do not.
        assert!(text_width(&greedy[greedy.len() - 1], size) < 0.3 * width, "{greedy:?}");
        // A Chinese title breaks at its punctuation when its phrases fit as few lines.
        let zh = "资金管道吃紧之际，英伟达能否撑起市场？（截至2025年11月17日）";
        let lines = balanced(zh, width, size);
        assert_eq!(lines.len(), wrap_all(zh, width, size).len(), "{lines:?}");
        assert_eq!(lines.concat(), zh);
        assert!(lines[..lines.len() - 1].iter().all(|l| l.ends_with(['，', '？'])), "{lines:?}");
        assert_eq!(balanced("short", width, size), vec!["short"]);
        assert!(balanced("", width, size).concat().is_empty());
    }
}
