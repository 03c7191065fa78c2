//! How the interview talks to a person. The engine sees only the [`Prompter`] trait: the
//! terminal implements it in `terminal/`, and tests drive the same engine with a scripted
//! prompter.

use std::io;

/// Between an option's label and the description that helps to choose it; a choice, once made,
/// is recorded by its label alone.
pub const DETAIL: &str = " — ";

/// Text the interview shows between questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Say<'a> {
    Heading(&'a str),
    Paragraph(&'a str),
    Note(&'a str),
}

/// What a prompt returns: the answer, or `None` when the person pressed Esc to go back.
pub type Reply<T> = io::Result<Option<T>>;

pub trait Prompter {
    fn say(&mut self, text: Say<'_>);
    /// Where the interview stands: `done` of `total` steps, and what the current one is.
    fn progress(&mut self, done: usize, total: usize, label: &str);
    /// A line of text. `prefill` is editable text already in the field; Enter keeps it.
    fn input(&mut self, prompt: &str, prefill: &str) -> Reply<String>;
    /// A date; typing replaces `current` instead of adding to it.
    fn date(&mut self, prompt: &str, current: &str) -> Reply<String> {
        self.input(prompt, current)
    }
    /// Lines of text, one per sticky note, until an empty line; `prefill` are lines given before.
    fn lines(&mut self, prompt: &str, prefill: &[String]) -> Reply<Vec<String>>;
    /// Ticks any number of `options`; returns the ticked indices in order.
    fn multi_select(&mut self, prompt: &str, options: &[String], ticked: &[bool]) -> Reply<Vec<usize>>;
    /// Picks one of `options`.
    fn select(&mut self, prompt: &str, options: &[String], default: usize) -> Reply<usize>;
}

/// What an answer to a prefilled field means: Enter on the prefill keeps the stored value
/// exactly, so changing nothing changes nothing; newly typed text is trimmed.
pub fn kept_or_trimmed(answer: &str, prefill: &str) -> String {
    if answer == prefill {
        prefill.to_owned()
    } else {
        answer.trim().to_owned()
    }
}
