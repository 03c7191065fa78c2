//! Languages and everything the program says to a person. A language is one variant of
//! [`Language`], one question bank and one message file; its texts are embedded at build time.

mod language;
mod messages;

pub use language::Language;
pub use messages::{Interview as InterviewWords, KindWords, MapWords, Messages, fill};
