//! tapecast: explorable market scenarios for blog posts.
//!
//! A reader moves a scenario's inputs and watches the projected market response redraw. The
//! crate is layered so that each part can be tested on its own:
//!
//! - [`scenario`]: the scenario file format (plain serde data) and its validation;
//! - [`inputs`]: the reader's inputs, validated from text (attributes, permalinks);
//! - [`model`]: the pure, deterministic engine (`Engine::project`);
//! - [`chart`]: drawing, generic over any plotters backend (canvas in the browser, SVG natively);
//! - [`text`]: numbers, dates and strings for readers, English and Chinese;
//! - [`view`]: a projection as the reader sees it (chart specs, the summary sentence);
//! - `snapshot`: the static SVG and figure of a state (native, and the studio's wasm);
//! - `web` (wasm only): the boundary that talks to JavaScript (`src/web.rs`, its canvas backend in `src/web/canvas.rs`).
//!
//! See ARCHITECTURE.md for the invariants and docs/MODEL.md for the equations.
#![warn(missing_docs)]

pub mod chart;
pub mod golden;
pub mod inputs;
pub mod model;
pub mod scenario;
/// Static snapshots (SVG and the no-JavaScript figure): native builds and the studio's wasm.
#[cfg(any(not(target_arch = "wasm32"), feature = "studio"))]
pub mod snapshot;
pub mod text;
pub mod view;

/// The wasm-bindgen boundary (wasm builds only).
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use inputs::Inputs;
pub use scenario::MODEL_VERSION;
pub use model::{Band, Engine, Headline, Projection};
pub use scenario::{Problem, Scenario};

// The wasm's allocator: talc (smaller than std's dlmalloc, as fast; Cargo.toml says what was measured).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
