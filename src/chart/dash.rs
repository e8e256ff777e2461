//! Dashed straight lines (the as-of level, the event markers, the key's dashed swatch). A backend
//! that can stroke a dash pattern itself does so, one line per line (the browser's canvas:
//! `setLineDash`, instead of a path element and two canvas calls per dash, some 330 of them per
//! fan); any other gets the dashes as one-segment lines, as it always has (SVG snapshots).

use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters_backend::{BackendCoord, DrawingErrorKind};

/// A drawing backend and how it strokes a dashed straight line.
pub trait Dashes: DrawingBackend {
    /// Strokes the straight line `from`–`to` (backing pixels) as dashes `on` long, one starting
    /// every `period` from `from`; the last one ends at `to` at the latest. By default, each dash
    /// as a one-segment line.
    fn dashed(&mut self, from: BackendCoord, to: BackendCoord, dash: (i32, i32), style: &ShapeStyle) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        for segment in segments(from, to, dash) {
            self.draw_path(segment, style)?;
        }
        Ok(())
    }
}

/// The dashes of a horizontal or vertical line `from`–`to`, each as its two ends: `on` long, one
/// starting every `period` from `from`, the last cut at `to`.
fn segments(from: BackendCoord, to: BackendCoord, (on, period): (i32, i32)) -> impl Iterator<Item = [BackendCoord; 2]> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = dx.abs().max(dy.abs());
    let at = move |t: i32| (from.0 + dx.signum() * t, from.1 + dy.signum() * t);
    (0..length).step_by(period.max(1) as usize).map(move |start| [at(start), at((start + on).min(length))])
}

/// A dashed horizontal or vertical line, as a plotters element.
pub struct DashedLine {
    /// Where it starts and ends, in the area's pixels.
    pub ends: [BackendCoord; 2],
    /// The length of a dash and the period dashes start at, in backing pixels.
    pub dash: (i32, i32),
    /// Its colour and width.
    pub style: ShapeStyle,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a DashedLine {
    type Point = &'a BackendCoord;
    type IntoIter = &'a [BackendCoord; 2];

    fn point_iter(self) -> Self::IntoIter {
        &self.ends
    }
}

impl<DB: Dashes> Drawable<DB> for DashedLine {
    fn draw<I: Iterator<Item = BackendCoord>>(&self, mut pos: I, backend: &mut DB, _: (u32, u32)) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match (pos.next(), pos.next()) {
            (Some(from), Some(to)) => backend.dashed(from, to, self.dash, &self.style),
            _ => Ok(()),
        }
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "studio"))]
impl Dashes for SVGBackend<'_> {}

#[cfg(test)]
mod tests {
    use super::segments;

    #[test]
    fn dashes_start_at_the_line_start_and_stop_at_its_end() {
        // Vertical, as the event markers: dashes of 3 every 6 down 14 pixels, the last one cut.
        let down: Vec<_> = segments((5, 10), (5, 24), (3, 6)).collect();
        assert_eq!(down, vec![[(5, 10), (5, 13)], [(5, 16), (5, 19)], [(5, 22), (5, 24)]]);
        // Horizontal, as the as-of level and the key's swatch.
        let across: Vec<_> = segments((0, 7), (16, 7), (4, 8)).collect();
        assert_eq!(across, vec![[(0, 7), (4, 7)], [(8, 7), (12, 7)]]);
        // As the charts drew them before the canvas drew its own: one per step of the range.
        let (top, h, on, period) = (40, 501, 6, 12);
        let old: Vec<_> = (top..top + h).step_by(period as usize).map(|s| [(9, s), (9, (s + on).min(top + h))]).collect();
        assert_eq!(segments((9, top), (9, top + h), (on, period)).collect::<Vec<_>>(), old);
        assert_eq!(segments((3, 3), (3, 3), (2, 4)).count(), 0, "a line of no length has no dashes");
    }
}
