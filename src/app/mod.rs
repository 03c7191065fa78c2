//! The commands: each loads what it needs, does its work and returns the exit status. Errors come
//! back to [`run`], the one place that prints them.

mod cards;
mod check;
mod commands;
mod given;
mod import;
mod interview;
mod output;
mod voice;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::i18n::Messages;
use voice::Voice;

/// Exit status of `check` when a canvas has gaps.
const GAPS_FOUND: u8 = 1;
const INPUT_ERROR: u8 = 2;
/// The shell's convention for a program ended by Ctrl-C.
const INTERRUPTED: i32 = 130;

/// An error and the messages to word it in.
type Failure = (Error, &'static Messages);

pub fn run() -> ExitCode {
    let mut cli = Cli::parse();
    // Blocks are always walked and planned in the recommended order, each once.
    if let Command::Interview {
        blocks: Some(blocks), ..
    }
    | Command::Agenda {
        blocks: Some(blocks), ..
    } = &mut cli.command
    {
        blocks.sort();
        blocks.dedup();
    }
    dispatch(cli).unwrap_or_else(|(error, messages)| {
        eprintln!(
            "canvas-coach: {}: {}",
            messages.errors.prefix,
            error.localized(messages)
        );
        ExitCode::from(INPUT_ERROR)
    })
}

fn dispatch(cli: Cli) -> Result<ExitCode, Failure> {
    let lang = cli.lang;
    match cli.command {
        command @ Command::Interview { .. } => interview::from_command(command, lang),
        Command::Agenda { blocks, bank } => {
            commands::agenda(blocks, &Voice::with_bank(bank.as_deref(), lang)?)
        }
        Command::Check { files, format, bank } => {
            check::run(&files, format.into(), &Voice::with_bank(bank.as_deref(), lang)?)
        }
        Command::Render {
            file,
            format,
            output,
            width,
            paper,
        } => {
            let shape = commands::Shape { width, paper };
            commands::render(&file, format.into(), output.as_deref(), shape, &Voice::new(lang))
        }
        Command::Import {
            source,
            output,
            from,
            columns,
            force,
        } => {
            let from = from.map(Into::into);
            let asked = import::Asked {
                source,
                output,
                from,
                columns,
                force,
            };
            import::run(asked, &Voice::new(lang), lang)
        }
        Command::Assumptions { file, map } => commands::assumptions(&file, map, &Voice::new(lang)),
        Command::Test(command) => cards::test(command, &Voice::new(lang)),
        Command::Learn(asked) => cards::learn(asked, &Voice::new(lang)),
        Command::Diff { old, new, format } => commands::diff(&old, &new, format.into(), &Voice::new(lang)),
        Command::Schema => commands::schema(&Voice::new(lang)),
        Command::Bank(command) => commands::bank(command, &Voice::new(lang)),
        Command::Completions { shell } => commands::completions(shell, &Voice::new(lang)),
        Command::Man => commands::man(&Voice::new(lang)),
    }
}
