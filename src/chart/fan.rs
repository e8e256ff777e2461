//! The fan chart: one series' projected path, median with 25–75% and 5–95% bands, the as-of
//! level, dated event markers and the horizon value.

use super::layout::{label_style, side_margins, text_width, title};
use super::{axis::nice_ticks, background, DrawResult, Style};
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
    /// Label of the as-of reference line.
    pub start_label: String,
    /// Date labels under the axis: day index and text.
    pub x_ticks: Vec<(usize, String)>,
    /// Event markers: day index and text.
    pub events: Vec<(usize, String)>,
    /// Day index of the horizon ("year-end").
    pub horizon: usize,
    /// Decimals for the horizon value label (axis ticks choose their own).
    pub decimals: u32,
    /// Text after numbers (`%`, ` bp`), may be empty.
    pub suffix: String,
}

/// Draws the fan chart onto `area` (its whole extent).
pub fn fan<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &FanSpec, style: &Style) -> DrawResult<DB> {
    background(area, style)?;
    let p = &style.palette;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let title_h = title(area, &spec.title, 13.0, style)?;
    let (left, right) = side_margins(w, style);
    let (top, bottom) = (style.px(title_h + 31.0), style.px(24.0));
    let (plot_w, plot_h) = ((w - left - right).max(1), (h - top - bottom).max(1));
    let n = spec.days.len().saturating_sub(1).max(1);
    let font = |size: f64, color: &RGBColor, pos: Pos| label_style(style, size, *color, pos);

    // Value range: every band and the as-of level, padded.
    let (lo, hi) = spec.days.iter().fold((spec.start, spec.start), |(lo, hi), b| (lo.min(b.p5), hi.max(b.p95)));
    let pad = ((hi - lo) * 0.06).max(hi.abs().max(1.0) * 1e-4);
    let (lo, hi) = (lo - pad, hi + pad);
    let x = |day: usize| left + (day as f64 / n as f64 * plot_w as f64).round() as i32;
    let y = |v: f64| top + ((hi - v) / (hi - lo) * plot_h as f64).round() as i32;
    let thin = style.px(1.0).max(1) as u32;

    // Grid and value ticks.
    let (ticks, decimals) = nice_ticks(lo, hi, (plot_h / style.px(48.0)).clamp(2, 6) as usize);
    for v in ticks {
        area.draw(&PathElement::new(vec![(left, y(v)), (left + plot_w, y(v))], p.grid.stroke_width(thin)))?;
        let label = format!("{}{}", num::fixed(v, decimals), spec.suffix);
        area.draw(&Text::new(label, (left - style.px(6.0), y(v)), font(11.0, &p.muted, Pos::new(HPos::Right, VPos::Center))))?;
    }
    // Dates.
    for (day, label) in &spec.x_ticks {
        area.draw(&PathElement::new(vec![(x(*day), top + plot_h), (x(*day), top + plot_h + style.px(4.0))], p.muted.stroke_width(thin)))?;
        let pos = (x(*day), top + plot_h + style.px(6.0));
        area.draw(&Text::new(label.clone(), pos, font(11.0, &p.muted, Pos::new(HPos::Center, VPos::Top))))?;
    }
    // Event markers, labels staggered over two rows where they would collide.
    let mut row_end = [i32::MIN; 2];
    for (day, label) in &spec.events {
        let ex = x(*day);
        for seg in (top..top + plot_h).step_by(style.px(6.0).max(2) as usize) {
            let end = (seg + style.px(3.0)).min(top + plot_h);
            area.draw(&PathElement::new(vec![(ex, seg), (ex, end)], p.muted.stroke_width(thin)))?;
        }
        let half = style.px(text_width(label, 11.0) / 2.0);
        let row = usize::from(ex - half < row_end[0] + style.px(6.0));
        row_end[row] = ex + half;
        let ly = top - style.px(4.0) - style.px(13.0) * (1 - row as i32);
        area.draw(&Text::new(label.clone(), (ex, ly), font(11.0, &p.muted, Pos::new(HPos::Center, VPos::Bottom))))?;
    }
    // Bands, outer then inner.
    let polygon = |upper: fn(&Band) -> f64, lower: fn(&Band) -> f64| {
        let mut pts: Vec<(i32, i32)> = spec.days.iter().enumerate().map(|(i, b)| (x(i), y(upper(b)))).collect();
        pts.extend(spec.days.iter().enumerate().rev().map(|(i, b)| (x(i), y(lower(b)))));
        pts
    };
    area.draw(&Polygon::new(polygon(|b| b.p95, |b| b.p5), p.band_outer.filled()))?;
    area.draw(&Polygon::new(polygon(|b| b.p75, |b| b.p25), p.band_inner.filled()))?;
    // As-of level, dashed.
    let ys = y(spec.start);
    for seg in (left..left + plot_w).step_by(style.px(8.0).max(2) as usize) {
        let end = (seg + style.px(4.0)).min(left + plot_w);
        area.draw(&PathElement::new(vec![(seg, ys), (end, ys)], p.reference.stroke_width(thin)))?;
    }
    let as_of_pos = (left + style.px(4.0), ys - style.px(3.0));
    area.draw(&Text::new(spec.start_label.clone(), as_of_pos, font(11.0, &p.reference, Pos::new(HPos::Left, VPos::Bottom))))?;
    // Median.
    let median: Vec<(i32, i32)> = spec.days.iter().enumerate().map(|(i, b)| (x(i), y(b.p50))).collect();
    area.draw(&PathElement::new(median, p.series.stroke_width(style.px(2.0).max(1) as u32)))?;
    // Horizon: the median's value at year-end, with its 90% range.
    if let Some(b) = spec.days.get(spec.horizon) {
        let (hx, hy) = (x(spec.horizon), y(b.p50));
        area.draw(&Circle::new((hx, hy), style.px(3.5), p.series.filled()))?;
        let value = format!("{}{}", num::fixed(b.p50, spec.decimals), spec.suffix);
        let lx = left + plot_w + style.px(6.0);
        area.draw(&Text::new(value, (lx, hy), font(12.0, &p.text, Pos::new(HPos::Left, VPos::Center))))?;
    }
    Ok(())
}
