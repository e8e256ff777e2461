/*!
   The Plotters HTML5 Canvas backend.

   This backend allows Plotters operates the HTML5 Canvas when targeted to Webassembly.

   See the documentation for [CanvasBackend](struct.CanvasBackend.html) for more details.
*/
// tapecast: upstream calls web-sys setters deprecated since it was published (PATCH.md).
#[allow(deprecated)]
mod canvas;

pub use canvas::CanvasBackend;
