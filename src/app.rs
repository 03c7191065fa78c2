//! The commands: each loads what it needs, does its work and returns the exit status. Errors are
//! returned to `run`, which prints them once.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use toml_edit::DocumentMut;

use crate::bank::Bank;
use crate::canvas::Canvas;
use crate::cli::{Cli, Command};
use crate::document;
use crate::error::{Error, Invalid};
use crate::gaps::GapReport;
use crate::interview::{self, Interview, Outcome};
use crate::messages::{Messages, fill};
use crate::prompt::TermPrompter;
use crate::report;
use crate::store;

/// Exit status of `check` when a canvas has gaps.
const GAPS_FOUND: u8 = 1;
const INPUT_ERROR: u8 = 2;
/// The shell's convention for a program ended by Ctrl-C.
const INTERRUPTED: i32 = 130;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Interview { file, bank } => interview(&file, bank.as_deref()),
        Command::Check { files, bank } => check(&files, bank.as_deref()),
    };
    result.unwrap_or_else(|error| {
        eprintln!("canvas-coach: error: {error}");
        ExitCode::from(INPUT_ERROR)
    })
}

fn load_bank(path: Option<&Path>) -> Result<Bank, Error> {
    match path {
        Some(path) => Ok(Bank::parse(path, &store::read_text(path)?)?),
        None => Ok(Bank::builtin("en").expect("the English bank is built in")),
    }
}

/// A canvas file as read: the model, and the document to rewrite in place.
fn load_canvas(path: &Path) -> Result<(Canvas, DocumentMut), Error> {
    let text = store::read_text(path)?;
    let canvas = Canvas::parse(path, &text)?;
    let doc = text
        .parse::<DocumentMut>()
        .map_err(|e| Invalid::new(path, e.message().trim_end()))?;
    Ok((canvas, doc))
}

fn interview(path: &Path, bank: Option<&Path>) -> Result<ExitCode, Error> {
    let bank = load_bank(bank)?;
    let messages = Messages::english();
    let (mut canvas, doc) = match load_canvas(path) {
        Ok((canvas, doc)) => (canvas, Some(doc)),
        Err(e) if store::is_not_found(&e) => (Canvas::default(), None),
        Err(e) => return Err(e),
    };
    if !io::stdin().is_terminal() || !io::stderr().is_terminal() {
        return Err(Error::NeedsTerminal);
    }
    on_interrupt(path.to_path_buf());

    let interview = Interview {
        bank: &bank,
        messages: &messages,
        today: interview::today(),
    };
    let outcome = match interview.run(&mut canvas, &mut TermPrompter::default()) {
        Ok(outcome) => outcome,
        Err(e) if e.kind() == io::ErrorKind::Interrupted => interrupted(path),
        Err(e) => return Err(Error::Prompt(e)),
    };

    let gap_report = GapReport::new(&canvas, &bank, &messages);
    store::write_atomic(path, &document::render(doc, &canvas, &gap_report))?;

    let m = &messages.interview;
    let shown = path.display().to_string();
    print_out(&report::text(&canvas, &gap_report, &bank, &messages));
    let saved = match outcome {
        Outcome::Finished => &m.saved,
        Outcome::Paused => &m.saved_partial,
    };
    eprintln!("\n{}", fill(saved, &[("path", &shown)]));
    eprintln!("{}", fill(&m.check_again, &[("path", &shown)]));
    Ok(ExitCode::SUCCESS)
}

fn check(files: &[PathBuf], bank: Option<&Path>) -> Result<ExitCode, Error> {
    let bank = load_bank(bank)?;
    let messages = Messages::english();
    let mut failed = false;
    let mut gaps_found = false;
    for (n, path) in files.iter().enumerate() {
        if n > 0 {
            print_out("\n");
        }
        let canvas = match load_canvas(path) {
            Ok((canvas, _)) => canvas,
            Err(error) => {
                eprintln!("canvas-coach: error: {error}");
                failed = true;
                continue;
            }
        };
        let gap_report = GapReport::new(&canvas, &bank, &messages);
        gaps_found |= !gap_report.gaps.is_empty();
        if files.len() > 1 {
            print_out(&format!("{}\n", path.display()));
        }
        print_out(&report::text(&canvas, &gap_report, &bank, &messages));
    }
    Ok(ExitCode::from(match (failed, gaps_found) {
        (true, _) => INPUT_ERROR,
        (false, true) => GAPS_FOUND,
        (false, false) => 0,
    }))
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
fn print_out(text: &str) {
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("canvas-coach: error: cannot write output: {e}");
        }
    }
}

/// Ctrl-C arrives as SIGINT while a prompt holds the terminal; dialoguer has hidden the cursor.
fn on_interrupt(path: PathBuf) {
    // Without the handler Ctrl-C still ends the program; only the cursor stays hidden.
    let _ = ctrlc::set_handler(move || interrupted(&path));
}

fn interrupted(path: &Path) -> ! {
    let _ = console::Term::stderr().show_cursor();
    eprintln!("\ninterrupted: {} was not changed", path.display());
    std::process::exit(INTERRUPTED)
}
