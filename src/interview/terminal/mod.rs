//! The real terminal: the one place that uses dialoguer and indicatif. Questions are written
//! and wrapped here, so that a prompt redrawn in place knows how many rows it takes; lists are
//! dialoguer's, one row per option; a line of text is typed in this module's own editor. Every
//! text shown may hold answers, items or bank text from files, so it is shown escaped.

mod editor;
mod lists;
mod screen;

use std::io;

use console::{Style, Term, measure_text_width};
use dialoguer::{MultiSelect, Select};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::prompt::{Prompter, Reply, Say};
use crate::i18n::Messages;
use crate::render::safe;
use crate::render::wrap::wrap;
use editor::{Line, Outcome};
use lists::ListTheme;
use screen::Region;

/// Prompts and progress on stderr, so that standard output stays free for the program's output.
pub struct TermPrompter {
    term: Term,
    theme: ListTheme,
    /// How the keys of a tick list work, shown under its question.
    tick_keys: String,
}

impl TermPrompter {
    pub fn new(messages: &Messages) -> Self {
        TermPrompter {
            term: Term::stderr(),
            theme: ListTheme::default(),
            tick_keys: messages.interview.tick_keys.clone(),
        }
    }

    fn columns(&self) -> usize {
        usize::from(self.term.size().1).max(20)
    }

    /// Wrapped text for reading: never wider than 100 columns.
    fn width(&self) -> usize {
        self.columns().clamp(40, 100)
    }

    /// Writes the question of a list and the keys' help; returns the rows written. The
    /// question of sticky notes has no `?`: the numbered lines under it are what is asked.
    fn list_heading(&self, prompt: &str, asked: bool, keys: Option<&str>) -> io::Result<usize> {
        let mut rows = wrap(&safe::line(prompt), self.columns() - 2);
        if let Some(first) = rows.first_mut() {
            let mark = if asked { question_mark() } else { " ".to_owned() };
            *first = format!("{mark} {}", bold(first));
        }
        for row in rows.iter_mut().skip(1) {
            *row = format!("  {}", bold(row));
        }
        if let Some(keys) = keys {
            rows.extend(
                wrap(keys, self.columns() - 2)
                    .iter()
                    .map(|k| format!("  {}", dim(k))),
            );
        }
        for row in &rows {
            self.term.write_line(row)?;
        }
        Ok(rows.len())
    }

    /// Rows left for a list's options under a heading of `heading` rows.
    fn list_rows(&self, heading: usize) -> usize {
        usize::from(self.term.size().0).saturating_sub(heading + 2).max(3)
    }

    /// Clears a list's heading and records what was chosen.
    fn chosen(&self, heading: usize, prompt: &str, labels: &[String]) -> io::Result<()> {
        screen::clear_rows(&self.term, heading)?;
        self.term
            .write_line(&self.summary(prompt, " · ", &labels.join(", ")))
    }

    /// The rows a question leaves once answered: its prompt and the answer, wrapped between
    /// words.
    fn summary(&self, prompt: &str, joined: &str, answer: &str) -> String {
        let said = if answer.trim().is_empty() {
            safe::line(prompt).into_owned()
        } else {
            format!("{}{joined}{}", safe::line(prompt), safe::line(answer))
        };
        let tick = Style::new().for_stderr().green().apply_to("✔");
        let rows = wrap(&said, self.columns() - 2);
        let mut shown = format!("{tick} {}", rows.first().map_or("", String::as_str));
        for row in rows.iter().skip(1) {
            shown.push_str(&format!("\n  {row}"));
        }
        shown
    }

    /// What stands before the typed text: a short prompt on its line, a long one wrapped above
    /// it, so that the question breaks between words and the answer starts on a row of its own.
    fn edit_lead(&self, prompt: &str) -> (Vec<String>, String) {
        let prompt = safe::line(prompt);
        if measure_text_width(&prompt) <= self.columns() / 2 {
            return (
                Vec::new(),
                format!("{} {} {} ", question_mark(), bold(&prompt), dim("›")),
            );
        }
        let mut heading = wrap(&prompt, self.columns() - 2);
        for (n, row) in heading.iter_mut().enumerate() {
            let mark = if n == 0 { question_mark() } else { " ".to_owned() };
            *row = format!("{mark} {}", bold(row));
        }
        (heading, format!("  {} ", dim("›")))
    }

    /// A line of text typed in place, redrawn after each key. A sticky note's empty line,
    /// which ends the list, leaves nothing behind.
    fn edit(&mut self, prompt: &str, prefill: &str, field: Field) -> Reply<String> {
        if !self.term.is_term() {
            return Err(io::Error::other("not a terminal"));
        }
        let shown = safe::line(prefill);
        let mut line = Line::new(&shown, field == Field::Date);
        let (heading, lead) = self.edit_lead(prompt);
        let mut region = Region::new(&self.term);
        let outcome = loop {
            let before = measure_text_width(&lead) + measure_text_width(&line.before_cursor());
            region.draw(&heading, &format!("{lead}{}", line.text()), before)?;
            match line.press(&self.term.read_key()?) {
                Outcome::Editing => {}
                done => break done,
            }
        };
        let typed = line.text();
        if outcome == Outcome::Back {
            region.finish(None)?;
            return Ok(None);
        }
        if field == Field::Note && typed.trim().is_empty() {
            region.finish(None)?;
        } else {
            let joined = if field == Field::Note { " " } else { " · " };
            region.finish(Some(&self.summary(prompt, joined, &typed)))?;
        }
        Ok(Some(if typed == shown { prefill.to_owned() } else { typed }))
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
            Say::Note(t) => dim(&wrap(&safe::lines(t), self.width()).join("\n")),
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

    fn input(&mut self, prompt: &str, prefill: &str) -> Reply<String> {
        self.edit(prompt, prefill, Field::Text)
    }

    fn date(&mut self, prompt: &str, current: &str) -> Reply<String> {
        self.edit(prompt, current, Field::Date)
    }

    /// The question once, then one numbered field per line; an empty line ends the list. Esc
    /// takes the last line back to edit it, and leaves the list only from its first line, so
    /// going back never throws away what was typed.
    fn lines(&mut self, prompt: &str, prefill: &[String]) -> Reply<Vec<String>> {
        self.list_heading(prompt, false, None)?;
        let mut lines: Vec<String> = Vec::new();
        let mut again: Option<String> = None;
        loop {
            let number = format!("{}.", lines.len() + 1);
            let before = again.take();
            let before = before.as_deref().or(prefill.get(lines.len()).map(String::as_str));
            let Some(line) = self.edit(&number, before.unwrap_or(""), Field::Note)? else {
                let Some(last) = lines.pop() else {
                    return Ok(None);
                };
                let shown = self.summary(&format!("{}.", lines.len() + 1), " ", &last);
                screen::clear_rows(&self.term, shown.lines().count())?;
                again = Some(last);
                continue;
            };
            if line.trim().is_empty() {
                return Ok(Some(lines));
            }
            lines.push(line);
        }
    }

    fn multi_select(&mut self, prompt: &str, options: &[String], ticked: &[bool]) -> Reply<Vec<usize>> {
        let heading = self.list_heading(prompt, true, Some(&self.tick_keys))?;
        let picked = MultiSelect::with_theme(&self.theme)
            .items(lists::fitted(options, self.columns(), lists::room(true)))
            .defaults(ticked)
            .max_length(self.list_rows(heading))
            .interact_on_opt(&self.term)
            .map_err(into_io)?;
        match &picked {
            Some(picks) => {
                let labels: Vec<String> = picks.iter().map(|&p| lists::label(&options[p])).collect();
                self.chosen(heading, prompt, &labels)?;
            }
            None => screen::clear_rows(&self.term, heading)?,
        }
        Ok(picked)
    }

    fn select(&mut self, prompt: &str, options: &[String], default: usize) -> Reply<usize> {
        let heading = self.list_heading(prompt, true, None)?;
        let picked = Select::with_theme(&self.theme)
            .items(lists::fitted(options, self.columns(), lists::room(false)))
            .default(default)
            .max_length(self.list_rows(heading))
            .interact_on_opt(&self.term)
            .map_err(into_io)?;
        match picked {
            Some(pick) => self.chosen(heading, prompt, &[lists::label(&options[pick])])?,
            None => screen::clear_rows(&self.term, heading)?,
        }
        Ok(picked)
    }
}

/// What a typed field holds, which decides how typing and the finished line behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Text,
    /// Typing replaces the date shown instead of adding to it.
    Date,
    /// One sticky note of a list.
    Note,
}

fn question_mark() -> String {
    Style::new()
        .for_stderr()
        .yellow()
        .bold()
        .apply_to("?")
        .to_string()
}

fn bold(text: &str) -> String {
    Style::new().for_stderr().bold().apply_to(text).to_string()
}

fn dim(text: &str) -> String {
    Style::new().for_stderr().dim().apply_to(text).to_string()
}

fn into_io(error: dialoguer::Error) -> io::Error {
    match error {
        dialoguer::Error::IO(e) => e,
    }
}
