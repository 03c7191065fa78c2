//! The interview: a conversation through the nine blocks that talks to the person only through
//! the [`Prompter`] trait. `session` decides what to walk and writes the result; `walk` goes
//! through the blocks; `steps` asks one block as a conversation, through `questions`, `items` and
//! `menu`; `check` is the coach's check after a block.

mod amount;
mod cards;
mod check;
mod clock;
mod coach;
mod details;
mod items;
mod menu;
mod plan;
mod prompt;
mod questions;
mod save;
#[cfg(test)]
mod scripted;
mod session;
mod steps;
mod terminal;
#[cfg(test)]
mod tests;
mod walk;

pub use cards::suggested_hypothesis;
pub use clock::{SystemClock, now, today};
pub use coach::Coaching;
pub use save::Resolver;
pub use session::{Ending, OnDisk, Options, Session};
pub use terminal::TermPrompter;
pub use walk::Interview;
