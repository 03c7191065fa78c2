//! How the interview talks to a person. The engine sees only the [`Prompter`] trait; the
//! terminal implementation here is the one place that uses dialoguer and indicatif, and tests
//! drive the same engine with a scripted prompter. Every text it shows may hold answers, items or
//! bank text from files, so it shows them with their control characters escaped.

use std::borrow::Cow;
use std::io;

use console::{Style, Term};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Input, MultiSelect, Select};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::render::safe;
use crate::render::wrap::wrap;

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
    /// Lines of text, one per sticky note, until an empty line; `prefill` are lines given before.
    fn lines(&mut self, prompt: &str, prefill: &[String]) -> Reply<Vec<String>>;
    /// Ticks any number of `options`; returns the ticked indices in order.
    fn multi_select(&mut self, prompt: &str, options: &[String], ticked: &[bool]) -> Reply<Vec<usize>>;
    /// Picks one of `options`.
    fn select(&mut self, prompt: &str, options: &[String], default: usize) -> Reply<usize>;
}

/// The real terminal: prompts and progress on stderr, as dialoguer does.
pub struct TermPrompter {
    theme: ColorfulTheme,
    term: Term,
}

impl Default for TermPrompter {
    fn default() -> Self {
        TermPrompter {
            theme: ColorfulTheme::default(),
            term: Term::stderr(),
        }
    }
}

impl Prompter for TermPrompter {
    fn say(&mut self, text: Say<'_>) {
        let line = match text {
            Say::Heading(t) => format!(
                "\n{}",
                Style::new().for_stderr().bold().cyan().apply_to(safe::line(t))
            ),
            Say::Paragraph(t) => wrap(&safe::lines(t), self.width()).join("\n"),
            Say::Note(t) => Style::new()
                .for_stderr()
                .dim()
                .apply_to(wrap(&safe::lines(t), self.width()).join("\n"))
                .to_string(),
        };
        // A write error here means the terminal is gone; the next prompt reports it.
        let _ = self.term.write_line(&line);
    }

    fn progress(&mut self, done: usize, total: usize, label: &str) {
        let bar =
            ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::term(self.term.clone(), 1));
        bar.set_style(
            ProgressStyle::with_template("\n{bar:27.cyan/blue} {msg}")
                .expect("valid template")
                .progress_chars("█▓░"),
        );
        bar.set_position(done as u64);
        bar.set_message(safe::line(label).into_owned());
        bar.abandon();
    }

    /// A prefill with control characters is edited in its escaped form; kept as shown, it is
    /// the text it stands for, edited, the text typed.
    fn input(&mut self, prompt: &str, prefill: &str) -> Reply<String> {
        let shown = safe::line(prefill);
        let typed = Input::<String>::with_theme(&self.theme)
            .with_prompt(safe::line(prompt))
            .with_initial_text(shown.as_ref())
            .allow_empty(true)
            .interact_text_on(&self.term)
            .map_err(into_io)?;
        Ok(Some(if typed == shown { prefill.to_owned() } else { typed }))
    }

    /// The question once, then one numbered field per line; an empty line ends the list.
    fn lines(&mut self, prompt: &str, prefill: &[String]) -> Reply<Vec<String>> {
        let _ = self.term.write_line(&safe::line(prompt));
        let mut lines = Vec::new();
        loop {
            let number = format!("  {}.", lines.len() + 1);
            let before = prefill.get(lines.len()).map_or("", String::as_str);
            let Some(line) = self.input(&number, before)? else {
                return Ok(None);
            };
            if line.trim().is_empty() {
                return Ok(Some(lines));
            }
            lines.push(line);
        }
    }

    fn multi_select(&mut self, prompt: &str, options: &[String], ticked: &[bool]) -> Reply<Vec<usize>> {
        MultiSelect::with_theme(&self.theme)
            .with_prompt(safe::line(prompt))
            .items(shown(options))
            .defaults(ticked)
            .max_length(self.list_rows())
            .interact_on_opt(&self.term)
            .map_err(into_io)
    }

    fn select(&mut self, prompt: &str, options: &[String], default: usize) -> Reply<usize> {
        Select::with_theme(&self.theme)
            .with_prompt(safe::line(prompt))
            .items(shown(options))
            .default(default)
            .interact_on_opt(&self.term)
            .map_err(into_io)
    }
}

impl TermPrompter {
    fn width(&self) -> usize {
        usize::from(self.term.size().1).clamp(40, 100)
    }

    /// Long lists page instead of scrolling the prompt off a small screen.
    fn list_rows(&self) -> usize {
        usize::from(self.term.size().0).saturating_sub(4).max(5)
    }
}

/// The options of a list as they are shown.
fn shown(options: &[String]) -> Vec<Cow<'_, str>> {
    options.iter().map(|o| safe::line(o)).collect()
}

fn into_io(error: dialoguer::Error) -> io::Error {
    match error {
        dialoguer::Error::IO(e) => e,
    }
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
