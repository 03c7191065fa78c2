//! canvas-coach: a coaching assistant for the Business Model Canvas.
//!
//! The question banks and messages are data (`bank`, `i18n`); the canvas is a typed model
//! (`model`) read from and written back into the user's own file (`file`); the interview
//! (`interview`) talks to a person only through a prompter; amounts in texts are read by
//! `money`; gap rules (`gaps`) are pure functions; every output is made in `render`; `app` runs the commands and prints errors.

mod analysis;
mod app;
mod bank;
mod cli;
mod error;
mod file;
mod gaps;
mod i18n;
mod interview;
mod model;
mod money;
mod render;

pub use app::run;

/// What the benchmarks and the tests of the real binary use: the model, the built-in banks and
/// messages, reading and writing canvas files, the gap report and the renderings.
pub mod api {
    pub use crate::analysis::diff::compare as compare_canvases;
    pub use crate::bank::{Bank, Form};
    pub use crate::file::atomic::write_atomic;
    pub use crate::file::document::render as write_document;
    pub use crate::file::draft::draft_path;
    pub use crate::file::import::{Columns as ImportColumns, Source as ImportSource, parse as parse_import};
    pub use crate::file::parse_canvas;
    pub use crate::gaps::GapReport;
    pub use crate::i18n::{Language, Messages, fill};
    pub use crate::model::{
        Acknowledged, Amount, BlockId, Canvas, Cost, Decision, Evidence, Item, Learning, Per, Sitting,
        Status, Strength, Test, TestState,
    };
    pub use crate::render::{
        Format, Paper, Size, assumptions as render_assumptions, canvas as render_canvas, diff as render_diff,
        report as render_report,
    };
}
