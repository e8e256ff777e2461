//! The cross-asset chart: each series' median change by the horizon, as a bar, with its 25–75%
//! range as a whisker; one section per unit (percent for prices, basis points for rates), rows
//! grouped (AI complex, broad market, defensives, crypto and gold, rates and credit).
//!
//! Each row reads name, value, mark: the values stand in their own column between the names and
//! the plot, so no label ever sits on a bar or a whisker. A row far outside the others (a series
//! that moves on another scale, like the VIX) does not set the section's scale: its bar runs to
//! the edge and ends in an overflow arrow, its value still printed in full.
//!
//! Against a pinned state, each row also carries a tall tick at the pinned median (at the edge with
//! a chevron when it is off the scale) and its value column gives the change from the pin
//! (`Δ+1.2`); a note under the title says so.

use super::layout::{fit, fit_labels, label_style, sort_small, text_width, title, wrap};
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
    /// The pinned state's median change, when a state is pinned.
    pub pinned: Option<f64>,
}

/// A block of rows sharing one unit and one scale.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSection {
    /// Heading (e.g. "Change by 31 Dec, %").
    pub heading: String,
    /// Text after values (`%`, ` bp`).
    pub suffix: String,
    /// Text after a change from the pinned median (` pp` for a section in percent: the difference
    /// of two percentages is in percentage points; ` bp` stays ` bp`).
    pub delta_suffix: String,
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
    /// Under the title when a state is pinned: what the ticks and the Δ values are.
    pub note: Option<String>,
}

/// CSS pixels per row, per group heading and per section heading.
pub const ROW: f64 = 19.0;
const GROUP: f64 = 17.0;
const SECTION: f64 = 40.0;
const TITLE_GAP: f64 = 6.0;
/// The note's text size, CSS pixels; its lines are 1.35 times that apart.
const NOTE: f64 = 11.0;
/// Room left of the note for its tick swatch, CSS pixels.
const NOTE_SWATCH: f64 = 10.0;

/// The note's lines at `width` CSS pixels (none without a note).
fn note_lines(spec: &BarsSpec, width: f64) -> Vec<String> {
    spec.note.as_ref().map_or_else(Vec::new, |n| wrap(n, width - 4.0 - NOTE_SWATCH, NOTE))
}

/// The CSS height the chart needs for its rows at `width` CSS pixels.
pub fn bars_height(spec: &BarsSpec, width: f64) -> f64 {
    let rows: usize = spec.sections.iter().flat_map(|s| &s.groups).map(|g| g.1.len()).sum();
    let groups: usize = spec.sections.iter().map(|s| s.groups.len()).sum();
    let title_h = wrap(&spec.title, width - 4.0, 13.0).len() as f64 * 13.0 * 1.3;
    let note_h = note_lines(spec, width).len() as f64 * NOTE * 1.35;
    title_h + note_h + TITLE_GAP + spec.sections.len() as f64 * SECTION + groups as f64 * GROUP + rows as f64 * ROW + 8.0
}

/// How far beyond the typical row a row may reach before it stops setting the scale: rows whose
/// extent exceeds this many times the median row's extent overflow instead.
const OUTLIER: f64 = 4.0;

/// The value range a section's scale covers: every row's median and whisker, and zero, except
/// rows far outside the others (see [`OUTLIER`]).
fn scale_range(rows: &[&BarRow]) -> (f64, f64) {
    let reach = |r: &BarRow| r.p25.abs().max(r.p75.abs()).max(r.median.abs()).max(r.pinned.map_or(0.0, f64::abs));
    let mut reaches: Vec<f64> = rows.iter().map(|r| reach(r)).filter(|x| x.is_finite()).collect();
    sort_small(&mut reaches, |a, b| a < b);
    let typical = reaches.get(reaches.len() / 2).copied().unwrap_or(0.0);
    let cap = if typical > 0.0 { OUTLIER * typical } else { f64::INFINITY };
    rows.iter().fold((0.0f64, 0.0f64), |(lo, hi), r| {
        let pin = r.pinned.unwrap_or(r.median);
        let (l, h) = (r.p25.min(r.median).min(pin), r.p75.max(r.median).max(pin));
        (lo.min(l.max(-cap)), hi.max(h.min(cap)))
    })
}

/// Draws the cross-asset chart onto `area`.
pub fn bars<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &BarsSpec, style: &Style) -> DrawResult<DB> {
    background(area, style)?;
    let p = &style.palette;
    let (w, _) = area.dim_in_pixel();
    let w = w as i32;
    let font = |size: f64, color: RGBColor, h: HPos, v: VPos| label_style(style, size, color, Pos::new(h, v));
    let css_w = w as f64 / style.scale;
    let all_rows = || spec.sections.iter().flat_map(|s| &s.groups).flat_map(|g| &g.1);
    let longest = all_rows().map(|r| text_width(&r.label, 11.0)).fold(60.0f64, f64::max);
    let room = longest.min(css_w * 0.4);
    // The value column: the median change, or against a pin the change from the pinned median.
    let value_text = |s: &BarSection, r: &BarRow| match r.pinned {
        Some(q) => format!("Δ{}{}", num::signed(r.median - q, s.decimals), s.delta_suffix),
        None => format!("{}{}", num::signed(r.median, s.decimals), s.suffix),
    };
    let value_room = spec
        .sections
        .iter()
        .flat_map(|s| s.groups.iter().flat_map(|g| &g.1).map(move |r| text_width(&value_text(s, r), 10.0)))
        .fold(30.0f64, f64::max);
    let label_right = style.px(2.0 + room);
    let value_right = label_right + style.px(8.0 + value_room);
    let left = value_right + style.px(10.0);
    let right = style.px(if css_w < 480.0 { 10.0 } else { 40.0 });
    let plot_w = (w - left - right).max(1);
    let thin = style.px(1.0).max(1) as u32;
    let mut y = style.px(title(area, &spec.title, 13.0, style)?);
    // The note, its first line led by a tick like the rows' pinned ticks.
    for (k, line) in note_lines(spec, css_w).into_iter().enumerate() {
        let mid = y + style.px(NOTE * 1.35 / 2.0);
        if k == 0 {
            let tick = vec![(style.px(6.0), mid - style.px(5.0)), (style.px(6.0), mid + style.px(5.0))];
            area.draw(&PathElement::new(tick, p.text.stroke_width(style.px(2.0).max(1) as u32)))?;
        }
        area.draw(&Text::new(line, (style.px(2.0 + NOTE_SWATCH), mid), font(NOTE, p.muted, HPos::Left, VPos::Center)))?;
        y += style.px(NOTE * 1.35);
    }
    y += style.px(TITLE_GAP);
    for section in &spec.sections {
        let rows: Vec<&BarRow> = section.groups.iter().flat_map(|g| &g.1).collect();
        let (lo, hi) = scale_range(&rows);
        let pad = ((hi - lo) * 0.08).max(1e-6);
        let (lo, hi) = (lo - pad, hi + pad);
        let x = |v: f64| left + ((num::clamp(v, lo, hi) - lo) / (hi - lo) * plot_w as f64).round() as i32;
        area.draw(&Text::new(section.heading.clone(), (style.px(2.0), y + style.px(6.0)), font(12.0, p.text, HPos::Left, VPos::Top)))?;
        let axis_y = y + style.px(SECTION - 4.0);
        // At least three ticks, asking for more when round steps leave fewer.
        let mut target = (plot_w / style.px(60.0)).clamp(3, 6) as usize;
        let (mut ticks, mut decimals) = nice_ticks(lo, hi, target);
        while ticks.len() < 3 && target < 10 {
            target += 1;
            (ticks, decimals) = nice_ticks(lo, hi, target);
        }
        let rows_h: i32 = section.groups.iter().map(|g| style.px(GROUP) + style.px(ROW) * g.1.len() as i32).sum();
        let mut labels = Vec::new();
        for v in &ticks {
            let color = if *v == 0.0 { p.muted } else { p.grid };
            area.draw(&PathElement::new(vec![(x(*v), axis_y), (x(*v), axis_y + rows_h)], color.stroke_width(thin)))?;
            // The unit is in the heading: ticks carry bare numbers, so more of them fit.
            let label = num::signed(*v, decimals);
                let candidate = (x(*v), style.px(text_width(&label, 10.0)) as f64, label);
            // Zero first: it is the reference every bar starts from.
            if *v == 0.0 {
                labels.insert(0, candidate);
            } else {
                labels.push(candidate);
            }
        }
        let candidates = labels;
        for (at, label) in fit_labels(&candidates, (style.px(2.0), w), style.px(6.0)) {
            area.draw(&Text::new(label, (at, axis_y - style.px(2.0)), font(10.0, p.muted, HPos::Center, VPos::Bottom)))?;
        }
        y = axis_y;
        for (group, rows) in &section.groups {
            area.draw(&Text::new(group.clone(), (style.px(2.0), y + style.px(GROUP - 2.0)), font(10.0, p.muted, HPos::Left, VPos::Bottom)))?;
            y += style.px(GROUP);
            for r in rows {
                let mid = y + style.px(ROW / 2.0);
                area.draw(&Text::new(fit(&r.label, room, 11.0), (label_right, mid), font(11.0, p.text, HPos::Right, VPos::Center)))?;
                area.draw(&Text::new(value_text(section, r), (value_right, mid), font(10.0, p.text, HPos::Right, VPos::Center)))?;
                let color = if r.median >= 0.0 { p.series } else { p.down };
                let half = style.px(ROW * 0.3);
                area.draw(&Rectangle::new([(x(0.0), mid - half), (x(r.median), mid + half)], color.mix(0.75).filled()))?;
                let whisker = p.text.stroke_width(thin);
                area.draw(&PathElement::new(vec![(x(r.p25), mid), (x(r.p75), mid)], whisker))?;
                for end in [r.p25, r.p75].into_iter().filter(|e| (lo..=hi).contains(e)) {
                    area.draw(&PathElement::new(vec![(x(end), mid - half / 2), (x(end), mid + half / 2)], whisker))?;
                }
                // The pinned median: a tick taller than the bar and the whisker's caps; off the
                // scale, at the edge with an open chevron pointing beyond it.
                if let Some(q) = r.pinned {
                    let tall = style.px(ROW / 2.0 - 1.5);
                    let ink = p.text.stroke_width(style.px(2.0).max(1) as u32);
                    area.draw(&PathElement::new(vec![(x(q), mid - tall), (x(q), mid + tall)], ink))?;
                    for (beyond, dir) in [(q > hi, 1), (q < lo, -1)] {
                        if beyond {
                            let (base, tip) = (x(q) + dir * style.px(3.0), x(q) + dir * style.px(7.0));
                            area.draw(&PathElement::new(vec![(base, mid - tall / 2), (tip, mid), (base, mid + tall / 2)], ink))?;
                        }
                    }
                }
                // Off the scale: an arrow at the edge the bar runs to.
                for (beyond, edge, dir) in [(r.median.max(r.p75) > hi, left + plot_w, 1), (r.median.min(r.p25) < lo, left, -1)] {
                    if beyond {
                        let tip = edge + dir * style.px(6.0);
                        let arrow = vec![(edge, mid - half), (tip, mid), (edge, mid + half)];
                        area.draw(&Polygon::new(arrow, color.filled()))?;
                    }
                }
                y += style.px(ROW);
            }
        }
        y += style.px(8.0);
    }
    Ok(())
}
