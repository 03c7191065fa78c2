//! canvas-coach: a coaching assistant for the Business Model Canvas.
//!
//! The question bank is data (`bank`), the canvas a typed model (`canvas`) written back into the
//! user's own file (`document`, `store`); the interview (`interview`) talks to a person only
//! through a prompter (`prompt`); gap rules (`gaps`) are pure functions, and the report's text
//! (`report`) is separate from them.

pub mod agenda;
pub mod app;
pub mod assumptions;
pub mod bank;
pub mod block;
pub mod canvas;
pub mod cli;
pub mod cohort;
pub mod diff;
pub mod document;
pub mod error;
pub mod gaps;
pub mod given;
pub mod interview;
pub mod language;
pub mod messages;
mod parallel;
pub mod prompt;
pub mod render;
pub mod report;
pub mod schema;
mod sections;
pub mod session;
pub mod store;
pub mod text;

pub use app::run;
