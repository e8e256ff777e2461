//! A plotters drawing backend for a browser canvas that keeps the context's state between calls
//! (fill, stroke, font, alignment, dash pattern set only when they change; one-segment lines of
//! one style stroked as one path; a dashed line as one line with the canvas's own dashes), handing
//! the rest to plotters-canvas. Part of the wasm boundary: only `src/web.rs` and this folder name
//! the web crates.

use crate::chart::Dashes;
use crate::text::num;
use plotters::style::ShapeStyle;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// plotters-canvas's backend with the context's state kept between calls: it sets a fill, a
/// stroke, a font, an alignment, a dash pattern only when it differs from the one last set
/// (plotters-canvas formats and sets every one for every primitive, and a canvas parses each font
/// and colour string it is given), and strokes consecutive one-segment opaque lines of one style
/// and dash pattern (grid lines, the event markers) as one path. Opaque segments drawn together
/// or apart cover the same pixels. What it does not draw itself (circles, rotated text, outlines,
/// pixels) goes to plotters-canvas, solid, after which it knows nothing of the state.
pub(super) struct Canvas {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    fill: Option<(u8, u8, u8, f64)>,
    stroke: Option<((u8, u8, u8, f64), u32)>,
    font: String,
    align: &'static str,
    baseline: &'static str,
    /// The dash pattern set (dash length and period in backing pixels; `(0, 0)`: solid).
    dash: (i32, i32),
    /// The style and dash pattern of the segments added to the open path since its `beginPath`,
    /// not yet stroked.
    open: Option<(((u8, u8, u8, f64), u32), (i32, i32))>,
}

#[wasm_bindgen]
extern "C" {
    /// The 2D context, as the one method below sees it.
    type Dashing;
    /// The context's `setLineDash`, bound without web-sys's exception handling (a pattern of
    /// finite, non-negative numbers never throws): a shorter glue function, no `Result` here.
    #[wasm_bindgen(method, js_name = setLineDash)]
    fn set_line_dash(this: &Dashing, segments: &js_sys::Array);
}

/// No dashes: a solid line.
const SOLID: (i32, i32) = (0, 0);

/// A drawing error on the canvas, as text.
#[derive(Debug)]
pub(super) struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

type CanvasResult = Result<(), DrawingErrorKind<CanvasError>>;

/// A colour as its four numbers, to compare with the one last set.
fn rgba(c: BackendColor) -> (u8, u8, u8, f64) {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha)
}

/// A colour as a canvas reads it (the alpha to six decimals by `num::plain`'s integer arithmetic:
/// `f64`'s `Display` would link core's float printing, ~10 KB gzip, into the reader's wasm).
fn css(c: (u8, u8, u8, f64)) -> String {
    format!("rgba({},{},{},{})", c.0, c.1, c.2, num::plain(c.3))
}

impl Canvas {
    pub(super) fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let ctx = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Canvas { inner, ctx, fill: None, stroke: None, font: String::new(), align: "", baseline: "", dash: SOLID, open: None })
    }

    fn set_fill(&mut self, c: BackendColor) {
        let c = rgba(c);
        if self.fill != Some(c) {
            self.ctx.set_fill_style_str(&css(c));
            self.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: BackendColor, width: u32) {
        let s = (rgba(c), width);
        if self.stroke.map(|(c, _)| c) != Some(s.0) {
            self.ctx.set_stroke_style_str(&css(s.0));
        }
        if self.stroke.map(|(_, w)| w) != Some(width) {
            self.ctx.set_line_width(f64::from(width));
        }
        self.stroke = Some(s);
    }

    /// Sets the dash pattern: `(dash, period)` in backing pixels, [`SOLID`] for none.
    fn set_dash(&mut self, dash: (i32, i32)) {
        if self.dash != dash {
            // Written by index: the glue's array imports the serialiser uses already, none more.
            let pattern = js_sys::Array::new();
            if dash != SOLID {
                pattern.set(0, dash.0.into());
                pattern.set(1, (dash.1 - dash.0).into());
            }
            self.ctx.unchecked_ref::<Dashing>().set_line_dash(&pattern);
            self.dash = dash;
        }
    }

    /// Adds the line through `points` to the open path when it can join it (one opaque segment of
    /// the open path's style and dash pattern), else strokes the open path and begins another.
    fn add_line(&mut self, points: &[BackendCoord], color: BackendColor, width: u32, dash: (i32, i32)) {
        let Some((&first, rest)) = points.split_first() else { return };
        let key = ((rgba(color), width), dash);
        let joins = rest.len() == 1 && color.alpha >= 1.0;
        if !(joins && self.open == Some(key)) {
            self.flush();
            self.set_stroke(color, width);
            self.set_dash(dash);
            self.ctx.begin_path();
        }
        self.ctx.move_to(f64::from(first.0), f64::from(first.1));
        for p in rest {
            self.ctx.line_to(f64::from(p.0), f64::from(p.1));
        }
        if joins {
            self.open = Some(key);
        } else {
            self.ctx.stroke();
        }
    }

    /// Strokes the open path of segments, if any.
    fn flush(&mut self) {
        if self.open.take().is_some() {
            self.ctx.stroke();
        }
    }

    /// Hands a primitive to plotters-canvas, which sets the context's state its own way.
    fn delegate<E: std::error::Error + Send + Sync>(&mut self, f: impl FnOnce(&mut CanvasBackend) -> Result<(), DrawingErrorKind<E>>) -> CanvasResult {
        self.flush();
        self.set_dash(SOLID);
        self.fill = None;
        self.stroke = None;
        self.font.clear();
        self.align = "";
        self.baseline = "";
        f(&mut self.inner).map_err(|e| match e {
            DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(CanvasError(e.to_string())),
            DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
        })
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> CanvasResult {
        Ok(())
    }

    fn present(&mut self) -> CanvasResult {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> CanvasResult {
        self.delegate(|b| b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> CanvasResult {
        self.delegate(|b| b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> CanvasResult {
        if !fill {
            return self.delegate(|b| b.draw_rect(upper_left, bottom_right, style, fill));
        }
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.set_fill(style.color());
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        self.ctx.fill_rect(x, y, f64::from(bottom_right.0) - x, f64::from(bottom_right.1) - y);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> CanvasResult {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let points: Vec<BackendCoord> = path.into_iter().collect();
        self.add_line(&points, color, style.stroke_width(), SOLID);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> CanvasResult {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.set_fill(style.color());
        self.ctx.begin_path();
        let mut path = path.into_iter();
        if let Some(first) = path.next() {
            self.ctx.move_to(f64::from(first.0), f64::from(first.1));
            for p in path {
                self.ctx.line_to(f64::from(p.0), f64::from(p.1));
            }
            self.ctx.close_path();
        }
        self.ctx.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> CanvasResult {
        self.delegate(|b| b.draw_circle(center, radius, style, fill))
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> CanvasResult {
        if !matches!(style.transform(), FontTransform::None) {
            return self.delegate(|b| b.draw_text(text, style, pos));
        }
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let anchor = style.anchor();
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.baseline != baseline {
            self.ctx.set_text_baseline(baseline);
            self.baseline = baseline;
        }
        if self.align != align {
            self.ctx.set_text_align(align);
            self.align = align;
        }
        self.set_fill(style.color());
        let font = format!("{} {}px {}", style.style().as_str(), num::plain(style.size()), style.family().as_str());
        if self.font != font {
            self.ctx.set_font(&font);
            self.font = font;
        }
        self.ctx.fill_text(text, f64::from(pos.0), f64::from(pos.1)).map_err(|_| DrawingErrorKind::DrawingError(CanvasError("fillText failed".into())))
    }
}

/// A dashed line as one line with the canvas's dash pattern (it restarts at each line's start, as
/// the charts' own dashes do): two calls instead of two per dash.
impl Dashes for Canvas {
    fn dashed(&mut self, from: BackendCoord, to: BackendCoord, dash: (i32, i32), style: &ShapeStyle) -> CanvasResult {
        let color = style.color();
        if color.alpha == 0.0 || dash.0 <= 0 {
            return Ok(());
        }
        // Dashes that touch or overlap are a solid line.
        self.add_line(&[from, to], color, style.stroke_width, if dash.1 <= dash.0 { SOLID } else { dash });
        Ok(())
    }
}
