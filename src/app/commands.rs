//! The commands that read a canvas or a bank and print something: `render`, `diff`,
//! `assumptions`, `agenda`, `schema` and `bank`.

use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use super::voice::Voice;
use super::{Failure, output};
use crate::analysis;
use crate::bank::Bank;
use crate::cli::BankCommand;
use crate::cli::Cli;
use crate::error::Error;
use crate::file::{self, atomic, store};
use crate::gaps::GapReport;
use crate::i18n::{Language, Messages, fill};
use crate::model::BlockId;
use crate::render::{self, Format, Paper, Size, safe};

/// Prints `text`; a failure is worded with `messages`.
fn print(text: &str, messages: &'static Messages) -> Result<ExitCode, Failure> {
    output::print(text).map_err(|e| (e, messages))?;
    Ok(ExitCode::SUCCESS)
}

/// What `render` was asked for the size: the grid's width, if given, and the paper.
pub struct Shape {
    pub width: Option<usize>,
    pub paper: Paper,
}

pub fn render(
    path: &Path,
    format: Format,
    output: Option<&Path>,
    shape: Shape,
    voice: &Voice,
) -> Result<ExitCode, Failure> {
    /// The grid's width when the output is a file or a pipe.
    const DEFAULT_WIDTH: usize = 120;
    let canvas = file::read_canvas(path).map_err(|e| (e, voice.messages()))?;
    let (bank, messages) = voice.for_canvas(Some(&canvas.meta.language));
    let gaps = GapReport::new(&canvas, bank, messages);
    let columns = shape.width.unwrap_or_else(|| {
        let terminal = console::Term::stdout();
        if output.is_none_or(|o| o == Path::new("-")) && terminal.is_term() {
            usize::from(terminal.size().1)
        } else {
            DEFAULT_WIDTH
        }
    });
    let size = Size {
        columns,
        paper: shape.paper,
    };
    let text = render::canvas(format, &canvas, bank, &gaps, messages, size);
    match output {
        Some(out) if out != Path::new("-") => {
            atomic::write_output(out, &text).map_err(|e| (e, messages))?;
            Ok(ExitCode::SUCCESS)
        }
        _ => print(&text, messages),
    }
}

pub fn diff(old: &Path, new: &Path, format: Format, voice: &Voice) -> Result<ExitCode, Failure> {
    let (old, new) = file::read_canvas(old)
        .and_then(|old| Ok((old, file::read_canvas(new)?)))
        .map_err(|e| (e, voice.messages()))?;
    let (bank, messages) = voice.for_canvas(Some(&new.meta.language));
    let changes = analysis::diff::compare(&old, &new, bank, messages);
    print(
        &render::diff(&changes, &old, &new, bank, messages, format),
        messages,
    )
}

/// The ranked list, or with `map` the assumption map, as wide as the terminal up to the
/// map's own limit (its widest when the output is not a terminal).
pub fn assumptions(path: &Path, map: bool, voice: &Voice) -> Result<ExitCode, Failure> {
    let canvas = file::read_canvas(path).map_err(|e| (e, voice.messages()))?;
    let (bank, messages) = voice.for_canvas(Some(&canvas.meta.language));
    if !map {
        return print(&render::assumptions(&canvas, bank, messages), messages);
    }
    let terminal = console::Term::stdout();
    let columns = match terminal.is_term() {
        true => usize::from(terminal.size().1),
        false => usize::MAX,
    };
    print(
        &render::assumption_map(&canvas, bank, messages, columns),
        messages,
    )
}

pub fn agenda(blocks: Option<Vec<BlockId>>, voice: &Voice) -> Result<ExitCode, Failure> {
    let (bank, messages) = voice.for_canvas(None);
    let blocks = blocks.unwrap_or_else(|| BlockId::ALL.to_vec());
    print(&render::agenda(bank, messages, &blocks), messages)
}

pub fn schema(voice: &Voice) -> Result<ExitCode, Failure> {
    let mut text = serde_json::to_string_pretty(&file::schema()).expect("the schema serialises");
    text.push('\n');
    print(&text, voice.messages())
}

pub fn bank(command: BankCommand, voice: &Voice) -> Result<ExitCode, Failure> {
    let messages = voice.messages();
    match command {
        BankCommand::List => {
            let summaries: Vec<String> = Language::ALL
                .into_iter()
                .map(|language| bank_summary(language.code(), Bank::builtin(language), messages))
                .collect();
            print(&summaries.concat(), messages)
        }
        BankCommand::Export { language } => print(language.files().bank, messages),
        BankCommand::Check { file } => {
            let bank = store::read_text(&file)
                .and_then(|text| Ok(Bank::parse(&file, &text)?))
                .map_err(|e: Error| (e, messages))?;
            let summary = bank_summary(&safe::path(&file), &bank, messages);
            let said = fill(&messages.banks.valid, &[("summary", summary.trim_end())]);
            print(&format!("{said}\n"), messages)
        }
    }
}

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, voice: &Voice) -> Result<ExitCode, Failure> {
    print(&render::completions(shell, Cli::command()), voice.messages())
}

/// Prints the manual page.
pub fn man(voice: &Voice) -> Result<ExitCode, Failure> {
    print(&render::manual(Cli::command()), voice.messages())
}

/// One line about a bank: where it is, its language and how much it asks.
fn bank_summary(name: &str, bank: &Bank, messages: &Messages) -> String {
    let m = &messages.banks;
    let questions: usize = BlockId::ALL.iter().map(|&b| bank.block(b).questions.len()).sum();
    let options: usize = BlockId::ALL
        .iter()
        .flat_map(|&b| &bank.block(b).groups)
        .map(|g| g.options.len())
        .sum();
    let line = fill(
        &m.summary,
        &[
            ("questions", &messages.count(&m.questions_count, questions)),
            ("options", &messages.count(&m.options_count, options)),
        ],
    );
    format!("{name:<4} {:<12} {line}\n", safe::line(&bank.name))
}
