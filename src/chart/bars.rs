//! The cross-asset chart: each series' median change by the horizon, as a bar, with its 25–75%
//! range as a whisker; one section per unit (percent for prices, basis points for rates), rows
//! grouped (AI complex, broad market, defensives, crypto and gold, rates and credit).

use super::layout::{fit, label_style, text_width, title, wrap};
use super::{axis::nice_ticks, background, DrawResult, Style};
use crate::text::num;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// Series name.
    pub label: String,
    /// Median change.
    pub median: f64,
    /// 25th percentile of the change.
    pub p25: f64,
    /// 75th percentile of the change.
    pub p75: f64,
}

/// A block of rows sharing one unit and one scale.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSection {
    /// Heading (e.g. "Change by 31 Dec, %").
    pub heading: String,
    /// Text after values (`%`, ` bp`).
    pub suffix: String,
    /// Decimals for value labels.
    pub decimals: u32,
    /// Groups: a name and its rows.
    pub groups: Vec<(String, Vec<BarRow>)>,
}

/// Everything the cross-asset chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct BarsSpec {
    /// Title.
    pub title: String,
    /// Sections, drawn top to bottom.
    pub sections: Vec<BarSection>,
}

/// CSS pixels per row, per group heading and per section heading.
pub const ROW: f64 = 19.0;
const GROUP: f64 = 17.0;
const SECTION: f64 = 40.0;
const TITLE_GAP: f64 = 6.0;

/// The CSS height the chart needs for its rows at `width` CSS pixels.
pub fn bars_height(spec: &BarsSpec, width: f64) -> f64 {
    let rows: usize = spec.sections.iter().flat_map(|s| &s.groups).map(|g| g.1.len()).sum();
    let groups: usize = spec.sections.iter().map(|s| s.groups.len()).sum();
    let title_h = wrap(&spec.title, width - 4.0, 13.0).len() as f64 * 13.0 * 1.3;
    title_h + TITLE_GAP + spec.sections.len() as f64 * SECTION + groups as f64 * GROUP + rows as f64 * ROW + 8.0
}

/// Draws the cross-asset chart onto `area`.
pub fn bars<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &BarsSpec, style: &Style) -> DrawResult<DB> {
    background(area, style)?;
    let p = &style.palette;
    let (w, _) = area.dim_in_pixel();
    let w = w as i32;
    let font = |size: f64, color: RGBColor, h: HPos, v: VPos| label_style(style, size, color, Pos::new(h, v));
    let css_w = w as f64 / style.scale;
    let longest = spec
        .sections
        .iter()
        .flat_map(|s| &s.groups)
        .flat_map(|g| &g.1)
        .map(|r| text_width(&r.label, 11.0))
        .fold(60.0f64, f64::max);
    let room = longest.min(css_w * 0.4);
    let left = style.px(room + 14.0);
    let right = style.px(if css_w < 480.0 { 8.0 } else { 52.0 });
    let plot_w = (w - left - right).max(1);
    let thin = style.px(1.0).max(1) as u32;
    let mut y = style.px(title(area, &spec.title, 13.0, style)? + TITLE_GAP);
    for section in &spec.sections {
        let rows = section.groups.iter().flat_map(|g| &g.1);
        let (lo, hi) = rows.fold((0.0f64, 0.0f64), |(lo, hi), r| (lo.min(r.p25).min(r.median), hi.max(r.p75).max(r.median)));
        let pad = ((hi - lo) * 0.08).max(1e-6);
        let (lo, hi) = (lo - pad, hi + pad);
        let x = |v: f64| left + ((v - lo) / (hi - lo) * plot_w as f64).round() as i32;
        area.draw(&Text::new(section.heading.clone(), (style.px(2.0), y + style.px(6.0)), font(12.0, p.text, HPos::Left, VPos::Top)))?;
        let axis_y = y + style.px(SECTION - 4.0);
        let (ticks, decimals) = nice_ticks(lo, hi, (plot_w / style.px(90.0)).clamp(2, 6) as usize);
        let rows_h: i32 = section.groups.iter().map(|g| style.px(GROUP) + style.px(ROW) * g.1.len() as i32).sum();
        for v in &ticks {
            let color = if *v == 0.0 { p.muted } else { p.grid };
            area.draw(&PathElement::new(vec![(x(*v), axis_y), (x(*v), axis_y + rows_h)], color.stroke_width(thin)))?;
            let label = format!("{}{}", num::signed(*v, decimals), section.suffix);
            area.draw(&Text::new(label, (x(*v), axis_y - style.px(2.0)), font(10.0, p.muted, HPos::Center, VPos::Bottom)))?;
        }
        y = axis_y;
        for (group, rows) in &section.groups {
            area.draw(&Text::new(group.clone(), (style.px(2.0), y + style.px(GROUP - 2.0)), font(10.0, p.muted, HPos::Left, VPos::Bottom)))?;
            y += style.px(GROUP);
            for r in rows {
                let mid = y + style.px(ROW / 2.0);
                area.draw(&Text::new(fit(&r.label, room, 11.0), (left - style.px(8.0), mid), font(11.0, p.text, HPos::Right, VPos::Center)))?;
                let color = if r.median >= 0.0 { p.series } else { p.down };
                let half = style.px(ROW * 0.3);
                area.draw(&Rectangle::new([(x(0.0), mid - half), (x(r.median), mid + half)], color.mix(0.75).filled()))?;
                let whisker = p.text.stroke_width(thin);
                area.draw(&PathElement::new(vec![(x(r.p25), mid), (x(r.p75), mid)], whisker))?;
                for end in [r.p25, r.p75] {
                    area.draw(&PathElement::new(vec![(x(end), mid - half / 2), (x(end), mid + half / 2)], whisker))?;
                }
                // The value sits beyond the whisker on the bar's side, or on the other side when
                // it would run into the row labels or off the chart.
                let value = format!("{}{}", num::signed(r.median, section.decimals), section.suffix);
                let width = style.px(text_width(&value, 10.0));
                let right_at = x(r.p75.max(r.median)) + style.px(4.0);
                let left_at = x(r.p25.min(r.median)) - style.px(4.0);
                let fits_left = left_at - width >= left;
                let fits_right = right_at + width <= w;
                let (anchor, at) = if (r.median < 0.0 && fits_left) || !fits_right { (HPos::Right, left_at.max(left + width)) } else { (HPos::Left, right_at) };
                area.draw(&Text::new(value, (at, mid), font(10.0, p.muted, anchor, VPos::Center)))?;
                y += style.px(ROW);
            }
        }
        y += style.px(8.0);
    }
    Ok(())
}
