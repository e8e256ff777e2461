//! Colours and sizes. Okabe–Ito hues (colour-blind safe); text colours meet WCAG AA on their
//! backgrounds (checked in the tests below).

use plotters::style::{RGBAColor, RGBColor};

/// A chart palette.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Background.
    pub background: RGBColor,
    /// Main text.
    pub text: RGBColor,
    /// Secondary text (ticks, event labels).
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// The projection's hue (median line).
    pub series: RGBColor,
    /// 5–95% band.
    pub band_outer: RGBAColor,
    /// 25–75% band.
    pub band_inner: RGBAColor,
    /// The as-of level and reference lines.
    pub reference: RGBColor,
    /// Downward / stress hue.
    pub down: RGBColor,
}

impl Palette {
    /// For light pages.
    pub const LIGHT: Palette = Palette {
        background: RGBColor(255, 255, 255),
        text: RGBColor(26, 26, 26),
        muted: RGBColor(87, 91, 97),
        grid: RGBColor(226, 228, 232),
        series: RGBColor(0, 94, 150),
        band_outer: RGBAColor(0, 114, 178, 0.14),
        band_inner: RGBAColor(0, 114, 178, 0.30),
        reference: RGBColor(178, 77, 0),
        down: RGBColor(178, 77, 0),
    };

    /// For dark pages.
    pub const DARK: Palette = Palette {
        background: RGBColor(18, 20, 23),
        text: RGBColor(232, 234, 237),
        muted: RGBColor(166, 171, 178),
        grid: RGBColor(48, 52, 58),
        series: RGBColor(86, 180, 233),
        band_outer: RGBAColor(86, 180, 233, 0.16),
        band_inner: RGBAColor(86, 180, 233, 0.34),
        reference: RGBColor(230, 159, 0),
        down: RGBColor(230, 159, 0),
    };
}

/// How to draw: palette, pixel scale (devicePixelRatio) and font family.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// Colours.
    pub palette: Palette,
    /// Backing-store pixels per CSS pixel.
    pub scale: f64,
    /// CSS font family list for labels.
    pub font: String,
}

impl Style {
    /// A size in CSS pixels, in backing-store pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// A font size in backing-store pixels.
    pub fn font_px(&self, css: f64) -> f64 {
        css * self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::Palette;
    use plotters::style::RGBColor;

    fn luminance(c: RGBColor) -> f64 {
        let lin = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.03928 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_and_lines_meet_wcag_aa() {
        for p in [Palette::LIGHT, Palette::DARK] {
            assert!(contrast(p.text, p.background) >= 4.5);
            assert!(contrast(p.muted, p.background) >= 4.5, "muted text");
            assert!(contrast(p.series, p.background) >= 3.0, "median line (graphics: 3:1)");
            assert!(contrast(p.reference, p.background) >= 3.0, "reference line");
        }
    }
}
