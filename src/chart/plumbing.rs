//! The plumbing chart: SOFR − IORB as a fan with the SRF rate as its reference line (top), and
//! daily SRF use as bars, median with a 95th-percentile tick (bottom). Stress dates are marked;
//! the two panels share one day axis, labelled under the bottom one, and each has its own
//! labelled value axis.

use super::fan::{fan, FanSpec};
use super::layout::{fit_labels, label_style, side_margins, text_width, title};
use super::{axis::nice_ticks, Dashes, DrawResult, Style};
use crate::model::Band;
use crate::text::num;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Everything the plumbing chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PlumbingSpec {
    /// The spread panel (reference line = the SRF rate).
    pub spread: FanSpec,
    /// Title of the SRF panel.
    pub srf_title: String,
    /// SRF use per day, $bn (index 0 = the as-of state).
    pub srf: Vec<Band>,
    /// Text after SRF values (` bn`).
    pub srf_suffix: String,
}

/// Draws the plumbing chart onto `area`.
pub fn plumbing<DB: Dashes>(area: &DrawingArea<DB, Shift>, spec: &PlumbingSpec, style: &Style) -> DrawResult<DB> {
    let (_, h) = area.dim_in_pixel();
    let (top, bottom) = area.split_vertically((h as f64 * 0.64).round() as u32);
    fan(&top, &spec.spread, style)?;
    srf_bars(&bottom, spec, style)
}

fn srf_bars<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &PlumbingSpec, style: &Style) -> DrawResult<DB> {
    super::background(area, style)?;
    let p = &style.palette;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let title_h = title(area, &spec.srf_title, 12.0, style)?;
    // The same horizontal layout as the fan above, so the days line up.
    let (left, right) = side_margins(w, style);
    let (top, bottom) = (style.px(title_h + 10.0), style.px(24.0));
    let (plot_w, plot_h) = ((w - left - right).max(1), (h - top - bottom).max(1));
    let n = spec.srf.len().saturating_sub(1).max(1);
    let top_p95 = spec.srf.iter().map(|b| b.p95).fold(0.0f64, f64::max);
    // At least two labelled ticks: the axis ends on a round tick above the largest 95th percentile.
    let (ticks, decimals) = nice_ticks(0.0, top_p95.max(10.0) * 1.02, (plot_h / style.px(26.0)).clamp(2, 4) as usize);
    let step = if ticks.len() >= 2 { ticks[1] - ticks[0] } else { top_p95.max(10.0) };
    let hi = ticks.last().copied().filter(|t| *t >= top_p95).unwrap_or(ticks.last().copied().unwrap_or(0.0) + step).max(step);
    let ticks: Vec<f64> = (0..).map(|i| i as f64 * step).take_while(|v| *v <= hi + step * 1e-9).collect();
    let x = |day: f64| left + (day / n as f64 * plot_w as f64).round() as i32;
    let y = |v: f64| top + ((hi - v) / hi * plot_h as f64).round() as i32;
    let thin = style.px(1.0).max(1) as u32;
    let font = |size: f64, color: RGBColor, hp: HPos, vp: VPos| label_style(style, size, color, Pos::new(hp, vp));
    // A day's bar is centred on its day, so the last one reaches half a bar past the fan's right
    // edge: the grid runs under it too.
    let half = ((plot_w as f64 / n as f64) * 0.32).max(1.0);
    for v in ticks {
        area.draw(&PathElement::new(vec![(left, y(v)), (left + plot_w + half as i32, y(v))], p.grid.stroke_width(thin)))?;
        let label = format!("{}{}", num::fixed(v, decimals), spec.srf_suffix);
        area.draw(&Text::new(label, (left - style.px(6.0), y(v)), font(10.0, p.muted, HPos::Right, VPos::Center)))?;
    }
    for (day, b) in spec.srf.iter().enumerate().skip(1) {
        let cx = x(day as f64);
        let (l, r) = (cx - half as i32, cx + half as i32);
        if b.p50 > 0.0 {
            area.draw(&Rectangle::new([(l, y(b.p50)), (r.max(l + 1), y(0.0))], p.series.mix(0.8).filled()))?;
        }
        if b.p95 > 0.0 {
            area.draw(&PathElement::new(vec![(l, y(b.p95)), (r.max(l + 1), y(b.p95))], p.reference.stroke_width(style.px(2.0).max(1) as u32)))?;
        }
    }
    // The shared day axis, labelled here for both panels.
    let candidates: Vec<(i32, f64, String)> = spec.spread.x_ticks.iter().map(|(d, t)| (x(*d as f64), style.px(text_width(t, 11.0)) as f64, t.clone())).collect();
    for (at, label) in fit_labels(&candidates, (0, w), style.px(8.0)) {
        area.draw(&PathElement::new(vec![(at, top + plot_h), (at, top + plot_h + style.px(4.0))], p.muted.stroke_width(thin)))?;
        area.draw(&Text::new(label, (at, top + plot_h + style.px(6.0)), font(11.0, p.muted, HPos::Center, VPos::Top)))?;
    }
    Ok(())
}
