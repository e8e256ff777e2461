//! The one theme: colours and sizes. Okabe–Ito hues (colour-blind safe); text colours meet WCAG
//! AA on their backgrounds (checked in the tests below).
//!
//! The palettes here are the only source of the widget's colours: the shell's CSS takes its
//! defaults from [`Palette::css_vars`], and a host page's CSS custom properties (`--tc-background`,
//! `--tc-text`, `--tc-border`, `--tc-accent`, `--tc-warning`, as the browser computes them) come
//! back through [`Palette::themed`], so the charts follow the host's theme.

use plotters::style::{RGBAColor, RGBColor};
use crate::text::num;

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
    /// The frame's border (the shell's CSS).
    pub border: RGBColor,
    /// Text on an accent-coloured button (the shell's CSS).
    pub on_accent: RGBColor,
}

/// Colours a host page set through the widget's CSS custom properties, as the browser computed
/// them; `None` where a value was missing or unreadable.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HostColors {
    /// `--tc-background` (or `-dark`).
    pub background: Option<RGBColor>,
    /// `--tc-text`.
    pub text: Option<RGBColor>,
    /// `--tc-border`.
    pub border: Option<RGBColor>,
    /// `--tc-accent`.
    pub accent: Option<RGBColor>,
    /// `--tc-warning`.
    pub warning: Option<RGBColor>,
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
        band_inner: RGBAColor(0, 114, 178, 0.25),
        reference: RGBColor(178, 77, 0),
        down: RGBColor(178, 77, 0),
        border: RGBColor(208, 212, 218),
        on_accent: RGBColor(255, 255, 255),
    };

    /// For dark pages.
    pub const DARK: Palette = Palette {
        background: RGBColor(18, 20, 23),
        text: RGBColor(232, 234, 237),
        muted: RGBColor(166, 171, 178),
        grid: RGBColor(48, 52, 58),
        series: RGBColor(86, 180, 233),
        band_outer: RGBAColor(86, 180, 233, 0.22),
        band_inner: RGBAColor(86, 180, 233, 0.30),
        reference: RGBColor(230, 159, 0),
        down: RGBColor(230, 159, 0),
        border: RGBColor(48, 52, 58),
        on_accent: RGBColor(17, 17, 17),
    };

    /// The light or dark palette with the host's colours in place of the defaults. A colour the
    /// host changed also recolours what is derived from it: secondary text from text and
    /// background, grid lines from the border, the bands from the accent; colours the host left
    /// alone stay exactly as they are.
    pub fn themed(dark: bool, host: &HostColors) -> Palette {
        let base = if dark { Palette::DARK } else { Palette::LIGHT };
        let changed = |c: Option<RGBColor>, default: RGBColor| c.filter(|c| *c != default);
        let mut p = base;
        let background = changed(host.background, base.background);
        let text = changed(host.text, base.text);
        if let Some(c) = background {
            p.background = c;
        }
        if let Some(c) = text {
            p.text = c;
        }
        if background.is_some() || text.is_some() {
            p.muted = mix(p.text, p.background, MUTED_TEXT_SHARE);
        }
        let border = changed(host.border, base.border);
        if let Some(c) = border {
            p.border = c;
        }
        if border.is_some() || background.is_some() {
            p.grid = mix(p.border, p.background, GRID_BORDER_SHARE);
        }
        if let Some(c) = changed(host.accent, base.series) {
            p.series = c;
            // Text on the accent: white or near-black, whichever reads better on it.
            let (white, ink) = (RGBColor(255, 255, 255), RGBColor(17, 17, 17));
            p.on_accent = if contrast(white, c) >= contrast(ink, c) { white } else { ink };
            p.band_outer = RGBAColor(c.0, c.1, c.2, base.band_outer.3);
            p.band_inner = RGBAColor(c.0, c.1, c.2, base.band_inner.3);
        }
        if let Some(c) = changed(host.warning, base.reference) {
            p.reference = c;
            p.down = c;
        }
        p
    }

    /// The palette as CSS custom-property defaults for the shell (`--tc-d-background:#ffffff;…`):
    /// the frame, its text, secondary text, border, accent, text on the accent, warnings.
    pub fn css_vars(&self) -> String {
        let pairs = [
            ("background", self.background),
            ("text", self.text),
            ("muted", self.muted),
            ("border", self.border),
            ("accent", self.series),
            ("on-accent", self.on_accent),
            ("warning", self.reference),
        ];
        pairs.iter().map(|(name, c)| format!("--tc-d-{name}:{};", hex(*c))).collect()
    }
}

/// Share of the text colour in secondary text derived from a host's colours (the rest is
/// background): close to the built-in palettes' own ratio, and above WCAG AA for any text and
/// background that meet it themselves.
const MUTED_TEXT_SHARE: f64 = 0.72;

/// Share of the border colour in grid lines derived from a host's colours.
const GRID_BORDER_SHARE: f64 = 0.55;

/// WCAG relative luminance of an sRGB colour.
fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            // exp(2.4 ln x), not `pow`: ~1 KB gzip of wasm for this one use.
            libm::exp(2.4 * libm::log((s + 0.055) / 1.055))
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// `share` of `a` and the rest of `b`, channel by channel.
fn mix(a: RGBColor, b: RGBColor, share: f64) -> RGBColor {
    let m = |x: u8, y: u8| num::clamp((f64::from(x) * share + f64::from(y) * (1.0 - share)).round(), 0.0, 255.0) as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// `#rrggbb` (written digit by digit: the formatter's hex code costs the wasm kilobytes).
pub fn hex(c: RGBColor) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(7);
    out.push('#');
    for v in [c.0, c.1, c.2] {
        out.push(char::from(DIGITS[usize::from(v >> 4)]));
        out.push(char::from(DIGITS[usize::from(v & 15)]));
    }
    out
}

/// An opaque colour from CSS text as browsers compute it (`rgb(253, 246, 227)`, `rgba(…, 1)`,
/// `rgb(253 246 227 / 1)`) or as authors write it in hex (`#fdf6e3`, `#fff`). `None` for anything
/// else, and for colours that are not fully opaque (`transparent` computes to `rgba(0, 0, 0, 0)`).
pub fn parse_color(text: &str) -> Option<RGBColor> {
    let t = text.trim();
    if t.len() > 64 {
        return None;
    }
    if let Some(h) = t.strip_prefix('#') {
        let digit = |i: usize| u8::from_str_radix(h.get(i..i + 1)?, 16).ok();
        let pair = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
        return match h.len() {
            3 => Some(RGBColor(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(RGBColor(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        };
    }
    let body = t.strip_prefix("rgba(").or_else(|| t.strip_prefix("rgb("))?.strip_suffix(')')?;
    let parts: Vec<&str> = body.split(|c: char| c == ',' || c == '/' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    let channel = |p: &str| -> Option<u8> {
        let x = num::parse(p)?;
        (x.is_finite() && (0.0..=255.0).contains(&x)).then(|| x.round() as u8)
    };
    match parts.as_slice() {
        [r, g, b] => Some(RGBColor(channel(r)?, channel(g)?, channel(b)?)),
        [r, g, b, a] => {
            let alpha = num::parse(a)?;
            (alpha >= 0.999).then_some(())?;
            Some(RGBColor(channel(r)?, channel(g)?, channel(b)?))
        }
        _ => None,
    }
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
    use super::*;


    #[test]
    fn text_and_lines_meet_wcag_aa() {
        for p in [Palette::LIGHT, Palette::DARK] {
            assert!(contrast(p.text, p.background) >= 4.5);
            assert!(contrast(p.muted, p.background) >= 4.5, "muted text");
            assert!(contrast(p.series, p.background) >= 3.0, "median line (graphics: 3:1)");
            assert!(contrast(p.reference, p.background) >= 3.0, "reference line");
        }
    }

    #[test]
    fn host_colours_are_read_as_browsers_compute_them() {
        assert_eq!(parse_color("rgb(253, 246, 227)"), Some(RGBColor(253, 246, 227)));
        assert_eq!(parse_color("rgba(253, 246, 227, 1)"), Some(RGBColor(253, 246, 227)));
        assert_eq!(parse_color("rgb(253 246 227 / 1)"), Some(RGBColor(253, 246, 227)));
        assert_eq!(parse_color(" #FDF6E3 "), Some(RGBColor(253, 246, 227)));
        assert_eq!(parse_color("#fff"), Some(RGBColor(255, 255, 255)));
        for bad in ["rgba(0, 0, 0, 0)", "transparent", "", "rgb(1,2)", "rgb(300, 0, 0)", "#12345", "rgb(NaN, 1, 2)", "#ggg", "<b>"] {
            assert_eq!(parse_color(bad), None, "{bad}");
        }
    }

    /// `c` at its alpha over an opaque `under`.
    fn over(c: RGBAColor, under: RGBColor) -> RGBColor {
        let mix = |f: u8, b: u8| (f64::from(f) * c.3 + f64::from(b) * (1.0 - c.3)).round() as u8;
        RGBColor(mix(c.0, under.0), mix(c.1, under.1), mix(c.2, under.2))
    }

    #[test]
    fn the_fan_reads_in_both_palettes() {
        for p in [Palette::LIGHT, Palette::DARK] {
            let outer = over(p.band_outer, p.background);
            let inner = over(p.band_inner, outer);
            // The median line carries the data: WCAG 1.4.11's 3:1 against the band it crosses.
            assert!(contrast(p.series, inner) >= 3.0, "median on the inner band: {:.2}", contrast(p.series, inner));
            assert!(contrast(outer, p.background) >= 1.2 && contrast(inner, outer) >= 1.3, "both bands visible");
        }
    }

    #[test]
    fn the_host_theme_replaces_only_what_it_sets() {
        for dark in [false, true] {
            let base = if dark { Palette::DARK } else { Palette::LIGHT };
            assert_eq!(Palette::themed(dark, &HostColors::default()), base);
            // The host repeating the defaults changes nothing either.
            let same = HostColors {
                background: Some(base.background),
                text: Some(base.text),
                border: Some(base.border),
                accent: Some(base.series),
                warning: Some(base.reference),
            };
            assert_eq!(Palette::themed(dark, &same), base);
            let cream = RGBColor(253, 246, 227);
            let violet = RGBColor(138, 63, 252);
            let p = Palette::themed(dark, &HostColors { background: Some(cream), accent: Some(violet), ..HostColors::default() });
            assert_eq!((p.background, p.series), (cream, violet));
            assert_eq!((p.band_inner.0, p.band_inner.1, p.band_inner.2, p.band_inner.3), (138, 63, 252, base.band_inner.3));
            assert_ne!(p.muted, base.muted, "secondary text follows the new background");
            assert!(contrast(p.on_accent, p.series) >= 4.5, "button text on the host's accent");
            assert_eq!((p.text, p.reference), (base.text, base.reference));
        }
    }

    #[test]
    fn derived_secondary_text_stays_readable_on_host_colours() {
        for (bg, text) in [((253, 246, 227), (40, 40, 40)), ((30, 26, 20), (240, 236, 226)), ((255, 255, 255), (0, 0, 0))] {
            let host = HostColors { background: Some(RGBColor(bg.0, bg.1, bg.2)), text: Some(RGBColor(text.0, text.1, text.2)), ..HostColors::default() };
            let p = Palette::themed(false, &host);
            assert!(contrast(p.muted, p.background) >= 4.5, "{:?} on {:?}", p.muted, p.background);
        }
    }

    #[test]
    fn hex_is_six_lowercase_digits() {
        assert_eq!(hex(RGBColor(0, 94, 150)), "#005e96");
        assert_eq!(hex(RGBColor(255, 15, 16)), "#ff0f10");
    }

    #[test]
    fn css_defaults_come_from_the_palette() {
        let css = Palette::LIGHT.css_vars();
        assert!(css.starts_with("--tc-d-background:#ffffff;--tc-d-text:#1a1a1a;"), "{css}");
        assert!(css.contains("--tc-d-accent:#005e96;") && css.contains("--tc-d-warning:#b24d00;"), "{css}");
        assert!(Palette::DARK.css_vars().contains("--tc-d-background:#121417;"));
    }
}
