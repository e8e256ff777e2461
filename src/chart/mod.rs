//! Charts, drawn once against any plotters backend: the canvas in the browser, SVG natively (for
//! snapshot tests and static fallbacks).
//!
//! Charts take plain, already-labelled data ([`FanSpec`]) and a [`Style`] (palette, pixel scale,
//! font), and draw with explicit pixel layout: no text measurement (which under a strict CSP is
//! wrong in the browser) and work proportional to pixels, not to simulated paths.

mod axis;
mod bars;
mod card;
mod dash;
mod fan;
mod layout;
mod plumbing;
mod theme;

pub use axis::nice_ticks;
pub use bars::{bars, bars_height, BarRow, BarSection, BarsSpec};
pub use card::{card, CardSpec, LANDSCAPE, PORTRAIT};
pub use dash::{DashedLine, Dashes};
pub use fan::{fan, FanSpec, PinnedFan};
pub use layout::{text_width, wrap};
pub use plumbing::{plumbing, PlumbingSpec};
pub use theme::{hex, parse_color, HostColors, Palette, Style};

use plotters::coord::Shift;
use plotters::prelude::*;

/// The result of drawing on a backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// One of the three charts, with its data.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// The selected series' path.
    Fan(FanSpec),
    /// Every series' change by the horizon.
    Bars(BarsSpec),
    /// SOFR − IORB and SRF use.
    Plumbing(PlumbingSpec),
    /// The share card: title, inputs, fan, summary, source and link on one padded image.
    Card(CardSpec),
}

/// The height, in CSS pixels, a chart takes at `width` as the widget's stylesheet sizes its panels
/// (www/src/styles.js, `.chart`: the fan 9:16 between 240 and 440 px, the plumbing 3:4 between
/// 340 and 420 px; the bars as tall as their rows). Static snapshots and the layout tests use it,
/// so they lay out what a reader sees. A card keeps its landscape shape.
pub fn panel_height(chart: &Chart, width: f64) -> f64 {
    match chart {
        Chart::Fan(_) => crate::text::num::clamp(width * 9.0 / 16.0, 240.0, 440.0),
        Chart::Bars(spec) => bars_height(spec, width).ceil(),
        Chart::Plumbing(_) => crate::text::num::clamp(width * 3.0 / 4.0, 340.0, 420.0),
        Chart::Card(_) => width * f64::from(LANDSCAPE.1) / f64::from(LANDSCAPE.0),
    }
}

/// Draws a chart onto a drawing area of any backend.
pub fn draw<DB: Dashes>(area: &DrawingArea<DB, Shift>, chart: &Chart, style: &Style) -> DrawResult<DB> {
    match chart {
        Chart::Fan(spec) => fan(area, spec, style),
        Chart::Bars(spec) => bars(area, spec, style),
        Chart::Plumbing(spec) => plumbing(area, spec, style),
        Chart::Card(spec) => card(area, spec, style),
    }
}

/// Draws a chart as SVG text (native builds: snapshot tests and static fallbacks; the studio's
/// wasm: the same fallbacks for an author's scenario).
#[cfg(any(not(target_arch = "wasm32"), feature = "studio"))]
pub fn svg(chart: &Chart, style: &Style, width: u32, height: u32) -> String {
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (width, height));
        let area = backend.into_drawing_area();
        // Drawing into a string cannot fail; an error would leave a partial SVG, still valid XML.
        let _ = draw(&area, chart, style);
        let _ = area.present();
    }
    out
}

/// Fills the whole area with the palette's background.
fn background<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult<DB> {
    area.fill(&style.palette.background)
}
