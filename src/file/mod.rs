//! Every file canvas-coach reads or writes: canvases (read, and rewritten in the user's own file
//! with toml_edit), drafts and backups, atomic stores, the JSON Schema of the format, and
//! canvases imported from other formats.

pub mod atomic;
pub mod document;
pub mod draft;
pub mod import;
pub mod lock;
mod parse;
mod read;
mod schema;
pub mod store;

pub use parse::{canvas as parse_canvas, partial as parse_partial};
pub use read::{Loaded, Style, canvas as read_canvas, load};
pub use schema::canvas as schema;
