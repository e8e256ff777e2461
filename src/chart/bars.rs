//! The cross-asset chart: each series' median change by the horizon, as a bar, with its 25–75%
//! range as a whisker; one section per unit (percent for prices, basis points for rates), rows
//! grouped (AI complex, broad market, defensives, crypto and gold, rates and credit).
//!
//! Names are always drawn whole. Where the longest name fits in two fifths of the panel, each row
//! reads name, value, mark on one line: the values stand in their own column between the names
//! and the plot, so no label ever sits on a bar or a whisker. Narrower (phones), each name takes
//! its own line above its bar, the full width of the panel, with the value at that line's right
//! end, and the plot runs the full width under it. A row far outside the others (a series that
//! moves on another scale, like the VIX) does not set the section's scale: its bar runs to the
//! edge and ends in an overflow arrow, its value still printed in full.
//!
//! Against a pinned state, each row also carries a tall tick at the pinned median (at the edge with
//! a chevron when it is off the scale) and its value column gives the change from the pin
//! (`Δ+1.2`); a note under the title says so.

use super::layout::{fit_labels, label_style, sort_small, text_width, title, wrap};
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
/// Text sizes of the names and the values, CSS pixels.
const NAME: f64 = 11.0;
const VALUE: f64 = 10.0;
/// The share of the panel's width the names may take beside their bars; a panel too narrow for
/// the longest name in it stacks each name over its bar.
const NAME_SHARE: f64 = 0.4;
/// Stacked rows: a gap, a name line (`NAME` text), then the bar's band, CSS pixels; the gap
/// keeps each name nearer its own bar than the bar above.
const LEAD: f64 = 3.0;
const NAME_LINE: f64 = 13.0;
const BAND: f64 = 16.0;

/// The note's lines at `width` CSS pixels (none without a note).
fn note_lines(spec: &BarsSpec, width: f64) -> Vec<String> {
    spec.note.as_ref().map_or_else(Vec::new, |n| wrap(n, width - 4.0 - NOTE_SWATCH, NOTE))
}

/// A row's value: the median change, or against a pin the change from the pinned median.
fn value_text(s: &BarSection, r: &BarRow) -> String {
    match r.pinned {
        Some(q) => format!("Δ{}{}", num::signed(r.median - q, s.decimals), s.delta_suffix),
        None => format!("{}{}", num::signed(r.median, s.decimals), s.suffix),
    }
}

/// How the rows sit at a width, in CSS pixels: the names' column (side by side) or `None` when
/// each name stands on its own line over its bar, and the values' column.
struct Columns {
    names: Option<f64>,
    values: f64,
    width: f64,
}

impl Columns {
    fn new(spec: &BarsSpec, width: f64) -> Columns {
        let (mut longest, mut values) = (0.0f64, 30.0f64);
        for s in &spec.sections {
            for (_, rows) in &s.groups {
                for r in rows {
                    longest = longest.max(text_width(&r.label, NAME));
                    values = values.max(text_width(&value_text(s, r), VALUE));
                }
            }
        }
        let share = width * NAME_SHARE;
        Columns { names: (longest <= share).then(|| longest.max(60.0).min(share)), values, width }
    }

    /// Where a row's parts go, in CSS pixels down from its top: beside its bar, the name is one
    /// line as tall as the bar's band; over it, the name is wrapped to the line's room left of the
    /// value (a single word longer than that stays whole), after a gap, and the band follows.
    fn row(&self, r: &BarRow) -> Row {
        // Each name line's height, and how far each pushes the band down.
        let (lead, line, push, band, room) = match self.names {
            Some(_) => (0.0, ROW, 0.0, ROW, f64::INFINITY),
            None => (LEAD, NAME_LINE, NAME_LINE, BAND, self.width - 4.0 - self.values - 8.0),
        };
        let lines = wrap(&r.label, room, NAME);
        Row { lead, line, above: lines.len() as f64 * push, band, lines }
    }
}

/// One row's layout (see [`Columns::row`]): its name's lines, the gap before them, each line's
/// height, how far below the name's top the band starts, and the band's height.
struct Row {
    lines: Vec<String>,
    lead: f64,
    line: f64,
    above: f64,
    band: f64,
}

/// The CSS height the chart needs for its rows at `width` CSS pixels.
pub fn bars_height(spec: &BarsSpec, width: f64) -> f64 {
    let columns = Columns::new(spec, width);
    let (mut rows, mut groups) = (0.0, 0.0);
    for (_, group) in spec.sections.iter().flat_map(|s| &s.groups) {
        groups += GROUP;
        for r in group {
            let row = columns.row(r);
            rows += row.lead + row.above + row.band;
        }
    }
    let title_h = wrap(&spec.title, width - 4.0, 13.0).len() as f64 * 13.0 * 1.3;
    let note_h = note_lines(spec, width).len() as f64 * NOTE * 1.35;
    title_h + note_h + TITLE_GAP + spec.sections.len() as f64 * SECTION + groups + rows + 8.0
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
    let columns = Columns::new(spec, css_w);
    // Side by side: names right-aligned in their column, then the values, then the plot. Stacked:
    // names from the left edge and values at the right edge, on each row's name line; the plot
    // keeps room either side for an overflow arrow.
    let (name_at, value_at, left) = match columns.names {
        Some(room) => {
            let name_at = style.px(2.0 + room);
            let value_at = name_at + style.px(8.0 + columns.values);
            ((name_at, HPos::Right), value_at, value_at + style.px(10.0))
        }
        None => ((style.px(2.0), HPos::Left), w - style.px(2.0), style.px(10.0)),
    };
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
        // Where the rows' marks go: each row's name lines (stacked), then its band; the grid runs
        // down the whole section beside the names, and only through the bands over them.
        let mut bands = Vec::new();
        let mut at = axis_y;
        for (_, rows) in &section.groups {
            at += style.px(GROUP);
            for r in rows {
                let row = columns.row(r);
                let top = at + style.px(row.lead);
                at = top + style.px(row.above) + style.px(row.band);
                bands.push((r, row, top, at));
            }
        }
        let grid: Vec<(i32, i32)> = match columns.names {
            Some(_) => vec![(axis_y, at)],
            None => bands.iter().map(|(_, row, top, end)| (top + style.px(row.above), *end)).collect(),
        };
        let mut labels = Vec::new();
        for v in &ticks {
            let color = if *v == 0.0 { p.muted } else { p.grid };
            for (from, to) in &grid {
                area.draw(&PathElement::new(vec![(x(*v), *from), (x(*v), *to)], color.stroke_width(thin)))?;
            }
            // The unit is in the heading: ticks carry bare numbers, so more of them fit.
            let label = num::signed(*v, decimals);
            let candidate = (x(*v), style.px(text_width(&label, VALUE)) as f64, label);
            // Zero first: it is the reference every bar starts from.
            if *v == 0.0 {
                labels.insert(0, candidate);
            } else {
                labels.push(candidate);
            }
        }
        for (at, label) in fit_labels(&labels, (style.px(2.0), w), style.px(6.0)) {
            area.draw(&Text::new(label, (at, axis_y - style.px(2.0)), font(VALUE, p.muted, HPos::Center, VPos::Bottom)))?;
        }
        let mut bands = bands.iter();
        y = axis_y;
        for (group, rows) in &section.groups {
            area.draw(&Text::new(group.clone(), (style.px(2.0), y + style.px(GROUP - 2.0)), font(10.0, p.muted, HPos::Left, VPos::Bottom)))?;
            for &(r, ref row, top, end) in bands.by_ref().take(rows.len()) {
                let band = row.band;
                let mid = top + style.px(row.above) + style.px(band / 2.0);
                for (k, line) in row.lines.iter().enumerate() {
                    let line_mid = top + style.px((k as f64 + 0.5) * row.line);
                    area.draw(&Text::new(line.clone(), (name_at.0, line_mid), font(NAME, p.text, name_at.1, VPos::Center)))?;
                }
                area.draw(&Text::new(value_text(section, r), (value_at, top + style.px(row.line / 2.0)), font(VALUE, p.text, HPos::Right, VPos::Center)))?;
                let color = if r.median >= 0.0 { p.series } else { p.down };
                let half = style.px(band * 0.3);
                area.draw(&Rectangle::new([(x(0.0), mid - half), (x(r.median), mid + half)], color.mix(0.75).filled()))?;
                let whisker = p.text.stroke_width(thin);
                area.draw(&PathElement::new(vec![(x(r.p25), mid), (x(r.p75), mid)], whisker))?;
                for end in [r.p25, r.p75].into_iter().filter(|e| (lo..=hi).contains(e)) {
                    area.draw(&PathElement::new(vec![(x(end), mid - half / 2), (x(end), mid + half / 2)], whisker))?;
                }
                // The pinned median: a tick taller than the bar and the whisker's caps; off the
                // scale, at the edge with an open chevron pointing beyond it.
                if let Some(q) = r.pinned {
                    let tall = style.px(band / 2.0 - 1.5);
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
                y = end;
            }
        }
        y += style.px(8.0);
    }
    Ok(())
}
