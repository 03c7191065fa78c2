//! The interview: a conversation through the nine blocks that talks to the person only through
//! the [`Prompter`] trait. `session` decides what to walk and writes the result; `walk` steps
//! through the blocks; `details`, `questions` and `items` ask one part of a block each.

mod clock;
mod coach;
mod details;
mod items;
mod plan;
mod prompt;
mod questions;
mod save;
#[cfg(test)]
mod scripted;
mod session;
#[cfg(test)]
mod tests;
mod walk;

pub use clock::{SystemClock, now, today};
pub use coach::Coaching;
pub use prompt::TermPrompter;
pub use session::{Ending, OnDisk, Options, Session};
