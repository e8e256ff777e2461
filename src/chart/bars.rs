//! The cross-asset chart: each series' median change by the horizon, as a bar, with its 25–75%
//! range as a whisker; one section per unit (percent for prices, basis points for rates), rows
//! grouped (AI complex, broad market, defensives, crypto and gold, rates and credit).

use super::fan::{label_style, text_width};
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
const TITLE: f64 = 24.0;

/// The CSS height the chart needs for its rows.
pub fn bars_height(spec: &BarsSpec) -> f64 {
    let rows: usize = spec.sections.iter().flat_map(|s| &s.groups).map(|g| g.1.len()).sum();
    let groups: usize = spec.sections.iter().map(|s| s.groups.len()).sum();
    TITLE + spec.sections.len() as f64 * SECTION + groups as f64 * GROUP + rows as f64 * ROW + 8.0
}

/// Draws the cross-asset chart onto `area`.
pub fn bars<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &BarsSpec, style: &Style) -> DrawResult<DB> {
    background(area, style)?;
    let p = &style.palette;
    let (w, _) = area.dim_in_pixel();
    let w = w as i32;
    let font = |size: f64, color: RGBColor, h: HPos, v: VPos| label_style(style, size, color, Pos::new(h, v));
    let longest = spec
        .sections
        .iter()
        .flat_map(|s| &s.groups)
        .flat_map(|g| &g.1)
        .map(|r| text_width(&r.label, 11.0))
        .fold(60.0f64, f64::max);
    let left = style.px(longest.min(170.0) + 14.0);
    let right = style.px(52.0);
    let plot_w = (w - left - right).max(1);
    let thin = style.px(1.0).max(1) as u32;
    area.draw(&Text::new(spec.title.clone(), (style.px(2.0), style.px(2.0)), font(13.0, p.text, HPos::Left, VPos::Top)))?;
    let mut y = style.px(TITLE);
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
                area.draw(&Text::new(r.label.clone(), (left - style.px(8.0), mid), font(11.0, p.text, HPos::Right, VPos::Center)))?;
                let color = if r.median >= 0.0 { p.series } else { p.down };
                let half = style.px(ROW * 0.3);
                area.draw(&Rectangle::new([(x(0.0), mid - half), (x(r.median), mid + half)], color.mix(0.75).filled()))?;
                let whisker = p.text.stroke_width(thin);
                area.draw(&PathElement::new(vec![(x(r.p25), mid), (x(r.p75), mid)], whisker))?;
                for end in [r.p25, r.p75] {
                    area.draw(&PathElement::new(vec![(x(end), mid - half / 2), (x(end), mid + half / 2)], whisker))?;
                }
                let value = format!("{}{}", num::signed(r.median, section.decimals), section.suffix);
                let (anchor, at) = if r.median >= 0.0 { (HPos::Left, x(r.p75.max(r.median)) + style.px(4.0)) } else { (HPos::Right, x(r.p25.min(r.median)) - style.px(4.0)) };
                let at = at.clamp(left, w - style.px(2.0));
                area.draw(&Text::new(value, (at, mid), font(10.0, p.muted, anchor, VPos::Center)))?;
                y += style.px(ROW);
            }
        }
        y += style.px(8.0);
    }
    Ok(())
}
