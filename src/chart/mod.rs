//! Charts, drawn once against any plotters backend: the canvas in the browser, SVG natively (for
//! snapshot tests and static fallbacks).
//!
//! Charts take plain, already-labelled data ([`FanSpec`]) and a [`Style`] (palette, pixel scale,
//! font), and draw with explicit pixel layout: no text measurement (which under a strict CSP is
//! wrong in the browser) and work proportional to pixels, not to simulated paths.

mod axis;
mod fan;
mod theme;

pub use axis::nice_ticks;
pub use fan::{fan, FanSpec};
pub use theme::{Palette, Style};

use plotters::coord::Shift;
use plotters::prelude::*;

/// The result of drawing on a backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws an SVG of a fan chart (native builds: snapshots and static fallbacks).
#[cfg(not(target_arch = "wasm32"))]
pub fn fan_svg(spec: &FanSpec, style: &Style, width: u32, height: u32) -> String {
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (width, height));
        let area = backend.into_drawing_area();
        // Drawing into a string cannot fail; an error would leave a partial SVG, still valid XML.
        let _ = fan(&area, spec, style);
        let _ = area.present();
    }
    out
}

/// Fills the whole area with the palette's background.
fn background<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult<DB> {
    area.fill(&style.palette.background)
}
