//! The fan chart: one series' projected path, median with 25–75% and 5–95% bands, a key that
//! says what the bands are, the as-of level (a dashed line, labelled on the value axis and in the
//! key, never on the data), dated event markers, date ticks at the story's days and the horizon
//! value with its day. A pinned state, when the reader pinned one, is outlined behind the live
//! fan: its median dashed, its 5–95% edges as thin lines, both named in the key.

use super::layout::{fit_labels, label_style, legend, side_margins, text_width, title, Swatch};
use super::{axis::nice_ticks, background, DashedLine, Dashes, DrawResult, Style};
use crate::model::Band;
use crate::text::num;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Everything a fan chart shows, already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct FanSpec {
    /// Title over the chart.
    pub title: String,
    /// Percentiles per day, index 0 = the as-of close.
    pub days: Vec<Band>,
    /// The as-of level (drawn as a reference line).
    pub start: f64,
    /// The reference line's entry in the key (`17 Nov close: 6,672`).
    pub start_label: String,
    /// The key's words for the inner band, the outer band and the median line.
    pub key: [String; 3],
    /// Date ticks under the axis, most important first (day index and text), the horizon among
    /// them; those that would collide with a more important one are left out.
    pub x_ticks: Vec<(usize, String)>,
    /// Whether the dates are labelled (a panel stacked above another with the same days is not).
    pub date_labels: bool,
    /// Event markers: day index and text.
    pub events: Vec<(usize, String)>,
    /// Day index whose median is labelled in the right margin with its date from `x_ticks`: the
    /// horizon ("year-end") on the fan, the peak day on the plumbing panel.
    pub horizon: usize,
    /// Decimals for the as-of level's label (axis ticks choose their own).
    pub decimals: u32,
    /// The step the horizon's value is written to (a power of ten: 10 writes 6,657 as 6,660), as
    /// the summary and the table write it.
    pub end_step: f64,
    /// Text after numbers (`%`, ` bp`), may be empty.
    pub suffix: String,
    /// The value axis's shorter numbers, for labels too wide for a phone's margin ("120,000"):
    /// what they are divided by and the word after them (1,000 and `k`; 10,000 and `万`).
    pub compact: (f64, &'static str),
    /// The pinned state's path, outlined behind the live one; `None` when nothing is pinned.
    pub pinned: Option<PinnedFan>,
}

/// A pinned state's path on the fan, with its key words.
#[derive(Debug, Clone, PartialEq)]
pub struct PinnedFan {
    /// Percentiles per day of the pinned state, on the same days as the live fan.
    pub days: Vec<Band>,
    /// The key's words for the pinned median and the pinned 5–95% edges.
    pub key: [String; 2],
}

/// Text sizes, CSS pixels: the only two the fan uses (the horizon's value is as large as the title,
/// its day as the ticks), so the first chart asks the browser for two font sizes, not four; each
/// new size costs the page's main thread a synchronous query of the system's font settings.
const TITLE: f64 = 13.0;
pub(super) const TICK: f64 = 11.0;
/// Room for one row of event labels, CSS pixels.
const EVENT_ROW: f64 = 13.0;

/// Draws the fan chart onto `area` (its whole extent).
pub fn fan<DB: Dashes>(area: &DrawingArea<DB, Shift>, spec: &FanSpec, style: &Style) -> DrawResult<DB> {
    background(area, style)?;
    let p = &style.palette;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let css_w = w as f64 / style.scale;
    let title_h = title(area, &spec.title, TITLE, style)?;
    let (left, right) = side_margins(w, style);
    let font = |size: f64, color: &RGBColor, pos: Pos| label_style(style, size, *color, pos);
    let thin = style.px(1.0).max(1) as u32;

    // The key, under the title: what the bands, the line and the dashes are.
    let mut entries = vec![
        (Swatch::Fill(p.band_outer, Some(p.band_inner)), spec.key[0].clone()),
        (Swatch::Fill(p.band_outer, None), spec.key[1].clone()),
        (Swatch::Line(p.series, 2.0), spec.key[2].clone()),
        (Swatch::Dashed(p.reference), spec.start_label.clone()),
    ];
    if let Some(pin) = &spec.pinned {
        entries.push((Swatch::Dashed(p.text), pin.key[0].clone()));
        entries.push((Swatch::Line(p.muted, 1.0), pin.key[1].clone()));
    }
    let key_h = legend(area, &entries, (style.px(2.0), style.px(title_h + 2.0)), css_w - 4.0, style)?;
    // Event labels sit in up to two rows between the key and the plot.
    let n = spec.days.len().saturating_sub(1).max(1);
    let rows = if spec.events.is_empty() { 0.0 } else { 2.0 };
    let top = style.px(title_h + 2.0 + key_h + 4.0 + rows * EVENT_ROW + 2.0);
    let bottom = style.px(if spec.date_labels { 24.0 } else { 8.0 });
    let (plot_w, plot_h) = ((w - left - right).max(1), (h - top - bottom).max(1));

    // Value range: every band (the pinned one too) and the as-of level, padded.
    let pinned_days = spec.pinned.as_ref().map_or(&[][..], |pin| &pin.days[..]);
    let (lo, hi) = spec.days.iter().chain(pinned_days).fold((spec.start, spec.start), |(lo, hi), b| (lo.min(b.p5), hi.max(b.p95)));
    let pad = ((hi - lo) * 0.06).max(hi.abs().max(1.0) * 1e-4);
    let (lo, hi) = (lo - pad, hi + pad);
    let x = |day: usize| left + (day as f64 / n as f64 * plot_w as f64).round() as i32;
    let y = |v: f64| top + ((hi - v) / (hi - lo) * plot_h as f64).round() as i32;

    // Grid and value ticks; the as-of level is labelled on the axis in its own colour, and a tick
    // label that would touch it gives way.
    let ys = y(spec.start);
    // At least three: two may leave the data's far end unlabelled on a short panel.
    let (ticks, decimals) = nice_ticks(lo, hi, (plot_h / style.px(48.0)).clamp(3, 6) as usize);
    // Labels wider than the margin (less its 6 px gap) are all written shorter: 120k, 12万.
    let full = |v: f64, d: u32| format!("{}{}", num::fixed(v, d), spec.suffix);
    // The widest has the most digits, and a minus sign when any is negative.
    let most = ticks.iter().fold(spec.start.abs(), |m, v| m.max(v.abs()));
    let sign = if spec.start.min(ticks.first().copied().unwrap_or(0.0)) < 0.0 { -1.0 } else { 1.0 };
    let short = style.px(text_width(&full(sign * most, decimals.max(spec.decimals)), TICK) + 6.0) > left;
    let (by, word) = spec.compact;
    let text = |v: f64, d: u32| if short { format!("{}{word}{}", num::trimmed(v / by, d + 4), spec.suffix) } else { full(v, d) };
    for v in ticks {
        area.draw(&PathElement::new(vec![(left, y(v)), (left + plot_w, y(v))], p.grid.stroke_width(thin)))?;
        if (y(v) - ys).abs() >= style.px(TICK + 2.0) {
            area.draw(&Text::new(text(v, decimals), (left - style.px(6.0), y(v)), font(TICK, &p.muted, Pos::new(HPos::Right, VPos::Center))))?;
        }
    }
    area.draw(&Text::new(text(spec.start, spec.decimals), (left - style.px(6.0), ys), font(TICK, &p.reference, Pos::new(HPos::Right, VPos::Center))))?;
    // Dates: ticks at the days the view lists, labels where they fit, most important first.
    let candidates: Vec<(i32, f64, String)> = spec.x_ticks.iter().map(|(d, t)| (x(*d), style.px(text_width(t, TICK)) as f64, t.clone())).collect();
    for (at, label) in fit_labels(&candidates, (0, w), style.px(8.0)) {
        area.draw(&PathElement::new(vec![(at, top + plot_h), (at, top + plot_h + style.px(4.0))], p.muted.stroke_width(thin)))?;
        if spec.date_labels {
            area.draw(&Text::new(label, (at, top + plot_h + style.px(6.0)), font(TICK, &p.muted, Pos::new(HPos::Center, VPos::Top))))?;
        }
    }
    // Event markers, labels staggered over two rows where they would collide, kept on the canvas.
    let mut row_end = [i32::MIN; 2];
    for (day, label) in &spec.events {
        let ex = x(*day);
        area.draw(&DashedLine { ends: [(ex, top), (ex, top + plot_h)], dash: (style.px(3.0), style.px(6.0).max(2)), style: p.muted.stroke_width(thin) })?;
        let half = style.px(text_width(label, TICK) / 2.0);
        let (min_x, max_x) = (half + style.px(2.0), w - half - style.px(2.0));
        if min_x > max_x {
            continue; // a canvas narrower than the label: the marker stays, unlabelled
        }
        let lx = ex.clamp(min_x, max_x);
        let row = usize::from(lx - half < row_end[0] + style.px(6.0));
        if row == 1 && lx - half < row_end[1] + style.px(6.0) {
            continue; // no room in either row: the dashed marker stays, unlabelled
        }
        row_end[row] = lx + half;
        let ly = top - style.px(4.0) - style.px(EVENT_ROW) * (1 - row as i32);
        area.draw(&Text::new(label.clone(), (lx, ly), font(TICK, &p.muted, Pos::new(HPos::Center, VPos::Bottom))))?;
    }
    // Bands, outer then inner.
    let polygon = |upper: fn(&Band) -> f64, lower: fn(&Band) -> f64| {
        let mut pts: Vec<(i32, i32)> = spec.days.iter().enumerate().map(|(i, b)| (x(i), y(upper(b)))).collect();
        pts.extend(spec.days.iter().enumerate().rev().map(|(i, b)| (x(i), y(lower(b)))));
        pts
    };
    area.draw(&Polygon::new(polygon(|b| b.p95, |b| b.p5), p.band_outer.filled()))?;
    area.draw(&Polygon::new(polygon(|b| b.p75, |b| b.p25), p.band_inner.filled()))?;
    // As-of level, dashed, under the pinned state: a pinned median that stays at the close (a pin
    // at the as-of state, whose median barely moves) covers it rather than hiding under it.
    area.draw(&DashedLine { ends: [(left, ys), (left + plot_w, ys)], dash: (style.px(4.0), style.px(8.0).max(2)), style: p.reference.stroke_width(thin) })?;
    // The pinned state: 5–95% edges thin, median dashed, over the live bands, under the live median.
    if !pinned_days.is_empty() {
        let path = |v: fn(&Band) -> f64| -> Vec<(i32, i32)> { pinned_days.iter().enumerate().map(|(i, b)| (x(i), y(v(b)))).collect() };
        for edge in [path(|b| b.p5), path(|b| b.p95)] {
            area.draw(&PathElement::new(edge, p.muted.stroke_width(thin)))?;
        }
        let dash = p.text.stroke_width(style.px(1.5).max(1) as u32);
        area.draw(&plotters::element::DashedPathElement::new(path(|b| b.p50), style.px(6.0).max(2), style.px(4.0).max(1), dash))?;
    }
    // Median.
    let median: Vec<(i32, i32)> = spec.days.iter().enumerate().map(|(i, b)| (x(i), y(b.p50))).collect();
    area.draw(&PathElement::new(median, p.series.stroke_width(style.px(2.0).max(1) as u32)))?;
    // Horizon: the median's value in the right margin with its day over it (under it when the
    // dot is near the plot's top), so it does not read as the value where the fan ends.
    if let Some(b) = spec.days.get(spec.horizon) {
        let (hx, hy) = (x(spec.horizon), y(b.p50));
        area.draw(&Circle::new((hx, hy), style.px(3.5), p.series.filled()))?;
        let value = format!("{}{}", num::to_step(b.p50, spec.end_step), spec.suffix);
        let lx = left + plot_w + style.px(6.0);
        area.draw(&Text::new(value, (lx, hy), font(TITLE, &p.text, Pos::new(HPos::Left, VPos::Center))))?;
        let (dy, v) = if hy - top > style.px(20.0) { (-7.0, VPos::Bottom) } else { (7.0, VPos::Top) };
        if let Some((_, date)) = spec.x_ticks.iter().find(|(d, _)| *d == spec.horizon) {
            area.draw(&Text::new(date.clone(), (lx, hy + style.px(dy)), font(TICK, &p.muted, Pos::new(HPos::Left, v))))?;
        }
    }
    Ok(())
}
